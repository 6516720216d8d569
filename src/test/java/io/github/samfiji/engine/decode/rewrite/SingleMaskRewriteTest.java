package io.github.samfiji.engine.decode.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.UnknownFieldSet;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The single-mask rewrite on twins of the official export ({@code scripts/make_single_mask_twins.py}): a tiny
 * random-weight SAM exported by the official {@code SamOnnxModel} with {@code return_single_mask} True and False, and
 * the analytic 4-mask stand-in followed by the official {@code select_masks}.
 */
class SingleMaskRewriteTest {

	private static final String[] ALL = { "low_res_masks", "iou_predictions", SingleMaskRewrite.CANDIDATE_MASKS,
		SingleMaskRewrite.CANDIDATE_IOU };
	private static final int N = 256 * 256;

	static Path resource(String path) {
		try {
			return Paths.get(SingleMaskRewriteTest.class.getResource("/" + path).toURI());
		}
		catch (URISyntaxException | NullPointerException e) {
			throw new IllegalStateException("Test resource " + path + " is missing", e);
		}
	}

	static byte[] bytes(String path) throws IOException {
		return Files.readAllBytes(resource(path));
	}

	private static JsonObject reference() throws IOException {
		return JsonParser.parseString(new String(bytes("singlemask/official_reference.json"), StandardCharsets.UTF_8))
			.getAsJsonObject();
	}

	private static float[] floats(JsonArray a) {
		float[] f = new float[a.size()];
		for (int i = 0; i < f.length; i++) f[i] = a.get(i).getAsFloat();
		return f;
	}

	@Test
	void officialTwinExposesTheFourMasksOfThe4MaskExportAndOfThePyTorchModule() throws Exception {
		byte[] rewritten = SingleMaskRewrite.rewrite(bytes("singlemask/official_single.onnx"));
		byte[] multi = bytes("singlemask/official_multi.onnx");
		JsonObject ref = reference();
		int channels = ref.get("embeddingChannels").getAsInt();
		float[] embedding = DecoderRuns.embedding(channels);
		JsonArray cells = ref.getAsJsonArray("sampleCells");
		for (JsonElement e : ref.getAsJsonArray("prompts")) {
			JsonObject p = e.getAsJsonObject();
			String name = p.get("name").getAsString();
			float[] coords = floats(flatten(p.getAsJsonArray("coords"))), labels = floats(p.getAsJsonArray("labels"));
			float[] size = floats(p.getAsJsonArray("origImSize"));
			Map<String, float[]> r = DecoderRuns.run(rewritten, embedding, channels, coords, labels, size[0], size[1],
				ALL);
			Map<String, float[]> m = DecoderRuns.run(multi, embedding, channels, coords, labels, size[0], size[1],
				"low_res_masks", "iou_predictions");
			// against the 4-mask export, run by the same onnxruntime: the same numbers
			assertArrayEquals(m.get("iou_predictions"), r.get(SingleMaskRewrite.CANDIDATE_IOU), 1e-6f, name);
			assertArrayEquals(m.get("low_res_masks"), r.get(SingleMaskRewrite.CANDIDATE_MASKS), 1e-5f, name);
			// against the PyTorch module (SamOnnxModel, return_single_mask=False)
			assertArrayEquals(floats(p.getAsJsonArray("iou")), r.get(SingleMaskRewrite.CANDIDATE_IOU), 1e-5f, name);
			JsonArray candidates = p.getAsJsonArray("candidates");
			for (int k = 0; k < 4; k++) {
				JsonObject c = candidates.get(k).getAsJsonObject();
				float[] mask = DecoderRuns.candidate(r.get(SingleMaskRewrite.CANDIDATE_MASKS), k, N);
				double sum = 0;
				int positive = 0;
				for (float v : mask) {
					sum += v;
					if (v > 0) positive++;
				}
				assertEquals(c.get("sum").getAsDouble(), sum, 1e-3 * Math.max(1, Math.abs(sum)), name + " sum " + k);
				assertEquals(c.get("positive").getAsInt(), positive, 2, name + " positive cells " + k);
				JsonArray samples = c.getAsJsonArray("samples");
				for (int s = 0; s < samples.size(); s++) {
					JsonArray rc = cells.get(s).getAsJsonArray();
					assertEquals(samples.get(s).getAsFloat(), mask[rc.get(0).getAsInt() * 256 + rc.get(1).getAsInt()], 1e-4f,
						name + " candidate " + k + " cell " + rc);
				}
			}
			// the graph's own output is the candidate the official selection keeps
			int kept = p.get("kept").getAsInt();
			assertArrayEquals(DecoderRuns.candidate(r.get(SingleMaskRewrite.CANDIDATE_MASKS), kept, N), r.get(
				"low_res_masks"), name);
			assertEquals(r.get(SingleMaskRewrite.CANDIDATE_IOU)[kept], r.get("iou_predictions")[0], 0f, name);
		}
	}

