package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.decode.DecoderOutput;
import io.github.samfiji.engine.decode.LowResOutput;
import io.github.samfiji.engine.model.ModelDescriptor.MaskUpsampling;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoder layouts of the published exports, each run on the catalogue descriptor with its twin
 * (scripts/make_layout_twins.py): prompt frame, padding point, candidate order, where the full-size masks come from,
 * mask prompts. Expected masks come from the twins' frame rule evaluated in {@link FamilyTwins}.
 */
class PublishedDecoderLayoutTest {

	static final int W = 53, H = 37;

	@TempDir
	Path store;

	private SamModel open(String id) throws IOException {
		ModelDescriptor d = FamilyTwins.installWithTwins(Paths.get("models", id + ".json"), store);
		return SamModel.open(d, EngineOptions.defaults().withThreads(1));
	}

	private static ImageEmbedding encode(SamModel model) {
		return new PromptSegmenter(model, SegmentationOptions.defaults()).encode(TestImages.unsignedBytes(W, H));
	}

	private static float[] candidate(DecoderOutput out, int k) {
		return Arrays.copyOfRange(out.maskLogits(), out.maskOffset(k), out.maskOffset(k) + out.width() * out.height());
	}

	private static boolean[] positive(float[] logits) {
		boolean[] m = new boolean[logits.length];
		for (int i = 0; i < m.length; i++) m[i] = logits[i] > 0;
		return m;
	}

	@Test
	void osamSam21GivesFourCandidatesAtPlaneSizeAndTakesItsLowResMasksBack() throws IOException {
		try (SamModel model = open("sam2.1-tiny-osam")) {
			ImageEmbedding e = encode(model);
			assertEquals(3, e.tensorCount());
			ResizeGeometry g = e.geometry();
			ObjectPrompt p = ObjectPrompt.builder().point(20.5, 18.5, true).point(26.5, 18.5, false).build();
			DecoderOutput out = model.decoder().decode(e, p);
			assertEquals(4, out.count());
			assertTrue(out.hasSingleMask(), "candidate 0 is the single-mask token");
			for (int k = 0; k < 4; k++) {
				assertArrayEquals(FamilyTwins.atPixelCentres(p, W, H, FamilyTwins.R2_QUAD[k]), positive(candidate(out, k)),
					"the graph's own full-size mask " + k);
				assertArrayEquals(FamilyTwins.lowRes(p, g, FamilyTwins.R2_QUAD[k]), out.lowRes(k).logits(), "low-res " + k);
				assertEquals(FamilyTwins.IOU_QUAD[k], out.predictedIou(k), 1e-6f, "no padding point fed: the graph adds it");
			}
			LowResMask fed = out.lowRes(2);
			DecoderOutput refined = model.decoder().decode(e, p.withMaskInput(fed));
			float[] expected = FamilyTwins.lowRes(p, g, FamilyTwins.R2_QUAD[2]);
			for (int i = 0; i < expected.length; i++) expected[i] += fed.logits()[i];
			assertArrayEquals(expected, refined.lowRes(2).logits(), "mask_input * has_mask_input reached the graph");
			assertEquals(0.9f + 0.05f, refined.predictedIou(2), 1e-6f);
			LowResOutput low = model.decoder().decodeLowResolution(e, p);
			assertTrue(low.hasSingleMask());
			for (int k = 0; k < 4; k++) assertArrayEquals(out.lowRes(k).logits(), low.mask(k).logits());
		}
	}

	@Test
	void edgeSamAppendsThePaddingPointOnlyWithoutABoxAndUpsamplesItself() throws IOException {
		try (SamModel model = open("edgesam")) {
			ImageEmbedding e = encode(model);
			ResizeGeometry g = e.geometry();
			ObjectPrompt point = ObjectPrompt.builder().point(20.5, 18.5, true).build();
			ObjectPrompt box = ObjectPrompt.builder().box(10, 8, 20, 15).build();
			for (ObjectPrompt p : new ObjectPrompt[] { point, box }) {
				DecoderOutput out = model.decoder().decode(e, p);
				assertEquals(4, out.count());
				assertTrue(out.hasSingleMask());
				for (int k = 0; k < 4; k++) {
					boolean[] expected = FamilyTwins.upsampled(FamilyTwins.lowRes(p, g, FamilyTwins.R2_QUAD[k]), g,
						MaskUpsampling.LOGITS);
					assertArrayEquals(expected, positive(candidate(out, k)), "candidate " + k);
					assertEquals(FamilyTwins.IOU_QUAD[k] + (p == point ? 0.1f : 0f), out.predictedIou(k), 1e-6f,
						"SAM's padding point (label -1) is fed exactly when there is no box");
					assertNull(out.lowRes(k), "nothing to feed back: the graph has no mask input");
				}
				LowResOutput low = model.decoder().decodeLowResolution(e, p);
				for (int k = 0; k < 4; k++)
					assertArrayEquals(FamilyTwins.lowRes(p, g, FamilyTwins.R2_QUAD[k]), low.mask(k).logits());
			}
			ObjectPrompt withMask = point.withMaskInput(new LowResMask(256, new float[256 * 256]));
			assertEquals("A prompt has a mask input, which this model's decoder (edgesam-onnx) does not take: use points " +
				"or a box", assertThrows(IllegalArgumentException.class, () -> model.decoder().decode(e, withMask))
					.getMessage());
		}
	}

	@Test
	void efficientVitSamTakesPromptsInThe1024FrameWhileItsEncoderSees512() throws IOException {
		try (SamModel model = open("efficientvit-sam-l0")) {
			ImageEmbedding e = encode(model);
			assertEquals(512, e.geometry().inputSize());
			ResizeGeometry frame = e.geometry().withInputSize(1024);
			ObjectPrompt box = ObjectPrompt.builder().box(10, 8, 20, 15).build();
			DecoderOutput out = model.decoder().decode(e, box);
			boolean[] expected = FamilyTwins.upsampled(FamilyTwins.lowRes(box, frame, FamilyTwins.R2_QUAD[0]), frame,
				MaskUpsampling.LOGITS);
			assertArrayEquals(expected, positive(candidate(out, 0)));
			boolean[] in512 = FamilyTwins.upsampled(FamilyTwins.lowRes(box, e.geometry(), FamilyTwins.R2_QUAD[0]), frame,
				MaskUpsampling.LOGITS);
			assertFalse(Arrays.equals(expected, in512), "the test tells the two frames apart");
			assertEquals(FamilyTwins.IOU_QUAD[2], out.predictedIou(2), 1e-6f);
		}
	}

	@Test
	void samDecoderWhoseCropWasFixedAtExportIsUpsampledFromItsLowResMasks() throws IOException {
		// the twin's full-size 'masks' output is -1 everywhere: only the low-resolution masks can give this result
		try (SamModel model = open("sam-vit-b-int8")) {
			ImageEmbedding e = encode(model);
			ResizeGeometry g = e.geometry();
			ObjectPrompt box = ObjectPrompt.builder().box(10, 8, 20, 15).build();
			DecoderOutput out = model.decoder().decode(e, box);
			assertEquals(1, out.count());
			boolean[] expected = FamilyTwins.upsampled(FamilyTwins.lowRes(box, g, FamilyTwins.R2_SINGLE), g,
				MaskUpsampling.LOGITS);
			assertTrue(AnalyticMasks.area(expected) > 0);
			assertArrayEquals(expected, positive(candidate(out, 0)));
		}
	}
}
