package io.github.samfiji.engine.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.model.ModelNotInstalledException;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Installs, imports and removes models in a {@link ModelStore}; the engine behind the "Model Manager" command and
 * {@code sam models}. Every change is staged in a hidden directory of the store and swapped in only when complete
 * and verified (SHA-256 of every download, then a smoke segmentation), so a failed, cancelled or corrupt install
 * never replaces a working model. Downloads use HTTPS only. Works offline once a model is installed. Blocking: call
 * it off the event thread.
 */
public final class ModelManager {

	private final ModelStore store;
	private final ModelCatalog catalog;
	private final DownloadPolicy policy;

	/** A manager that downloads over HTTPS only. */
	public ModelManager(ModelStore store, ModelCatalog catalog) {
		this(store, catalog, DownloadPolicy.HTTPS_ONLY);
	}

	/** Tests: {@link DownloadPolicy#LOOPBACK_HTTP_FOR_TESTS} lets them serve files from a local HTTP server. */
	ModelManager(ModelStore store, ModelCatalog catalog, DownloadPolicy policy) {
		this.store = store;
		this.catalog = catalog;
		this.policy = policy;
	}

	/** The configured store and the bundled catalog. */
	public static ModelManager defaults() throws IOException {
		return new ModelManager(ModelStore.defaultStore(), ModelCatalog.bundled());
	}

	public ModelStore store() { return store; }

	public ModelCatalog catalog() { return catalog; }

	/**
	 * Downloads a known model whose licence needs no acceptance; see {@link #install(String, boolean, TaskMonitor)}.
	 *
	 * @throws LicenseNotAcceptedException for a model whose licence must be accepted first
	 */
	public ModelDescriptor install(String id, TaskMonitor monitor) throws IOException {
		return install(id, false, monitor).descriptor();
	}

	/**
	 * Downloads a known model: each file (or the zip that holds them) is fetched over HTTPS, resuming a partial
	 * download, and its SHA-256 checked; the model is then opened and segments a small test image
	 * ({@link SmokeTest}), and only then swapped in atomically.
	 *
	 * @param licenseAccepted whether the user accepted the model's licence; required when
	 *          {@code descriptor.catalog().licenseAcceptance()} (non-commercial licences), ignored otherwise
	 * @throws LicenseNotAcceptedException when the licence must be accepted and was not; nothing is downloaded
	 * @throws IOException for an unknown id, a model without download URLs (the message says how to export and
	 *           import it), an unreachable URL, a checksum mismatch or a failed smoke test; the installed model is
	 *           then unchanged
	 */
	public Installation install(String id, boolean licenseAccepted, TaskMonitor monitor) throws IOException {
		return new ModelDownload(store, known(id), policy).run(licenseAccepted, monitor);
	}

	/**
	 * Installs ONNX files the user has (e.g. written by {@code scripts/export_onnx.py}) under a descriptor: a known
	 * model id, or the path of a descriptor file. The files named by the descriptor are taken from
	 * {@code fromDir}; they are checked against the descriptor's checksums (when given) and opened to check their
	 * tensors before the model is swapped in. The installed descriptor records their SHA-256.
	 */
	public ModelDescriptor importModel(String idOrDescriptor, Path fromDir, TaskMonitor monitor) throws IOException {
		return new ModelImport(store, descriptorJson(idOrDescriptor)).run(fromDir, monitor);
	}

	/**
	 * Removes an installed model.
	 *
	 * @throws ModelNotInstalledException when it is not installed
	 */
	public void remove(String id) throws IOException {
		Path dir = store.modelDirectory(id);
		if (!Files.isRegularFile(dir.resolve(ModelStore.DESCRIPTOR_NAME))) throw new ModelNotInstalledException(id,
			store.root());
		Path aside = Files.createTempDirectory(store.root(), ".removing-" + id + "-");
		Files.delete(aside);
		Files.move(dir, aside);
		StagedModel.deleteTree(aside);
	}

	/** Whether a model with this id is installed. */
	public boolean isInstalled(String id) {
		return Files.isRegularFile(store.modelDirectory(id).resolve(ModelStore.DESCRIPTOR_NAME));
	}

	/** How a known model gets installed, in words, for listings: the install command, or the descriptor's source. */
	public static String howToInstall(ModelDescriptor d) {
		if (!d.downloadable()) return d.source();
		return "Install: sam models install " + d.id() + (d.catalog().licenseAcceptance() ? " --accept-license (after " +
			"reading " + d.catalog().licenseUrl() + ")" : "");
	}

	private ModelCatalog.Entry known(String id) throws IOException {
		ModelCatalog.Entry e = catalog.find(id);
		if (e == null) throw new IOException("Unknown model '" + id + "'. Known models: " + String.join(", ", catalog
			.ids()) + ". A model of your own can be imported with its descriptor: sam models import DESCRIPTOR.json " +
			"--from DIR");
		return e;
	}

	private JsonObject descriptorJson(String idOrDescriptor) throws IOException {
		if (!idOrDescriptor.endsWith(".json")) return known(idOrDescriptor).json();
		Path file = Paths.get(idOrDescriptor);
		ModelDescriptorReader.read(file); // validates, with messages naming the file and field
		try {
			return JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
				.getAsJsonObject();
		}
		catch (JsonParseException | IllegalStateException e) {
			throw new IOException(file + ": not a valid descriptor (" + e.getMessage() + ")", e);
		}
	}
}
