package io.github.samfiji.engine.decode.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.samfiji.engine.AnalyticMasks;
import io.github.samfiji.engine.TestImages;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.Checksums;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rewritten twin as the engine uses it, with the analytic single-mask stand-in ({@code tiny-single.json}: the
 * 4-mask tiny decoder followed by the official selection): made on first opening, beside the original, recorded;
 * remade when altered; the original never changed; a graph without the selection recorded as such and opened as it
 * is.
 */
class CandidateDecoderFileTest {

	private static JsonObject record(Path original) throws IOException {
		return JsonParser.parseString(new String(Files.readAllBytes(CandidateDecoderFile.recordOf(original)),
			StandardCharsets.UTF_8)).getAsJsonObject();
	}

	private static ModelDescriptor install(Path dir, String descriptor, String decoder) throws IOException {
		TinyModels.copyTo(dir, descriptor, TinyModels.ENCODER_FILE, decoder);
		return ModelDescriptorReader.read(dir.resolve(descriptor));
	}

	@Test
	void aSingleMaskModelGivesAllFourCandidatesThroughItsRecordedTwin(@TempDir Path dir) throws IOException {
		ModelDescriptor d = install(dir, "tiny-single.json", "tiny_decoder_single.onnx");
		Path original = d.decoderPath(), twin = dir.resolve("tiny_decoder_single.candidates.onnx");
		String sha = Checksums.sha256(original);
		try (SamModel model = SamModel.open(d, EngineOptions.defaults().withThreads(1))) {
			assertEquals(4, model.decoder().candidateCount());
			PromptSegmenter all = new PromptSegmenter(model, SegmentationOptions.defaults().withRankedCandidates(true));
			ObjectPrompt point = ObjectPrompt.builder().point(30.5, 30.5, true).build();
			List<SegmentedObject> ranked = all.decode(all.encode(TestImages.unsignedBytes(64, 64)), point, 1);
			float[] iou = new float[ranked.size()];
			for (int i = 0; i < iou.length; i++) iou[i] = ranked.get(i).predictedIou();
			assertArrayEquals(new float[] { 0.9f, 0.7f, 0.6f, 0.5f }, iou);
			// discs of radius 4.5, 6.5, 2.5 and 4.5, upsampled from 0.25-pixel cells: within 0.3 pixel of the analytic
			double[] radius = { 4.5, 6.5, 2.5, 4.5 };
			for (int k = 0; k < 4; k++) {
				boolean[] got = ranked.get(k).mask().toPlane();
				boolean[] inner = AnalyticMasks.mask(64, 64, point, Math.pow(radius[k] - 0.3, 2));
				boolean[] outer = AnalyticMasks.mask(64, 64, point, Math.pow(radius[k] + 0.3, 2));
				for (int i = 0; i < got.length; i++)
					assertTrue(got[i] ? outer[i] : !inner[i], "candidate " + k + ", pixel " + i);
			}
		}
		assertTrue(Files.isRegularFile(twin));
		assertEquals(sha, Checksums.sha256(original), "the original is never changed");
		JsonObject r = record(original);
		assertEquals(sha, r.get("sourceSha256").getAsString());
		assertEquals(Checksums.sha256(twin), r.get("sha256").getAsString());
		assertEquals("candidate_low_res_masks,candidate_iou_predictions", r.get("outputs").getAsString());

		Files.write(twin, new byte[] { 1, 2, 3 }); // altered: made again on the next opening
		assertEquals(twin, CandidateDecoderFile.prepare(DecoderRuns.ENV, original, sha).get());
		assertEquals(r.get("sha256").getAsString(), Checksums.sha256(twin));
	}

	@Test
	void withoutAllCandidatesTheExportIsOpenedAsItIsAndKeepsItsOwnChoice(@TempDir Path dir) throws IOException {
		ModelDescriptor d = install(dir, "tiny-single.json", "tiny_decoder_single.onnx");
		try (SamModel model = SamModel.open(d, EngineOptions.defaults().withThreads(1).withAllCandidates(false))) {
			assertEquals(1, model.decoder().candidateCount());
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(
				MultimaskMode.SMALLEST));
			SegmentedObject o = segmenter.decode(segmenter.encode(TestImages.unsignedBytes(64, 64)), ObjectPrompt
				.builder().point(30.5, 30.5, true).build(), 1).get(0);
			assertEquals(0.9f, o.predictedIou(), 0f, "the export's own selection, whatever the mode");
		}
		assertFalse(Files.exists(dir.resolve("tiny_decoder_single.candidates.onnx")));
	}

	@Test
	void aGraphWithoutTheSelectionIsRecordedOnceAndOpenedAsItIs(@TempDir Path dir) throws IOException {
		ModelDescriptor d = install(dir, TinyModels.BOX, TinyModels.BOX_DECODER_FILE);
		try (SamModel model = SamModel.open(d, EngineOptions.defaults().withThreads(1))) {
			assertEquals(1, model.decoder().candidateCount());
		}
		JsonObject r = record(d.decoderPath());
		assertTrue(r.get("unsupported").getAsString().startsWith("no single-mask selection"), r.toString());
		assertFalse(Files.exists(CandidateDecoderFile.twinOf(d.decoderPath())));
		assertFalse(CandidateDecoderFile.prepare(DecoderRuns.ENV, d.decoderPath(), null).isPresent());
	}
}
