package io.github.samfiji.engine.decode.rewrite;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import io.github.samfiji.engine.onnx.OnnxSessions;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs a rewritten decoder once on a synthetic prompt (a patterned embedding, one point and the padding point) and
 * checks what the rewrite promises: {@value SingleMaskRewrite#CANDIDATE_MASKS} is {@code [1, K, S, S]} with
 * {@code K >= 2}, {@value SingleMaskRewrite#CANDIDATE_IOU} is {@code [1, K]}, and the graph's own single output is
 * exactly one of the candidates (mask and IoU of the same index).
 */
final class RewriteCheck {

	private RewriteCheck() {}

	/** @throws UnsupportedGraphException when the rewritten graph does not run or breaks a promise */
	static void check(OrtEnvironment env, byte[] rewritten) throws UnsupportedGraphException {
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			OrtSession session = env.createSession(rewritten, options))
		{
			Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
			try {
				inputs(env, session.getInputInfo(), inputs);
			}
			catch (OrtException | RuntimeException e) {
				for (OnnxTensor t : inputs.values()) t.close();
				throw e;
			}
			try (OrtSession.Result r = session.run(inputs, new HashSet<>(Arrays.asList("low_res_masks", "iou_predictions",
				SingleMaskRewrite.CANDIDATE_MASKS, SingleMaskRewrite.CANDIDATE_IOU))))
			{
				compare(tensor(r, "low_res_masks"), tensor(r, "iou_predictions"), tensor(r, SingleMaskRewrite.CANDIDATE_MASKS),
					tensor(r, SingleMaskRewrite.CANDIDATE_IOU));
			}
			finally {
				for (OnnxTensor t : inputs.values()) t.close();
			}
		}
		catch (OrtException | RuntimeException e) {
			throw new UnsupportedGraphException("the rewritten decoder does not run (" + e.getMessage() + ")");
		}
	}

	private static OnnxTensor tensor(OrtSession.Result result, String name) {
		return (OnnxTensor) result.get(name).orElseThrow(() -> new IllegalStateException("no output " + name));
	}

	private static void compare(OnnxTensor mask, OnnxTensor iou, OnnxTensor masks, OnnxTensor ious)
		throws UnsupportedGraphException
	{
		long[] m = masks.getInfo().getShape(), one = mask.getInfo().getShape(), i = ious.getInfo().getShape();
		if (m.length != 4 || m[0] != 1 || m[1] < 2 || !Arrays.equals(i, new long[] { 1, m[1] }) || !Arrays.equals(one,
			new long[] { 1, 1, m[2], m[3] })) throw new UnsupportedGraphException("the candidates have shapes " + Arrays
				.toString(m) + " and " + Arrays.toString(i) + " for a selected mask of shape " + Arrays.toString(one));
		float[] all = OnnxSessions.toFloatArray(masks), kept = OnnxSessions.toFloatArray(mask);
		float[] allIou = OnnxSessions.toFloatArray(ious), keptIou = OnnxSessions.toFloatArray(iou);
		for (int k = 0; k < m[1]; k++)
			if (allIou[k] == keptIou[0] && Arrays.equals(Arrays.copyOfRange(all, k * kept.length, (k + 1) * kept.length),
				kept)) return;
		throw new UnsupportedGraphException("the graph's selected mask is none of the exposed candidates");
	}

	private static void inputs(OrtEnvironment env, Map<String, NodeInfo> info, Map<String, OnnxTensor> t)
		throws OrtException
	{
		Set<String> expected = new HashSet<>(Arrays.asList("image_embeddings", "point_coords", "point_labels",
			"mask_input", "has_mask_input", "orig_im_size"));
		if (!info.keySet().equals(expected)) throw new IllegalStateException("inputs " + info.keySet() + ", expected " +
			expected);
		long[] shape = ((TensorInfo) info.get("image_embeddings").getInfo()).getShape();
		for (int d = 0; d < shape.length; d++) if (shape[d] < 0) shape[d] = d == 0 ? 1 : 64;
		float[] embedding = new float[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
		for (int k = 0; k < embedding.length; k++) embedding[k] = (k * 7919 % 2001 - 1000) / 1000f;
		t.put("image_embeddings", floats(env, embedding, shape));
		t.put("point_coords", floats(env, new float[] { 400, 560, 0, 0 }, 1, 2, 2));
		t.put("point_labels", floats(env, new float[] { 1, -1 }, 1, 2));
		t.put("mask_input", floats(env, new float[256 * 256], 1, 1, 256, 256));
		t.put("has_mask_input", floats(env, new float[] { 0 }, 1));
		boolean int64 = ((TensorInfo) info.get("orig_im_size").getInfo()).type == OnnxJavaType.INT64;
		t.put("orig_im_size", int64 ? OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] { 768, 1024 }),
			new long[] { 2 }) : floats(env, new float[] { 768, 1024 }, 2));
	}

	private static OnnxTensor floats(OrtEnvironment env, float[] data, long... shape) throws OrtException {
		return OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
	}
}
