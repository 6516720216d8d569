package io.github.samfiji.engine.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the engine needs to know about one SAM-family model, read from a JSON descriptor (see
 * {@link ModelDescriptorReader}). A descriptor is data: adding a model is adding a file under {@code models/}.
 * <p>
 * File names in a descriptor are relative to the descriptor's own directory ({@link #directory()}), so a model
 * directory holding {@code model.json} next to its ONNX files is self-contained.
 */
public final class ModelDescriptor {

	private final String id;
	private final String name;
	private final String description;
	private final String license;
	private final String source;
	private final List<String> promptTypes;
	private final OnnxFile encoder;
	private final OnnxFile decoder;
	private final String decoderInterface;
	private final boolean multimask;
	private final MaskUpsampling upsampling;
	private final Preprocessing preprocessing;
	private final String checkpointUrl;
	private final boolean fullSizeMasks;
	private final CatalogInfo catalog;
	private final Path directory;

	/** How low-resolution mask logits are brought to the plane size when the engine upsamples them itself. */
	public enum MaskUpsampling {
		/** Bilinear interpolation of the logits, threshold 0 (SAM, SAM2). */
		LOGITS,
		/** Bilinear interpolation of the sigmoid probabilities, threshold 0.5 (MedSAM's inference script). */
		PROBABILITIES
	}

	public ModelDescriptor(String id, String name, String description, String license, String source,
		List<String> promptTypes, OnnxFile encoder, OnnxFile decoder, String decoderInterface, boolean multimask,
		MaskUpsampling upsampling, Preprocessing preprocessing, String checkpointUrl, Path directory)
	{
		this(id, name, description, license, source, promptTypes, encoder, decoder, decoderInterface, multimask,
			upsampling, preprocessing, checkpointUrl, true, CatalogInfo.NONE, directory);
	}

	/**
	 * @param fullSizeMasks whether the decoder graph's own full-size mask output may be used (false: the engine
	 *          upsamples the low-resolution masks itself, for exports whose crop was fixed at export time)
	 * @param catalog licence, speed class and archive, as the catalogue shows them
	 */
	public ModelDescriptor(String id, String name, String description, String license, String source,
		List<String> promptTypes, OnnxFile encoder, OnnxFile decoder, String decoderInterface, boolean multimask,
		MaskUpsampling upsampling, Preprocessing preprocessing, String checkpointUrl, boolean fullSizeMasks,
		CatalogInfo catalog, Path directory)
	{
		this.id = Objects.requireNonNull(id, "id");
		this.name = Objects.requireNonNull(name, "name");
		this.description = description == null ? "" : description;
		this.license = license == null ? "unknown" : license;
		this.source = source == null ? "" : source;
		this.promptTypes = Collections.unmodifiableList(promptTypes);
		this.encoder = Objects.requireNonNull(encoder, "encoder");
		this.decoder = Objects.requireNonNull(decoder, "decoder");
		this.decoderInterface = Objects.requireNonNull(decoderInterface, "decoderInterface");
		this.multimask = multimask;
		this.upsampling = Objects.requireNonNull(upsampling, "upsampling");
		this.checkpointUrl = checkpointUrl;
		this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
		this.fullSizeMasks = fullSizeMasks;
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.directory = directory;
	}

	/** Short identifier used on the command line and in macros, e.g. {@code minisam}. */
	public String id() { return id; }

	public String name() { return name; }

	public String description() { return description; }

	/** SPDX-style licence of the weights. */
	public String license() { return license; }

	/** Where the weights come from, in words (package, URL, paper). */
	public String source() { return source; }

	/** Prompt kinds the model was trained for: {@code point}, {@code box}, {@code mask}. */
	public List<String> promptTypes() { return promptTypes; }

	public OnnxFile encoder() { return encoder; }

	public OnnxFile decoder() { return decoder; }

	/** Name of the decoder tensor layout, e.g. {@code sam-onnx} for the official SAM export. */
	public String decoderInterface() { return decoderInterface; }

	/** True when the decoder returns the single-mask token plus three multimask candidates. */
	public boolean multimask() { return multimask; }

	/** How the engine upsamples low-resolution logits (for decoders that return only those). */
	public MaskUpsampling maskUpsampling() { return upsampling; }

	public Preprocessing preprocessing() { return preprocessing; }

