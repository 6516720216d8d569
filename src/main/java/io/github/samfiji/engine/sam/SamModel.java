package io.github.samfiji.engine.sam;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.decode.DecoderInterfaces;
import io.github.samfiji.engine.decode.MaskDecoder;
import io.github.samfiji.engine.model.Checksums;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelFile;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEncoder;
import io.github.samfiji.engine.onnx.OnnxSessions;
import io.github.samfiji.engine.preprocess.ImagePreprocessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An opened model: its descriptor, preprocessor, encoder and decoder. Holds native onnxruntime sessions: close it
 * (try-with-resources) when done. Opening checks that every file is there, verifies the SHA-256 of those that have
 * one, and checks the tensor names.
 */
public final class SamModel implements AutoCloseable {

	private final ModelDescriptor descriptor;
	private final ImageEncoder encoder;
	private final MaskDecoder decoder;
	private final ImagePreprocessor preprocessor;

	private SamModel(ModelDescriptor descriptor, ImageEncoder encoder, MaskDecoder decoder) {
		this.descriptor = descriptor;
		this.encoder = encoder;
		this.decoder = decoder;
		this.preprocessor = new ImagePreprocessor(descriptor.preprocessing());
	}

	/**
	 * @throws IOException when a file is missing, fails its checksum, is not ONNX or does not have the tensors the
	 *           descriptor names
	 */
	public static SamModel open(ModelDescriptor descriptor, EngineOptions options) throws IOException {
		for (ModelFile file : descriptor.files()) {
			Path path = descriptor.path(file);
			if (!Files.isRegularFile(path)) throw new IOException("Model file not found: " + path);
			Checksums.verify(path, file.sha256());
		}
		OrtEnvironment env = OrtEnvironment.getEnvironment();
		ModelDescriptor.OnnxFile enc = descriptor.encoder();
		if (enc.inputs().size() != 1) throw new IOException("Model '" + descriptor.id() +
			"': the encoder must have exactly one input, the descriptor lists " + enc.inputs());
		OrtSession encoderSession = OnnxSessions.open(env, descriptor.encoderPath(), enc.inputs(), enc.outputs(),
			options);
		ImageEncoder encoder;
		try {
			encoder = new ImageEncoder(env, encoderSession, descriptor.id(), enc);
		}
		catch (OrtException e) {
			OnnxSessions.closeQuietly(encoderSession, e);
			throw new IOException("Model '" + descriptor.id() + "': cannot read the encoder's outputs (" + e.getMessage() +
				")", e);
		}
		try {
			return new SamModel(descriptor, encoder, DecoderInterfaces.open(env, descriptor, options));
		}
		catch (IOException | RuntimeException e) {
			encoder.close();
			throw e;
		}
	}

	public ModelDescriptor descriptor() { return descriptor; }

	public ImagePreprocessor preprocessor() { return preprocessor; }

	public ImageEncoder encoder() { return encoder; }

	/**
	 * What identifies this model's embeddings in a cache: the descriptor id and the encoder's SHA-256 (or, for a
	 * descriptor without checksum, the encoder file's absolute path), so that two different models never share
	 * cached embeddings.
	 */
	public String embeddingIdentity() {
		String sha = descriptor.encoder().sha256();
		return descriptor.id() + "@" + (sha == null || sha.isEmpty() ? descriptor.encoderPath().toAbsolutePath()
			: sha);
	}

	public MaskDecoder decoder() { return decoder; }

	@Override
	public void close() {
		try {
			encoder.close();
		}
		finally {
			decoder.close();
		}
	}
}
