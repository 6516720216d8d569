package io.github.samfiji.engine.install;

import com.google.gson.JsonObject;

import io.github.samfiji.engine.model.Checksums;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelFile;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Installs a catalog model by download. Partial files live in the store's {@code .downloads/ID/} directory so
 * that an interrupted download resumes; a file is used only after its SHA-256 matched, and a mismatching one is
 * deleted. A model published as a zip is fetched and checked as one file, and only the entries it needs are taken
 * out ({@link ArchiveExtraction}); their SHA-256 is recorded in the installed descriptor. Before the model replaces
 * anything it must pass the {@link SmokeTest}; when it does not, the verified downloads are kept for the next try.
 */
final class ModelDownload {

	private final ModelStore store;
	private final ModelCatalog.Entry entry;
	private final DownloadPolicy policy;

	ModelDownload(ModelStore store, ModelCatalog.Entry entry, DownloadPolicy policy) {
		this.store = store;
		this.entry = entry;
		this.policy = policy;
	}

	/**
	 * @param licenseAccepted whether the user accepted the licence (needed when the descriptor asks for it)
	 * @throws LicenseNotAcceptedException when the licence must be accepted and was not (nothing is downloaded)
	 */
	Installation run(boolean licenseAccepted, TaskMonitor monitor) throws IOException {
		ModelDescriptor d = entry.descriptor();
		if (!d.downloadable()) throw new IOException("Model '" + d.id() + "' cannot be downloaded: its ONNX files are " +
			"not published with checksums. " + d.source());
		if (d.catalog().licenseAcceptance() && !licenseAccepted) throw new LicenseNotAcceptedException(d);
		Path downloads = store.root().resolve(".downloads").resolve(d.id());
		for (ModelFile f : d.downloads())
			fetch(f, part(downloads, f), monitor);
		JsonObject json = entry.json();
		if (d.catalog().licenseAcceptance()) json.addProperty("licenseAccepted", Instant.now().toString());
		try (StagedModel staged = StagedModel.create(store, d.id())) {
			Map<Path, Path> moved = place(d, downloads, staged, json, monitor);
			ModelDescriptor stagedDescriptor = staged.writeDescriptor(json);
			String smoke = smokeTest(stagedDescriptor, moved, downloads, monitor);
			ModelDescriptor installed = staged.commit();
			StagedModel.deleteTree(downloads);
			return new Installation(installed, "SHA-256 checked; " + smoke);
		}
	}

	private static Path part(Path downloads, ModelFile f) {
		return downloads.resolve(f.fileName() + ".part");
	}

	/**
	 * Puts the model's files into the staging directory: the verified downloads moved there, or the archive's
	 * entries extracted (their checksums recorded in {@code json}).
	 *
	 * @return staged file -> the download it was moved from (empty for an archive, whose download stays)
	 */
	private static Map<Path, Path> place(ModelDescriptor d, Path downloads, StagedModel staged, JsonObject json,
		TaskMonitor monitor) throws IOException
	{
		Map<Path, Path> moved = new LinkedHashMap<>();
		ModelFile archive = d.catalog().archive();
		if (archive == null) {
			for (ModelFile f : d.files()) {
				Path target = staged.file(f.fileName());
				Files.move(part(downloads, f), target);
				moved.put(target, part(downloads, f));
			}
			return moved;
		}
		Map<String, Path> wanted = new LinkedHashMap<>();
		for (ModelFile f : d.files())
			wanted.put(f.fileName(), staged.file(f.fileName()));
		ArchiveExtraction.extract(part(downloads, archive), archive.fileName(), wanted, ArchiveExtraction.MAX_ENTRY_BYTES, monitor);
		for (ModelFile f : d.files()) {
			String actual = Checksums.sha256(wanted.get(f.fileName()));
			if (f.sha256() != null && !f.sha256().equals(actual)) throw new IOException("Entry " + f.fileName() + " of " +
				archive.fileName() + " has SHA-256 " + actual + ", but the catalogue expects " + f.sha256() +
				". Nothing was installed or changed.");
			DescriptorChecksums.record(json, f, actual);
		}
		return moved;
	}

	/** Runs the smoke test; on failure moves the verified downloads back, so that the next try fetches nothing. */
	private static String smokeTest(ModelDescriptor staged, Map<Path, Path> moved, Path downloads,
		TaskMonitor monitor) throws IOException
	{
		monitor.progress("Checking " + staged.id() + ": segmenting a test image", 0, 0);
		try {
			return SmokeTest.run(staged);
		}
		catch (IOException e) {
			for (Map.Entry<Path, Path> m : moved.entrySet())
				moveBack(m.getKey(), m.getValue(), e);
			throw new IOException("Model '" + staged.id() + "' was downloaded and its SHA-256 checked, but the smoke " +
				"test failed: " + e.getMessage() + ". Nothing was installed or changed; the verified files are kept in " +
				downloads + " so that the next try does not download them again.", e);
		}
	}

	private static void moveBack(Path from, Path to, IOException failure) {
		try {
			Files.move(from, to);
		}
		catch (IOException e) {
			failure.addSuppressed(e);
		}
	}

	private void fetch(ModelFile f, Path part, TaskMonitor monitor) throws IOException {
		Files.createDirectories(part.getParent());
		Downloader.download(f.url(), part, f.fileName(), f.size(), policy, monitor);
		monitor.progress("Checking " + f.fileName(), 0, 0);
		String actual = Checksums.sha256(part);
		if (!actual.equals(f.sha256())) {
			Files.delete(part);
			throw new IOException("Checksum mismatch for " + f.fileName() + " downloaded from " + f.url() +
				": expected SHA-256 " + f.sha256() + " but got " + actual + ". The download was discarded and the " +
				"installed model (if any) is unchanged; try again, and if it persists the file on the server has changed.");
		}
	}
}
