package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four-mask tiny decoder (point radii 4.5, 2.5, 4.5, 6.5; iou 0.5, 0.6, 0.9, 0.7) under each
 * {@link MultimaskMode}: SINGLE keeps candidate 0, BEST candidate 2, ALL candidates 2, 3, 1 as separate objects.
 */
class MultimaskPipelineTest {

	private static final int W = 53, H = 37;
	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.MULTIMASK);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static List<SegmentedObject> segment(MultimaskMode mode, ObjectPrompt... prompts) {
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(mode));
		SegmentationResult result = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), Arrays.asList(
			prompts), TaskMonitor.NONE);
		return result.objects();
	}

	private static ObjectPrompt point(double x, double y) {
		return ObjectPrompt.builder().point(x, y, true).build();
	}

	@Test
	void decoderReportsFourCandidates() {
		assertEquals(4, model.decoder().candidateCount());
	}

	@Test
	void singleKeepsCandidateZero() {
		ObjectPrompt p = point(20.5, 18.5);
		List<SegmentedObject> objects = segment(MultimaskMode.SINGLE, p);
		assertEquals(1, objects.size());
		assertEquals(0.5f, objects.get(0).predictedIou(), 1e-6f);
		AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(W, H, p, AnalyticMasks.R2_MULTI[0]), objects.get(0).mask());
	}

	@Test
	void bestKeepsCandidateTwoWithTheHighestIou() {
		ObjectPrompt p = point(20.5, 18.5);
		List<SegmentedObject> objects = segment(MultimaskMode.BEST, p);
		assertEquals(1, objects.size());
		assertEquals(0.9f, objects.get(0).predictedIou(), 1e-6f);
		AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(W, H, p, AnalyticMasks.R2_MULTI[2]), objects.get(0).mask());
	}

	@Test
	void allReturnsCandidatesOneToThreeSortedByIou() {
		ObjectPrompt p = point(20.5, 18.5);
		List<SegmentedObject> objects = segment(MultimaskMode.ALL, p);
		assertEquals(3, objects.size());
		int[] candidates = { 2, 3, 1 };
		float[] iou = { 0.9f, 0.7f, 0.6f };
		for (int i = 0; i < 3; i++) {
			SegmentedObject o = objects.get(i);
			assertEquals(i + 1, o.id());
			assertEquals(iou[i], o.predictedIou(), 1e-6f);
			AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(W, H, p, AnalyticMasks.R2_MULTI[candidates[i]]), o.mask());
		}
		// radius 4.5 disc: 69 pixels, radius 6.5: dx^2 + dy^2 <= 42, radius 2.5: dx^2 + dy^2 <= 6
		assertEquals(69, objects.get(0).mask().area());
		assertEquals(137, objects.get(1).mask().area());
		assertEquals(21, objects.get(2).mask().area());
	}

	@Test
	void allNumbersObjectsInPromptOrderAcrossPlanes() {
		ObjectPrompt a = ObjectPrompt.builder().point(10.5, 10.5, true).slice(2).name("a").build();
		ObjectPrompt b = ObjectPrompt.builder().box(30, 5, 10, 10).slice(1).name("b").build();
		ObjectPrompt c = ObjectPrompt.builder().point(40.5, 25.5, true).slice(2).name("c").build();
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(
			MultimaskMode.ALL));
		byte[] data = new byte[W * H * 2];
		List<SegmentedObject> objects = segmenter.segment(PlaneSource.stack(net.imglib2.img.array.ArrayImgs
			.unsignedBytes(data, W, H, 2)), Arrays.asList(a, b, c), TaskMonitor.NONE).objects();

		// each point gives its three multimask candidates; the box, unambiguous, its single-mask output
		assertEquals(7, objects.size());
		List<Integer> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (SegmentedObject o : objects) {
			ids.add(o.id());
			names.add(o.prompt().name());
		}
		assertEquals(Arrays.asList(1, 2, 3, 4, 5, 6, 7), ids);
		assertEquals(Arrays.asList("a", "a", "a", "b", "c", "c", "c"), names);
		AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(W, H, 30, 5, 10, 10), objects.get(3).mask());
		assertEquals(0.5f, objects.get(3).predictedIou(), 0f);
		assertEquals(Arrays.asList(0.9f, 0.7f, 0.6f), Arrays.asList(objects.get(4).predictedIou(), objects.get(5)
			.predictedIou(), objects.get(6).predictedIou()));
	}

	@Test
	void boxPromptWithBestGivesTheBoxOfTheSingleMaskToken() {
		ObjectPrompt p = ObjectPrompt.builder().box(0, 0, 53, 37).build();
		List<SegmentedObject> objects = segment(MultimaskMode.BEST, p);
		AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(W, H, 0, 0, 53, 37), objects.get(0).mask());
		assertEquals(0.5f, objects.get(0).predictedIou(), 1e-6f);
	}

	@Test
	void theBoxModeChoosesAmongTheMultimaskCandidatesOfABox() {
		ObjectPrompt p = ObjectPrompt.builder().box(0, 0, 53, 37).build();
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults().withBoxMultimask(
			MultimaskMode.BEST));
		SegmentedObject o = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), Arrays.asList(p),
			TaskMonitor.NONE).objects().get(0);
		AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(W, H, 0, 0, 53, 37), o.mask());
		assertEquals(0.9f, o.predictedIou(), 0f);
	}

	@Test
	void smallestAndLargestChooseByAreaAmongTheMultimaskCandidatesOfAPoint() {
		ObjectPrompt p = ObjectPrompt.builder().point(20.5, 20.5, true).build();
		SegmentedObject smallest = segment(MultimaskMode.SMALLEST, p).get(0), largest = segment(MultimaskMode.LARGEST,
			p).get(0);
		assertEquals(21, smallest.mask().area()); // radius 2.5, candidate 1
		assertEquals(0.6f, smallest.predictedIou(), 0f);
		assertEquals(137, largest.mask().area()); // radius 6.5, candidate 3
		assertEquals(0.7f, largest.predictedIou(), 0f);
	}

	@Test
	void severalPointsKeepTheSingleMaskTokenWhateverTheMode() {
		ObjectPrompt p = ObjectPrompt.builder().point(20.5, 20.5, true).point(30.5, 20.5, false).build();
		for (MultimaskMode m : new MultimaskMode[] { MultimaskMode.BEST, MultimaskMode.SMALLEST, MultimaskMode.LARGEST,
			MultimaskMode.ALL })
		{
			List<SegmentedObject> objects = segment(m, p);
			assertEquals(1, objects.size(), m.name());
			assertEquals(0.5f, objects.get(0).predictedIou(), 0f, m.name());
			AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(W, H, p, AnalyticMasks.R2_MULTI[0]), objects.get(0).mask());
		}
	}

	@Test
	void singleMaskDecoderIgnoresTheMode() throws IOException {
		try (SamModel single = TinyModels.open(TinyModels.BOX)) {
			PromptSegmenter segmenter = new PromptSegmenter(single, SegmentationOptions.defaults().withMultimask(
				MultimaskMode.ALL));
			List<SegmentedObject> objects = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(W, H)),
				Collections.singletonList(point(20.5, 18.5)), TaskMonitor.NONE).objects();
			assertEquals(1, objects.size());
			assertEquals(0.8f, objects.get(0).predictedIou(), 1e-6f);
		}
	}
}
