package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.Collections;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Point prompts through the whole pipeline: the single-mask tiny decoder returns the pixel centres closer than 4.5
 * to some positive point and not closer than 4.5 to any negative point. Points are written {@code x/y/+} or
 * {@code x/y/-} in original continuous coordinates (pixel centre of column i is i + 0.5).
 */
class PointPromptPipelineTest {

	private static SamModel model;
	private static PromptSegmenter segmenter;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
		segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
	}

	@AfterAll
	static void close() {
		model.close();
	}

	static ObjectPrompt parsePoints(String spec) {
		ObjectPrompt.Builder b = ObjectPrompt.builder();
		for (String p : spec.trim().split("\\s+")) {
			String[] f = p.split("/");
			b.point(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2].equals("+"));
		}
		return b.build();
	}

	@ParameterizedTest(name = "{0}x{1} image, points {2}")
	@CsvSource({
		"53, 37, 10.5/20.5/+",
		// border pixels: centres of the first and the last pixel, and the image corners themselves
		"53, 37, 0.5/0.5/+",
		"53, 37, 52.5/36.5/+",
		"53, 37, 0/0/+",
		"53, 37, 53/37/+",
		"37, 53, 36.5/0.5/+",
		// positive and negative points
		"53, 37, 20.5/18.5/+ 24.5/18.5/-",
		"101, 67, 30.5/30.5/+ 36.5/30.5/+ 33.5/33.5/-",
		"101, 67, 50/40/+ 53/40/- 47/40/-",
		// a negative point next to the positive one cuts its disc
		"53, 37, 20.5/18.5/+ 21.5/18.5/-",
		// upscaled and downscaled images
		"9, 7, 4.5/3.5/+",
		"20, 13, 10.5/6.5/+ 1.5/11.5/+",
		"2000, 1200, 1000.5/600.5/+ 1999.5/1199.5/+ 1003.5/600.5/-" })
	void pointsGiveTheAnalyticDiscs(int w, int h, String points) {
		ObjectPrompt prompt = parsePoints(points);
		SegmentationResult result = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(w, h)), Collections
			.singletonList(prompt), TaskMonitor.NONE);

		SegmentedObject o = result.objects().get(0);
		AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(w, h, prompt, AnalyticMasks.R2_SINGLE), o.mask());
		assertEquals(0.8f, o.predictedIou(), 1e-6f);
	}

	@Test
	void pointOnAPixelCentreGivesTheSixtyNinePixelDisc() {
		// 4.5-disc around a pixel centre: all (dx, dy) with dx^2 + dy^2 <= 20, i.e. 69 pixels
		ObjectPrompt prompt = ObjectPrompt.builder().point(25.5, 18.5, true).build();
		SegmentedObject o = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(53, 37)), Collections
			.singletonList(prompt), TaskMonitor.NONE).objects().get(0);

		assertEquals(69, o.mask().area());
		assertEquals(21, o.mask().boundsX());
		assertEquals(14, o.mask().boundsY());
		assertEquals(9, o.mask().boundsWidth());
		assertEquals(9, o.mask().boundsHeight());
		assertTrue(o.mask().contains(25, 18));
		assertTrue(o.mask().contains(29, 20)); // dx=4, dy=2: 20 < 20.25
	}

	@Test
	void pointOnTheFirstPixelCentreGivesTheQuarterDiscInsideTheImage() {
		// (dx, dy) >= 0 with dx^2 + dy^2 <= 20: 5 + 5 + 5 + 4 + 3 = 22 pixels
		ObjectPrompt prompt = ObjectPrompt.builder().point(0.5, 0.5, true).build();
		SegmentedObject o = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(53, 37)), Collections
			.singletonList(prompt), TaskMonitor.NONE).objects().get(0);

		assertEquals(22, o.mask().area());
		assertEquals(0, o.mask().boundsX());
		assertEquals(0, o.mask().boundsY());
	}

	@Test
	void boxWithPointsUsesTheBoxAndItsIou() {
		// the tiny decoder ignores points in box mode: this checks that both corner labels reach it with points
		ObjectPrompt prompt = ObjectPrompt.builder().point(5.5, 5.5, true).point(30.5, 20.5, false).box(10, 8, 12, 6)
			.build();
		SegmentedObject o = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(53, 37)), Collections
			.singletonList(prompt), TaskMonitor.NONE).objects().get(0);

		AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(53, 37, 10, 8, 12, 6), o.mask());
		assertEquals(0.9f, o.predictedIou(), 1e-6f);
	}
}
