package io.github.samfiji.engine.decode.rewrite;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.onnx.OnnxSessions;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a SAM decoder graph (official interface) on an embedding and one prompt; outputs copied to Java arrays. */
final class DecoderRuns {

	static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

	private DecoderRuns() {}

	/** The test embedding of scripts/make_single_mask_twins.py: element i is ((i * 7919) % 2001 - 1000) / 1000. */
	static float[] embedding(int channels) {
		float[] e = new float[channels * 64 * 64];
		for (int i = 0; i < e.length; i++)
			e[i] = (float) (((i * 7919L) % 2001 - 1000) / 1000.0);
		return e;
	}

	/** Output name -> values, for the named outputs. */
	static Map<String, float[]> run(byte[] model, float[] embedding, int channels, float[] coords, float[] labels,
		float height, float width, String... outputs) throws OrtException
	{
		try (OrtSession.SessionOptions o = new OrtSession.SessionOptions(); OrtSession s = ENV.createSession(model, o)) {
			return run(s, embedding, channels, coords, labels, height, width, outputs);
		}
	}

	static Map<String, float[]> run(OrtSession s, float[] embedding, int channels, float[] coords, float[] labels,
		float height, float width, String... outputs) throws OrtException
	{
		Map<String, OnnxTensor> in = new LinkedHashMap<>();
		try {
			in.put("image_embeddings", tensor(embedding, 1, channels, 64, 64));
			in.put("point_coords", tensor(coords, 1, labels.length, 2));
			in.put("point_labels", tensor(labels, 1, labels.length));
			in.put("mask_input", tensor(new float[256 * 256], 1, 1, 256, 256));
			in.put("has_mask_input", tensor(new float[] { 0 }, 1));
			in.put("orig_im_size", tensor(new float[] { height, width }, 2));
			Map<String, float[]> out = new HashMap<>();
			try (OrtSession.Result r = s.run(in, new java.util.HashSet<>(Arrays.asList(outputs)))) {
				for (String name : outputs)
					out.put(name, OnnxSessions.toFloatArray((OnnxTensor) r.get(name).get()));
			}
			return out;
		}
		finally {
			for (OnnxTensor t : in.values()) t.close();
		}
	}

	private static OnnxTensor tensor(float[] data, long... shape) throws OrtException {
		return OnnxTensor.createTensor(ENV, FloatBuffer.wrap(data), shape);
	}

	/** Candidate {@code k} of {@code [1, K, n]} values with {@code n} per candidate. */
	static float[] candidate(float[] all, int k, int n) {
		return Arrays.copyOfRange(all, k * n, (k + 1) * n);
	}
}
