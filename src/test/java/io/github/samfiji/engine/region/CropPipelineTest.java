package io.github.samfiji.engine.region;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.AnalyticMasks;
import io.github.samfiji.engine.TestImages;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.RegionSegmentation;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prompt-local crops with the tiny analytic models: whatever crop a prompt is decoded on, its mask in the plane is
 * exactly the analytic mask of the prompt (the tiny decoder's rule does not depend on the pixels), so any error in
 * moving prompts into crops or masks back shows as differing pixels. The plane (2001 x 1203, odd sizes) is larger
 * than the model input of 1024, so crops are real sub-rectangles encoded at native resolution.
 */
class CropPipelineTest {

	private static final int W = 2001, H = 1203;
	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static PromptSegmenter segmenter(EncodingOptions encoding, EmbeddingCache cache) {
		return new PromptSegmenter(model, SegmentationOptions.defaults().withEncoding(encoding), cache);
	}

	private static RandomAccessibleInterval<?> plane() {
		return TestImages.unsignedBytes(W, H);
	}

	private static void assertAnalytic(SegmentedObject o) {
		AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(W, H, o.prompt(), AnalyticMasks.R2_SINGLE), o.mask());
	}

	@Test
	void masksFromCropsAreExactlyTheAnalyticMasksInThePlane() {
		List<ObjectPrompt> prompts = Arrays.asList( //
			ObjectPrompt.builder().box(0, 0, 17, 9).build(), // crop touching the top-left corner
			ObjectPrompt.builder().box(1990, 1190, 11, 13).build(), // bottom-right corner, to the last pixel
			ObjectPrompt.builder().point(1000.5, 600.5, true).point(1003.5, 601.5, false).build(), // middle, odd offsets
			ObjectPrompt.builder().point(0.5, 1202.5, true).build(), // a disc cut by the plane border only
			ObjectPrompt.builder().point(700.5, 900.5, true).build()); // inside two crops already planned
		long runs = model.encoder().runCount();
		SegmentationResult result = segmenter(EncodingOptions.defaults().withMode(EncodingMode.CROP), EmbeddingCache
			.none()).segment(PlaneSource.of(plane()), prompts, TaskMonitor.NONE);

		assertEquals(5, result.objects().size());
		for (SegmentedObject o : result.objects())
			assertAnalytic(o);
		assertEquals("crop:0,0,1024,1024", result.objects().get(0).region());
		assertEquals("crop:977,179,1024,1024", result.objects().get(1).region());
		assertEquals("crop:490,89,1024,1024", result.objects().get(2).region());
		assertEquals("crop:0,179,1024,1024", result.objects().get(3).region());
		assertEquals("crop:0,179,1024,1024", result.objects().get(4).region(),
			"re-uses the crop where it has the most margin (323.5 pixels, against 210.5 in crop 3)");
		assertEquals(4, model.encoder().runCount() - runs, "one encoder run per crop");
		assertEquals(Collections.singletonList("Encoding: crop on slice(s) 1, 4 region(s) (as asked)"),
			result.notes());
	}

	@Test
	void aMaskCutByAnInnerCropEdgeIsDecodedAgainOnALargerCrop() {
		// no margin: both points fit one 1024-wide crop, x 9-1032, which cuts their discs (radius 4.5)
		ObjectPrompt left = ObjectPrompt.builder().point(10.5, 600.5, true).build();
		ObjectPrompt right = ObjectPrompt.builder().point(1030.5, 600.5, true).build();
		RegionSegmentation regions = new RegionSegmentation(segmenter(EncodingOptions.defaults().withMode(
			EncodingMode.CROP).withCropMargin(0), EmbeddingCache.none()), plane());
		RegionPlan plan = regions.plan(Arrays.asList(left, right));
		assertEquals("crop:9,89,1024,1024", plan.regions().get(0).label());
		assertEquals(1, plan.distinctRegions());

		List<SegmentedObject> l = regions.segment(left, plan.regions().get(0), 1, what -> {});
		List<SegmentedObject> r = regions.segment(right, plan.regions().get(1), 2, what -> {});
		assertAnalytic(l.get(0));
		assertAnalytic(r.get(0));
		assertEquals("crop:0,89,1024,1024", l.get(0).region());
		assertEquals("crop:518,89,1024,1024", r.get(0).region());
		assertEquals(1, l.get(0).id());
		assertEquals(2, r.get(0).id());
	}

	@Test
	void interactiveStepsInsideTheirCropCostNoEncoderRunAndAFarObjectGetsANewCrop() {
		PromptSegmenter s = segmenter(EncodingOptions.defaults(), new EmbeddingCache(1L << 30, null));
		RegionSegmentation regions = new RegionSegmentation(s, plane());
		long runs = model.encoder().runCount();
		ObjectPrompt box = ObjectPrompt.builder().box(1400, 300, 30, 20).build();
		SegmentedObject a = regions.segmentStep(box, null, TaskMonitor.NONE).get(0);
		assertEquals(1, model.encoder().runCount() - runs);
		ObjectPrompt more = ObjectPrompt.builder().box(1400, 300, 30, 20).point(1420.5, 305.5, true).build();
		SegmentedObject step = regions.segmentStep(more, regions.stepRegion(box, null), TaskMonitor.NONE).get(0);
		assertEquals(1, model.encoder().runCount() - runs, "a step inside the crop costs no encoder run");
		assertEquals(a.region(), step.region());
		SegmentedObject far = regions.segmentStep(ObjectPrompt.builder().point(100.5, 1100.5, true).build(), null,
			TaskMonitor.NONE).get(0);
		assertEquals(2, model.encoder().runCount() - runs, "far away, a new crop");
		assertTrue(!far.region().equals(a.region()));
		SegmentedObject again = regions.segmentStep(box, null, TaskMonitor.NONE).get(0);
		assertEquals(2, model.encoder().runCount() - runs, "the first crop comes from the cache");
		assertEquals(a.region(), again.region());
		for (SegmentedObject o : Arrays.asList(a, step, far, again))
			assertAnalytic(o);
	}

	@Test
	void theLowResolutionMaskOfACropPromptsTheNextStepInItsOwnFrame() {
		PromptSegmenter s = segmenter(EncodingOptions.defaults().withMode(EncodingMode.CROP), new EmbeddingCache(1L << 30,
			null));
		RegionSegmentation regions = new RegionSegmentation(s, plane());
		ObjectPrompt first = ObjectPrompt.builder().point(1500.5, 700.5, true).build();
		SegmentedObject o = regions.segmentStep(first, null, TaskMonitor.NONE).get(0);
		int[] frame = o.lowRes().frame();
		assertEquals(o.region(), "crop:" + frame[0] + "," + frame[1] + "," + frame[2] + "," + frame[3]);

		SegmentedObject refined = regions.segmentStep(first.withMaskInput(o.lowRes()), regions.stepRegion(first, null),
			TaskMonitor.NONE).get(0);
		assertEquals(0.85f, refined.predictedIou(), 1e-6f, "the tiny decoder adds 0.05 when it gets a mask");
		float[] before = o.lowRes().logits(), after = refined.lowRes().logits();
		for (int i = 0; i < before.length; i++)
			assertEquals(2 * before[i], after[i], 0f, "same frame: the mask input is added unchanged");
		assertAnalytic(refined);
	}
}
