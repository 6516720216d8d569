package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SAM2 and EfficientSAM interfaces do beyond the common path: mask refinement, candidates, refusals. */
class TwinInterfacesTest {

	static final int W = 53, H = 37;

	@TempDir
	Path store;

	private SamModel open(String id) throws IOException {
		ModelDescriptor d = FamilyTwins.installWithTwins(Paths.get("models", id + ".json"), store);
		return SamModel.open(d, EngineOptions.defaults().withThreads(1));
	}

	@Test
	void sam2LowResLogitsAreExactAndFeedBackAsMaskPrompt() throws IOException {
		try (SamModel model = open("sam2.1-hiera-tiny")) {
			PromptSegmenter s = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(
				MultimaskMode.ALL).withBoxMultimask(MultimaskMode.ALL));
			ImageEmbedding e = s.encode(TestImages.unsignedBytes(W, H));
			assertEquals(3, e.tensorCount());
			ObjectPrompt p = ObjectPrompt.builder().point(20.5, 18.5, true).point(23.5, 18.5, false).build();
			List<SegmentedObject> first = s.decode(e, p, 1);
			// all three candidates, by decreasing IoU: 0.9 (r2 64), 0.7 (r2 1024), 0.6 (r2 256)
			assertEquals(3, first.size());
			double[] r2 = { 64, 1024, 256 };
			ResizeGeometry g = e.geometry();
			for (int k = 0; k < 3; k++)
				assertArrayEquals(FamilyTwins.lowRes(p, g, r2[k]), first.get(k).lowRes().logits(), "candidate " + k);
			List<SegmentedObject> refined = s.decode(e, p.withMaskInput(first.get(0).lowRes()), 1);
			float[] expected = FamilyTwins.lowRes(p, g, 64);
			float[] fed = first.get(0).lowRes().logits();
			for (int i = 0; i < expected.length; i++) expected[i] += fed[i];
			assertArrayEquals(expected, refined.get(0).lowRes().logits());
			assertEquals(0.9f + 0.05f + 0.012f, refined.get(0).predictedIou(), 1e-5f);
		}
	}

	@Test
	void sam2SingleModeKeepsTheBestCandidateAsThereIsNoSingleMaskOutput() throws IOException {
		try (SamModel model = open("sam2.1-hiera-tiny")) {
			PromptSegmenter s = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(
				MultimaskMode.SINGLE));
			ObjectPrompt p = ObjectPrompt.builder().point(20.5, 18.5, true).build();
			SegmentedObject o = s.decode(s.encode(TestImages.unsignedBytes(W, H)), p, 1).get(0);
			assertEquals(0.912f, o.predictedIou(), 1e-5f);
		}
	}

	@Test
	void efficientSamGivesExactFullSizeMasksAndNoLowRes() throws IOException {
		try (SamModel model = open("efficientsam-ti")) {
			PromptSegmenter s = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(
				MultimaskMode.ALL).withBoxMultimask(MultimaskMode.ALL));
			ObjectPrompt p = ObjectPrompt.builder().point(20.5, 18.5, true).point(30.5, 10.5, true).build();
			List<SegmentedObject> objects = s.decode(s.encode(TestImages.unsignedBytes(W, H)), p, 1);
			double[] r2 = { 64, 1024, 256 };
			for (int k = 0; k < 3; k++)
				AnalyticMasks.assertMaskEquals(FamilyTwins.atPixelCentres(p, W, H, r2[k]), objects.get(k).mask());
			assertNull(objects.get(0).lowRes());
		}
	}

	@Test
	void efficientSamRefusesWhatItWasNotTrainedFor() throws IOException {
		try (SamModel model = open("efficientsam-s")) {
			PromptSegmenter s = new PromptSegmenter(model, SegmentationOptions.defaults());
			ImageEmbedding e = s.encode(TestImages.unsignedBytes(W, H));
			ObjectPrompt negative = ObjectPrompt.builder().point(5, 5, true).point(9, 9, false).name("cell 3").build();
			assertEquals("Prompt 'cell 3' has negative points, which EfficientSAM was not trained with: remove them " +
				"or use another model", assertThrows(IllegalArgumentException.class, () -> s.decode(e, negative, 1))
					.getMessage());
			ObjectPrompt.Builder many = ObjectPrompt.builder().box(1, 1, 10, 10);
			for (int i = 0; i < 5; i++) many.point(2 + i, 3, true);
			assertEquals("A prompt has 7 points (a box counts as two), but EfficientSAM takes at most 6",
				assertThrows(IllegalArgumentException.class, () -> s.decode(e, many.build(), 1)).getMessage());
			ObjectPrompt withMask = ObjectPrompt.builder().point(5, 5, true).build().withMaskInput(
				new io.github.samfiji.engine.prompt.LowResMask(256, new float[256 * 256]));
			assertEquals("A prompt has a mask input, which EfficientSAM does not take: use points or a box",
				assertThrows(IllegalArgumentException.class, () -> s.decode(e, withMask, 1)).getMessage());
		}
	}

	@Test
	void encoderOutputsMissingForTheInterfaceAreNamed() throws IOException {
		ModelDescriptor d = FamilyTwins.installWithTwins(Paths.get("models", "sam2.1-hiera-tiny.json"), store);
		com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(new String(java.nio.file.Files
			.readAllBytes(d.directory().resolve("model.json")), java.nio.charset.StandardCharsets.UTF_8))
			.getAsJsonObject();
		com.google.gson.JsonArray outs = new com.google.gson.JsonArray();
		outs.add("image_embed");
		json.getAsJsonObject("encoder").add("outputs", outs);
		Path file = TinyModels.writeDescriptor(d.directory(), "model.json", json);
		IOException e = assertThrows(IOException.class, () -> SamModel.open(io.github.samfiji.engine.model
			.ModelDescriptorReader.read(file), EngineOptions.defaults()).close());
		assertEquals("Model 'sam2.1-hiera-tiny': decoder interface sam2-onnx takes the encoder outputs [image_embed, " +
			"high_res_feats_0, high_res_feats_1], but the descriptor's encoder lists [image_embed]", e.getMessage());
	}

	@Test
	void sam2LowResolutionDecodingAgreesWithTheFullDecode() throws IOException {
		try (SamModel model = open("sam2.1-hiera-tiny")) {
			PromptSegmenter s = new PromptSegmenter(model, SegmentationOptions.defaults());
			ImageEmbedding e = s.encode(TestImages.unsignedBytes(W, H));
			ObjectPrompt p = ObjectPrompt.builder().box(10, 8, 20, 15).build();
			io.github.samfiji.engine.decode.DecoderOutput full = model.decoder().decode(e, p);
			io.github.samfiji.engine.decode.LowResOutput low = model.decoder().decodeLowResolution(e, p);
			assertEquals(3, low.count());
			assertEquals(false, low.hasSingleMask());
			assertEquals(java.util.Arrays.asList(1, 2, 0), MultimaskMode.ALL.select(low));
			for (int k = 0; k < 3; k++) {
				assertArrayEquals(full.lowRes(k).logits(), low.mask(k).logits());
				float[] plane = low.fullResolution(k);
				float[] expected = java.util.Arrays.copyOfRange(full.maskLogits(), full.maskOffset(k), full.maskOffset(k) +
					W * H);
				assertArrayEquals(expected, plane);
			}
		}
	}
}
