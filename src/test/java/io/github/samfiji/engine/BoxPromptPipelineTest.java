package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.ObjectMask;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Box prompts through the whole pipeline (preprocessing, tiny encoder, decoder, thresholding) on images that are
 * odd-sized, non-square, upscaled and downscaled: the tiny decoder's mask is exactly the pixels whose centres lie in
 * the box, so an integer box (x, y, w, h) must give columns x..x+w-1 and rows y..y+h-1.
 */
class BoxPromptPipelineTest {

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

	@ParameterizedTest(name = "{0}x{1} image, box ({2}, {3}, {4}x{5})")
	@CsvSource({
		// odd-sized and non-square
		"53, 37, 10, 5, 20, 17",
		"37, 53, 3, 11, 17, 30",
		"101, 67, 13, 20, 51, 33",
		// whole image and boxes touching the borders
		"101, 67, 0, 0, 101, 67",
		"101, 67, 97, 60, 4, 7",
		"53, 37, 0, 36, 53, 1",
		"53, 37, 52, 0, 1, 37",
		// tiny images that are upscaled
		"9, 7, 0, 0, 9, 7",
		"9, 7, 4, 3, 1, 1",
		"20, 13, 2, 3, 4, 5",
		"1, 1000, 0, 10, 1, 990",
		// large images that are downscaled
		"2000, 1200, 150, 333, 901, 611",
		"1500, 2000, 0, 1999, 1500, 1" })
	void boxGivesExactlyThePixelsWhoseCentresLieInIt(int w, int h, int x, int y, int bw, int bh) {
		ObjectPrompt prompt = ObjectPrompt.builder().box(x, y, bw, bh).build();
		SegmentationResult result = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(w, h)), Collections
			.singletonList(prompt), TaskMonitor.NONE);

		assertTrue(result.isComplete());
		assertEquals(1, result.objects().size());
		SegmentedObject o = result.objects().get(0);
		AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(w, h, x, y, bw, bh), o.mask());
		AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(w, h, prompt, AnalyticMasks.R2_SINGLE), o.mask());
		ObjectMask m = o.mask();
		assertEquals(bw * bh, m.area());
		assertEquals(x, m.boundsX());
		assertEquals(y, m.boundsY());
		assertEquals(bw, m.boundsWidth());
		assertEquals(bh, m.boundsHeight());
		assertEquals(0.9f, o.predictedIou(), 1e-6f);
	}

	@ParameterizedTest(name = "53x37 image, box ({0}, {1}, {2}x{3}) gives columns {4}-{5}, rows {6}-{7}")
	@CsvSource({
		// a box narrower than a pixel selects the pixel under its middle
		"4.2, 3.2, 0.6, 0.6, 4, 4, 3, 3",
		// edges within 0.1 pixel of integers behave like the integer box
		"9.9, 2.1, 3.2, 2.8, 10, 12, 2, 4" })
	void nearlyIntegerAndSubPixelBoxes(double x, double y, double bw, double bh, int x0, int x1,
		int y0, int y1)
	{
		ObjectPrompt prompt = ObjectPrompt.builder().box(x, y, bw, bh).build();
		SegmentationResult result = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(53, 37)), Collections
			.singletonList(prompt), TaskMonitor.NONE);
		AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(53, 37, x0, y0, x1 - x0 + 1, y1 - y0 + 1), result
			.objects().get(0).mask());
	}

	@ParameterizedTest(name = "{0}x{1} image, box ({2}, {3}, {4}x{5}) is clipped")
	@CsvSource({
		"53, 37, -5, -4, 10, 10",
		"53, 37, 50, 30, 10, 10",
		"20, 13, -3, 2, 30, 4" })
	void boxReachingOutsideTheImageIsClippedToIt(int w, int h, int x, int y, int bw, int bh) {
		ObjectPrompt prompt = ObjectPrompt.builder().box(x, y, bw, bh).build();
		SegmentationResult result = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(w, h)), Collections
			.singletonList(prompt), TaskMonitor.NONE);

		boolean[] expected = AnalyticMasks.rectangle(w, h, x, y, bw, bh);
		AnalyticMasks.assertMaskEquals(expected, result.objects().get(0).mask());
		int clippedW = Math.min(w, x + bw) - Math.max(0, x), clippedH = Math.min(h, y + bh) - Math.max(0, y);
		assertEquals(clippedW * clippedH, result.objects().get(0).mask().area());
	}
}
