package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mask prompts reach the decoder: the tiny decoder adds {@code mask_input * has_mask_input} to its analytic low-res
 * logits and 0.05 to its predicted IoU, so refining with a previous object's low-res logits is checked exactly.
 */
class MaskInputPipelineTest {

	private static final int W = 53, H = 37;
	private static SamModel model;
	private static PromptSegmenter segmenter;
	private static ImageEmbedding embedding;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
		segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
		embedding = segmenter.encode(TestImages.unsignedBytes(W, H));
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static SegmentedObject decode(ObjectPrompt prompt) {
		List<SegmentedObject> objects = segmenter.decode(embedding, prompt, 1);
		assertEquals(1, objects.size());
		return objects.get(0);
	}

	@Test
	void lowResLogitsWithoutMaskInputAreTheAnalyticRule() {
		ObjectPrompt p = ObjectPrompt.builder().point(20.5, 18.5, true).build();
		SegmentedObject o = decode(p);
		assertEquals(256, o.lowRes().size());
		assertArrayEquals(AnalyticMasks.lowRes(W, H, p, AnalyticMasks.R2_SINGLE), o.lowRes().logits());
	}

	@Test
	void previousLowResAsMaskInputAddsToLogitsAndRaisesIou() {
		ObjectPrompt p = ObjectPrompt.builder().point(20.5, 18.5, true).point(25.5, 17.5, false).build();
		SegmentedObject first = decode(p);
		SegmentedObject refined = decode(p.withMaskInput(first.lowRes()));

		assertEquals(0.8f, first.predictedIou(), 1e-6f);
		assertEquals(0.85f, refined.predictedIou(), 1e-6f);
		float[] analytic = AnalyticMasks.lowRes(W, H, p, AnalyticMasks.R2_SINGLE);
		float[] previous = first.lowRes().logits();
		float[] expected = new float[analytic.length];
		for (int i = 0; i < expected.length; i++)
			expected[i] = previous[i] + analytic[i];
		assertArrayEquals(expected, refined.lowRes().logits());
		// the full-resolution mask does not depend on the mask input
		AnalyticMasks.assertMaskEquals(first.mask().toPlane(), refined.mask());
	}

	@Test
	void arbitraryMaskInputIsAddedCellByCell() {
		float[] input = new float[256 * 256];
		for (int v = 0; v < 256; v++)
			for (int u = 0; u < 256; u++)
				input[v * 256 + u] = (u % 8) * 0.125f - (v % 4) * 0.25f;
		ObjectPrompt p = ObjectPrompt.builder().box(10, 5, 20, 17).build().withMaskInput(new LowResMask(256, input));
		SegmentedObject o = decode(p);

		assertEquals(0.95f, o.predictedIou(), 1e-6f);
		float[] analytic = AnalyticMasks.lowRes(W, H, p, AnalyticMasks.R2_SINGLE);
		float[] expected = new float[analytic.length];
		for (int i = 0; i < expected.length; i++)
			expected[i] = analytic[i] + input[i];
		assertArrayEquals(expected, o.lowRes().logits());
	}

	@Test
	void maskInputRaisesIouThroughTheSegmenterToo() {
		ObjectPrompt p = ObjectPrompt.builder().box(10, 5, 20, 17).build();
		SegmentedObject first = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), java.util.Collections
			.singletonList(p), TaskMonitor.NONE).objects().get(0);
		SegmentedObject refined = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), java.util.Collections
			.singletonList(p.withMaskInput(first.lowRes())), TaskMonitor.NONE).objects().get(0);
		assertEquals(0.9f, first.predictedIou(), 1e-6f);
		assertEquals(0.95f, refined.predictedIou(), 1e-6f);
	}

	@Test
	void multimaskCandidatesAllGainTheMaskInputBonus() throws IOException {
		try (SamModel multi = TinyModels.open(TinyModels.MULTIMASK)) {
			PromptSegmenter s = new PromptSegmenter(multi, SegmentationOptions.defaults().withMultimask(
				MultimaskMode.ALL));
			ImageEmbedding e = s.encode(TestImages.unsignedBytes(W, H));
			ObjectPrompt p = ObjectPrompt.builder().point(20.5, 18.5, true).build();
			List<SegmentedObject> first = s.decode(e, p, 1);
			// refine with candidate 3 (radius 6.5, second in iou order)
			List<SegmentedObject> refined = s.decode(e, p.withMaskInput(first.get(1).lowRes()), 1);
			assertEquals(0.95f, refined.get(0).predictedIou(), 1e-6f);
			assertEquals(0.75f, refined.get(1).predictedIou(), 1e-6f);
			assertEquals(0.65f, refined.get(2).predictedIou(), 1e-6f);
			float[] analytic1 = AnalyticMasks.lowRes(W, H, p, AnalyticMasks.R2_MULTI[1]);
			float[] fed = first.get(1).lowRes().logits();
			float[] expected = new float[analytic1.length];
			for (int i = 0; i < expected.length; i++)
				expected[i] = analytic1[i] + fed[i];
			assertArrayEquals(expected, refined.get(2).lowRes().logits());
		}
	}

	@Test
	void maskInputOfTheWrongSizeIsRefused() {
		ObjectPrompt p = ObjectPrompt.builder().point(20.5, 18.5, true).build().withMaskInput(new LowResMask(64,
			new float[64 * 64]));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> decode(p));
		assertTrue(e.getMessage().contains("256x256"), e.getMessage());
		assertTrue(e.getMessage().contains("got 64"), e.getMessage());
	}
}