	private static JsonArray flatten(JsonArray pairs) {
		JsonArray flat = new JsonArray();
		for (JsonElement pair : pairs)
			flat.addAll(pair.getAsJsonArray());
		return flat;
	}

	@Test
	void analyticTwinGivesTheStandInsFourMasksAndKeepsTheOneTheOfficialRuleSelects() throws Exception {
		byte[] rewritten = SingleMaskRewrite.rewrite(bytes("tiny/tiny_decoder_single.onnx"));
		byte[] multi = bytes("tiny/tiny_decoder_multimask.onnx");
		float[] embedding = new float[256 * 64 * 64];
		float[][] coords = { { 30, 40, 0, 0 }, { 10, 12, 50, 60 }, { 30, 40, 34, 41, 0, 0 } };
		float[][] labels = { { 1, -1 }, { 2, 3 }, { 1, 1, -1 } };
		int[] kept = { 2, 2, 0 }; // IoU 0.5, 0.6, 0.9, 0.7; two points + padding: the single-mask token
		for (int i = 0; i < coords.length; i++) {
			Map<String, float[]> r = DecoderRuns.run(rewritten, embedding, 256, coords[i], labels[i], 64, 64, ALL);
			Map<String, float[]> m = DecoderRuns.run(multi, embedding, 256, coords[i], labels[i], 64, 64, "low_res_masks",
				"iou_predictions");
			assertArrayEquals(m.get("low_res_masks"), r.get(SingleMaskRewrite.CANDIDATE_MASKS));
			assertArrayEquals(new float[] { 0.5f, 0.6f, 0.9f, 0.7f }, r.get(SingleMaskRewrite.CANDIDATE_IOU));
			assertArrayEquals(DecoderRuns.candidate(m.get("low_res_masks"), kept[i], N), r.get("low_res_masks"));
			assertEquals(new float[] { 0.5f, 0.6f, 0.9f, 0.7f }[kept[i]], r.get("iou_predictions")[0], 0f);
		}
	}

	@Test
	void everythingButTheAddedNodesAndOutputsIsWrittenBackAsRead() throws Exception {
		byte[] original = bytes("singlemask/official_single.onnx");
		UnknownFieldSet before = UnknownFieldSet.parseFrom(original);
		UnknownFieldSet after = UnknownFieldSet.parseFrom(SingleMaskRewrite.rewrite(original));
		for (int field : before.asMap().keySet())
			if (field != 7) assertEquals(before.getField(field), after.getField(field), "model field " + field);
		UnknownFieldSet g0 = UnknownFieldSet.parseFrom(before.getField(7).getLengthDelimitedList().get(0));
		UnknownFieldSet g1 = UnknownFieldSet.parseFrom(after.getField(7).getLengthDelimitedList().get(0));
		assertEquals(g0.asMap().keySet(), g1.asMap().keySet());
		for (int field : g0.asMap().keySet()) {
			java.util.List<com.google.protobuf.ByteString> a = g0.getField(field).getLengthDelimitedList(), b = g1
				.getField(field).getLengthDelimitedList();
			int added = field == 1 || field == 12 ? 2 : 0; // two Identity nodes, two outputs
			assertEquals(a.size() + added, b.size(), "graph field " + field);
			assertEquals(a, b.subList(0, a.size()), "graph field " + field);
			assertEquals(g0.getField(field).getVarintList(), g1.getField(field).getVarintList());
		}
	}

	@Test
	void graphsWithoutTheSelectionAreRefusedWithTheReason() throws IOException {
		for (String path : new String[] { "singlemask/official_multi.onnx", "tiny/tiny_decoder_box.onnx",
			"tiny/tiny_decoder_multimask.onnx" })
		{
			UnsupportedGraphException e = assertThrows(UnsupportedGraphException.class, () -> SingleMaskRewrite.rewrite(
				bytes(path)), path);
			assertEquals("no single-mask selection (an ArgMax-indexed Gather, as in the official SAM export with " +
				"return_single_mask) was found before the output 'low_res_masks'", e.getMessage(), path);
		}
	}

	@Test
	void aRewrittenGraphAndNonOnnxBytesAreRefused() throws IOException {
		byte[] once = SingleMaskRewrite.rewrite(bytes("tiny/tiny_decoder_single.onnx"));
		assertEquals("the decoder already has an output 'candidate_low_res_masks'", assertThrows(
			UnsupportedGraphException.class, () -> SingleMaskRewrite.rewrite(once)).getMessage());
		assertTrue(assertThrows(UnsupportedGraphException.class, () -> SingleMaskRewrite.rewrite(
			"not a model".getBytes(StandardCharsets.UTF_8))).getMessage().startsWith("the file is not an ONNX model"));
	}
}
