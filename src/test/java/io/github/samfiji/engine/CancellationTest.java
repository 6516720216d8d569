package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A cancelled run keeps the objects finished before the cancellation and says it is incomplete. */
class CancellationTest {

	private static final int W = 53, H = 37;
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

	/** Cancels once {@code limit} objects are done; records every progress call. */
	private static final class CancelAfter implements TaskMonitor {

		final int limit;
		final List<String> calls = new ArrayList<>();
		long done;

		CancelAfter(int limit) {
			this.limit = limit;
		}

		@Override
		public void progress(String message, long d, long total) {
			calls.add(message + " " + d + "/" + total);
			done = d;
		}

		@Override
		public boolean isCancelled() { return done >= limit; }
	}

	private static List<ObjectPrompt> threeBoxes() {
		return Arrays.asList(ObjectPrompt.builder().box(1, 1, 5, 5).build(), ObjectPrompt.builder().box(10, 10, 5, 5)
			.build(), ObjectPrompt.builder().box(20, 20, 5, 5).build());
	}

	@Test
	void cancellingAfterTheFirstObjectKeepsOnlyIt() {
		CancelAfter monitor = new CancelAfter(1);
		SegmentationResult result = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), threeBoxes(),
			monitor);

		assertFalse(result.isComplete());
		assertEquals(1, result.objects().size());
		assertEquals(1, result.objects().get(0).id());
		AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(W, H, 1, 1, 5, 5), result.objects().get(0).mask());
		assertEquals(Arrays.asList("Encoding slice 1 0/3", "Decoding object 1 1/3"), monitor.calls);
		short[] labels = result.labels().plane(1);
		assertEquals(0, labels[12 * W + 12], "object 2 was never decoded");
	}

	@Test
	void cancelledBeforeStartingRunsNoModelAndReturnsNothing() {
		TaskMonitor cancelled = new TaskMonitor() {

			@Override
			public void progress(String message, long done, long total) {}

			@Override
			public boolean isCancelled() { return true; }
		};
		long runs = model.encoder().runCount();
		SegmentationResult result = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), threeBoxes(),
			cancelled);
		assertFalse(result.isComplete());
		assertTrue(result.objects().isEmpty());
		assertEquals(runs, model.encoder().runCount());
	}

	@Test
	void uncancelledRunReportsProgressForEveryObjectAndIsComplete() {
		CancelAfter monitor = new CancelAfter(Integer.MAX_VALUE);
		SegmentationResult result = segmenter.segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), threeBoxes(),
			monitor);
		assertTrue(result.isComplete());
		assertEquals(3, result.objects().size());
		assertEquals(Arrays.asList("Encoding slice 1 0/3", "Decoding object 1 1/3", "Decoding object 2 2/3",
			"Decoding object 3 3/3"), monitor.calls);
	}
}
