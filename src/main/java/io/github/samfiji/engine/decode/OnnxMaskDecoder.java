package io.github.samfiji.engine.decode;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.onnx.InferenceException;
import io.github.samfiji.engine.onnx.OnnxSessions;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the decoder interfaces share: an onnxruntime session they own, the mapping from their embedding inputs to
 * the encoder's outputs, and tensor handling (inputs are closed after every run, outputs copied to Java arrays).
 */
abstract class OnnxMaskDecoder implements MaskDecoder {

	private final OrtEnvironment env;
	private final OrtSession session;
	private final Map<String, Integer> embeddingInputs;

	/**
	 * @param embeddingInputs decoder input name -> index of the encoder output (in {@link ImageEmbedding}) it takes;
	 *          takes ownership of {@code session}
	 */
	OnnxMaskDecoder(OrtEnvironment env, OrtSession session, Map<String, Integer> embeddingInputs) {
		this.env = env;
		this.session = session;
		this.embeddingInputs = embeddingInputs;
	}

	/** A run's named inputs; {@link #run} closes them. */
	final class Inputs {

		private final Map<String, OnnxTensor> tensors = new LinkedHashMap<>();

		private Inputs(ImageEmbedding embedding) {
			for (Map.Entry<String, Integer> e : embeddingInputs.entrySet())
				floats(e.getKey(), embedding.tensor(e.getValue()), embedding.shape(e.getValue()));
		}

		/** Adds a float tensor; on failure closes the inputs made so far. */
		Inputs floats(String name, float[] data, long... shape) {
			try {
				tensors.put(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape));
				return this;
			}
			catch (OrtException | RuntimeException e) {
				close();
				throw new InferenceException("Could not create the decoder input '" + name + "'", e);
			}
		}

		/** Adds an int64 tensor; on failure closes the inputs made so far. */
		Inputs longs(String name, long[] data, long... shape) {
			try {
				tensors.put(name, OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape));
				return this;
			}
			catch (OrtException | RuntimeException e) {
				close();
				throw new InferenceException("Could not create the decoder input '" + name + "'", e);
			}
		}

		void close() {
			for (OnnxTensor t : tensors.values())
				t.close();
		}
	}

	/** The outputs of one run, copied out of native memory. */
	static final class Outputs {

		private final Map<String, float[]> values = new LinkedHashMap<>();
		private final Map<String, long[]> shapes = new LinkedHashMap<>();

		float[] values(String name) { return values.get(name); }

		long[] shape(String name) { return shapes.get(name); }

		/** Fails when output {@code name} does not have {@code expected.length} dimensions or a fixed size differs (-1: any). */
		long[] checkShape(String name, long... expected) {
			long[] shape = shapes.get(name);
			boolean ok = shape.length == expected.length;
			for (int i = 0; ok && i < shape.length; i++)
				ok = expected[i] < 0 || expected[i] == shape[i];
			if (!ok) throw new InferenceException("Decoder output '" + name + "' has shape " + Arrays.toString(shape) +
				", expected " + Arrays.toString(expected).replace("-1", "*"), null);
			return shape;
		}
	}

	/** Runs the session, closing {@code inputs}; returns the requested outputs. */
	final Outputs run(Inputs inputs, Set<String> outputNames) {
		try (OrtSession.Result result = session.run(inputs.tensors, outputNames)) {
			Outputs out = new Outputs();
			for (String name : outputNames) {
				OnnxTensor t = (OnnxTensor) result.get(name).orElseThrow(() -> new InferenceException(
					"Decoder returned no output '" + name + "'", null));
				out.shapes.put(name, t.getInfo().getShape());
				out.values.put(name, OnnxSessions.toFloatArray(t));
			}
			return out;
		}
		catch (OrtException e) {
			throw new InferenceException("The mask decoder failed", e);
		}
		finally {
			inputs.close();
		}
	}

	/** The inputs of a run, starting with the embedding tensors; pass them to {@link #run}, which closes them. */
	final Inputs inputs(ImageEmbedding embedding) {
		return new Inputs(embedding);
	}

	@Override
	public void close() {
		try {
			session.close();
		}
		catch (OrtException e) {
			throw new InferenceException("Could not release the decoder session", e);
		}
	}
}
