package io.github.samfiji.engine.install;

import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.model.Checksums;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelFile;
import io.github.samfiji.engine.model.ModelStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Installs a catalog model by download. Partial files live in the store's {@code .downloads/ID/} directory so
 * that an interrupted download resumes; a file is used only after its SHA-256 matched, and a mismatching one is
 * deleted.
 */
final class ModelDownload {

	private final ModelStore store;
	private final ModelCatalog.Entry entry;

	ModelDownload(ModelStore store, ModelCatalog.Entry entry) {
		this.store = store;
		this.entry = entry;
	}

	ModelDescriptor run(TaskMonitor monitor) throws IOException {
		ModelDescriptor d = entry.descriptor();
		if (!d.downloadable()) throw new IOException("Model '" + d.id() + "' cannot be downloaded: its ONNX files are " +
			"not published with checksums. " + d.source());
		Path downloads = store.root().resolve(".downloads").resolve(d.id());
		for (ModelFile f : d.files())
			fetch(f, downloads.resolve(f.fileName() + ".part"), monitor);
		try (StagedModel staged = StagedModel.create(store, d.id())) {
			for (ModelFile f : d.files())
				Files.move(downloads.resolve(f.fileName() + ".part"), staged.file(f.fileName()));
			staged.writeDescriptor(entry.json());
			ModelDescriptor installed = staged.commit();
			StagedModel.deleteTree(downloads);
			return installed;
		}
	}

	private static void fetch(ModelFile f, Path part, TaskMonitor monitor) throws IOException {
		Files.createDirectories(part.getParent());
		Downloader.download(f.url(), part, f.fileName(), monitor);
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
