package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.ObjectTable;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Overlapping objects from real segmentation: the label image gives shared pixels to the lower object number, each
 * object keeps its full mask, and the overlap is counted in the labels and in the object table.
 */
class LabelCompositionPipelineTest {

	private static final int W = 53, H = 37;
	private static SamModel model;
	private static SegmentationResult result;

	@BeforeAll
	static void segment() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
		// object 1: columns 5-24, rows 5-14 (200 px); object 2: columns 15-34, rows 10-19 (200 px), sharing columns
		// 15-24 of rows 10-14 (50 px) with object 1; object 3: a 69-pixel disc far from both
		result = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), Arrays.asList(ObjectPrompt.builder()
			.box(5, 5, 20, 10).name("first").build(), ObjectPrompt.builder().box(15, 10, 20, 10).build(), ObjectPrompt
				.builder().point(45.5, 28.5, true).build()), TaskMonitor.NONE);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	@Test
	void lowerObjectNumberWinsWhereMasksOverlap() {
		short[] expected = new short[W * H];
		for (int y = 10; y < 20; y++)
			for (int x = 15; x < 35; x++)
				expected[y * W + x] = 2;
		for (int y = 5; y < 15; y++)
			for (int x = 5; x < 25; x++)
				expected[y * W + x] = 1;
		boolean[] disc = AnalyticMasks.mask(W, H, result.objects().get(2).prompt(), AnalyticMasks.R2_SINGLE);
		for (int i = 0; i < disc.length; i++)
			if (disc[i]) expected[i] = 3;
		assertArrayEquals(expected, result.labels().plane(1));
	}

	@Test
	void overlapIsCountedForTheLaterObjectOnly() {
		SegmentationResult.LabelStack labels = result.labels();
		assertEquals(0, labels.overlapPixels(0));
		assertEquals(50, labels.overlapPixels(1));
		assertEquals(0, labels.overlapPixels(2));
	}

	@Test
	void objectsKeepTheirFullMasks() {
		assertEquals(200, result.objects().get(0).mask().area());
		assertEquals(200, result.objects().get(1).mask().area());
		assertEquals(69, result.objects().get(2).mask().area());
	}

	@Test
	void tableRowsHoldAreasOverlapIouAndBounds() {
		ObjectTable table = new ObjectTable(result, 0.25, "µm");
		assertEquals(3, table.rows().size());
		assertArrayEquals(new Object[] { 1, "first", 1, 200, 50.0, "µm", 0, (double) 0.9f, "", 5, 5, 20, 10, "whole", 50.0, "" }, table.rows()
			.get(0));
		assertArrayEquals(new Object[] { 2, "object-0002", 1, 200, 50.0, "µm", 50, (double) 0.9f, "", 15, 10, 20, 10, "whole", 50.0, "" },
			table.rows().get(1));
		assertArrayEquals(new Object[] { 3, "object-0003", 1, 69, 17.25, "µm", 0, (double) 0.8f, "", 41, 24, 9, 9, "whole", 17.25, "" }, table
			.rows().get(2));
	}
}
