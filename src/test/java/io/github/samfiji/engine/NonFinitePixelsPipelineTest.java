package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.auto.AutomaticSegmenter;
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
import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A float image with many NaN and infinite pixels segments as if +Infinity were its brightest finite value and NaN
 * and -Infinity its darkest (before, +Infinity became the top of the intensity range: every finite pixel turned black
 * and infinite ones NaN, which gave NaN scores), and the run says how many such pixels it left out.
 */
class NonFinitePixelsPipelineTest {

	private static final int W = 64, H = 64;
	private static final ObjectPrompt EVERYTHING = ObjectPrompt.builder().box(0, 0, W, H).build();
	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.CONTENT);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	/** Bright (1000) left half, dark (0) right half; every third pixel non-finite when {@code hostile}. */
	private static ArrayImg<FloatType, FloatArray> image(boolean hostile) {
		float[] px = new float[W * H];
		for (int i = 0; i < px.length; i++) {
			boolean bright = i % W < W / 2;
			px[i] = bright ? 1000 : 0;
			if (i % 3 == 0) px[i] = !hostile ? px[i] : bright ? Float.POSITIVE_INFINITY : i % 2 == 0 ? Float.NaN
				: Float.NEGATIVE_INFINITY;
		}
		return ArrayImgs.floats(px, W, H);
	}

	private static SegmentationResult segment(boolean hostile) {
		return new PromptSegmenter(model, SegmentationOptions.defaults()).segment(PlaneSource.of(image(hostile)),
			Collections.singletonList(EVERYTHING), TaskMonitor.NONE);
	}

	@Test
	void infinitePixelsAreClippedAndNaNIsDark() {
		SegmentedObject clipped = segment(false).objects().get(0);
		SegmentedObject hostile = segment(true).objects().get(0);
		assertEquals(W / 2 * H, clipped.mask().area(), "the bright half");
		AnalyticMasks.assertMaskEquals(clipped.mask().toPlane(), hostile.mask());
		assertEquals(clipped.predictedIou(), hostile.predictedIou(), 0f);
		assertTrue(Float.isFinite(hostile.predictedIou()));
	}

	@Test
	void theRunSaysHowManyPixelsWereLeftOut() {
		assertEquals(Collections.singletonList("1366 of 4096 pixels on slice(s) 1 are NaN or infinite: the intensity " +
			"mapping left them out (NaN and -Infinity show as black, +Infinity as white)"), segment(true).notes());
		assertEquals(Collections.emptyList(), segment(false).notes());
	}

	@Test
	void segmentEverythingSaysSoToo() {
		AutomaticOptions few = AutomaticOptions.defaults().withPointsPerSide(2);
		List<String> notes = new AutomaticSegmenter(new PromptSegmenter(model, SegmentationOptions.defaults()), few)
			.segment(PlaneSource.of(image(true)), Collections.singletonList(1), TaskMonitor.NONE).notes();
		assertFalse(notes.isEmpty());
		assertTrue(notes.get(notes.size() - 1).startsWith("1366 of 4096 pixels on slice(s) 1 are NaN"), notes
			.toString());
	}
}