	/**
	 * Where the original (PyTorch) weights that the ONNX files are exported from can be downloaded, or {@code null}.
	 * Informative: the engine never downloads checkpoints.
	 */
	public String checkpointUrl() { return checkpointUrl; }

	/**
	 * Whether the decoder's own full-size {@code masks} output may be used. False for exports whose crop to the
	 * resized image was fixed to the tracing image's aspect ratio (samexporter's SAM decoders, and published files
	 * that cannot be checked here): the engine then upsamples {@code low_res_masks} itself, exactly as SAM's
	 * {@code postprocess_masks} does.
	 */
	public boolean fullSizeMasks() { return fullSizeMasks; }

	/** Licence link and acceptance, speed class and archive, as the catalogue shows them. */
	public CatalogInfo catalog() { return catalog; }

	/** Every file of the model: encoder, its external data if any, decoder, its external data if any. */
	public List<ModelFile> files() {
		List<ModelFile> files = new ArrayList<>();
		for (OnnxFile f : new OnnxFile[] { encoder, decoder }) {
			files.add(f.file());
			if (f.externalData() != null) files.add(f.externalData());
		}
		return Collections.unmodifiableList(files);
	}

	/** What a download fetches: the archive, when the files are published zipped, else every file. */
	public List<ModelFile> downloads() {
		ModelFile archive = catalog.archive();
		return archive != null ? Collections.singletonList(archive) : files();
	}

	/**
	 * Whether everything to fetch has a download URL and a checksum, so that the model can be installed by
	 * download.
	 */
	public boolean downloadable() {
		for (ModelFile f : downloads())
			if (f.url() == null || f.sha256() == null) return false;
		return true;
	}

	/** The bytes a download fetches, or -1 when some size is not published. */
	public long downloadSize() {
		long total = 0;
		for (ModelFile f : downloads()) {
			if (f.size() < 0) return -1;
			total += f.size();
		}
		return total;
	}

	/** Directory the file names are resolved against; {@code null} for a descriptor read from a resource. */
	public Path directory() { return directory; }

	/** The encoder file on disk; fails when the descriptor has no directory. */
	public Path encoderPath() { return resolve(encoder); }

	/** The decoder file on disk; fails when the descriptor has no directory. */
	public Path decoderPath() { return resolve(decoder); }

	/** A file of this model on disk; fails when the descriptor has no directory. */
	public Path path(ModelFile file) {
		if (directory == null) throw new IllegalStateException("Model '" + id +
			"' has no directory: install it first");
		return directory.resolve(file.fileName());
	}

	/** The same descriptor, with file names resolved against {@code dir}. */
	public ModelDescriptor withDirectory(Path dir) {
		return new ModelDescriptor(id, name, description, license, source, promptTypes, encoder, decoder,
			decoderInterface, multimask, upsampling, preprocessing, checkpointUrl, fullSizeMasks, catalog, dir);
	}

	private Path resolve(OnnxFile file) {
		return path(file.file());
	}

	@Override
	public String toString() {
		return id + " (" + name + ")";
	}

	/**
	 * One ONNX file of a model: the file (name, checksum, URL), an optional external-data file that must sit next
	 * to it (weights over 2 GB, e.g. SAM ViT-H), and the tensor names the engine feeds and reads.
	 */
	public static final class OnnxFile {

		private final ModelFile file;
		private final ModelFile externalData;
		private final List<String> inputs;
		private final List<String> outputs;

		public OnnxFile(String fileName, String sha256, List<String> inputs, List<String> outputs) {
			this(new ModelFile(fileName, sha256, null), null, inputs, outputs);
		}

		/** @param externalData the file holding the model's external tensors, or {@code null} */
		public OnnxFile(ModelFile file, ModelFile externalData, List<String> inputs, List<String> outputs) {
			this.file = Objects.requireNonNull(file, "file");
			this.externalData = externalData;
			this.inputs = Collections.unmodifiableList(inputs);
			this.outputs = Collections.unmodifiableList(outputs);
		}

		public ModelFile file() { return file; }

		public String fileName() { return file.fileName(); }

		/** Lower-case hex SHA-256 of the file, or {@code null} when the descriptor gives none. */
		public String sha256() { return file.sha256(); }

		/** The external-data file, or {@code null}. */
		public ModelFile externalData() { return externalData; }

		/** Input tensor names, in the order the engine feeds them. */
		public List<String> inputs() { return inputs; }

		/** Output tensor names the engine reads. */
		public List<String> outputs() { return outputs; }
	}
}
