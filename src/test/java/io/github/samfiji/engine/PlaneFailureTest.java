package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PromptSegmenter#segment} over many planes keeps the planes finished before running out of memory or failing
 * on a later one, and says why and what to do; errors are injected where a plane is read.
 */
class PlaneFailureTest {

	private static final int W = 64, H = 48, PLANES = 4;
	private static final ObjectPrompt EVERY_PLANE = ObjectPrompt.builder().box(2, 3, 10, 5).everyPlane().name("cell")
		.build();
	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	/** Plane k (1-based) is constant 40 * k, so every plane has its own embedding. */
	private static PlaneSource stack() {
		byte[] data = new byte[W * H * PLANES];
		for (int k = 0; k < PLANES; k++)
			Arrays.fill(data, k * W * H, (k + 1) * W * H, (byte) (40 * (k + 1)));
		return PlaneSource.stack(ArrayImgs.unsignedBytes(data, W, H, PLANES));
	}

	private static PromptSegmenter segmenter(EmbeddingCache cache) {
		return new PromptSegmenter(model, SegmentationOptions.defaults(), cache).withPrefetch(false);
	}

	private static void assertPlanesOneAndTwoKept(SegmentationResult r) {
		assertFalse(r.isComplete());
		assertEquals(2, r.objects().size(), "one object on each of planes 1 and 2");
		for (int plane = 1; plane <= 2; plane++) {
			SegmentedObject o = r.objectsOn(plane).get(0);
			assertEquals(1, o.id());
			AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(W, H, 2, 3, 10, 5), o.mask());
		}
		assertTrue(r.objectsOn(3).isEmpty());
		assertTrue(r.objectsOn(4).isEmpty());
		assertEquals(PLANES, r.labels().planeCount(), "the label stack still covers every plane");
	}

	@Test
	void runningOutOfMemoryKeepsTheFinishedPlanesEmptiesTheCacheAndSaysWhatToDo() {
		EmbeddingCache cache = new EmbeddingCache(64L << 20, null);
		OutOfMemoryError injected = new OutOfMemoryError("injected");
		SegmentationResult r = segmenter(cache).segment(FailingPlanes.error(stack(), 3, () -> injected),
			Collections.singletonList(EVERY_PLANE), TaskMonitor.NONE);
		assertPlanesOneAndTwoKept(r);
		assertEquals("out of memory at slice 3; give Java more memory or set a disk cache directory and run again", r
			.stoppedBecause());
		assertSame(injected, r.failure());
		assertEquals(0, cache.size(), "the embeddings are let go so the outputs can still be made");
	}

	@Test
	void aFailingModelRunKeepsTheFinishedPlanesAndTheirEmbeddings() {
		EmbeddingCache cache = new EmbeddingCache(64L << 20, null);
		IllegalStateException injected = new IllegalStateException("encoder run failed (injected)");
		SegmentationResult r = segmenter(cache).segment(FailingPlanes.exception(stack(), 3, () -> injected),
			Collections.singletonList(EVERY_PLANE), TaskMonitor.NONE);
		assertPlanesOneAndTwoKept(r);
		assertEquals("failed at slice 3: encoder run failed (injected)", r.stoppedBecause());
		assertSame(injected, r.failure());
		assertEquals(2, cache.size(), "planes 1 and 2 need not be encoded again");
	}

	@Test
	void aFailureBeforeAnyObjectIsFinishedIsThrown() {
		EmbeddingCache cache = new EmbeddingCache(64L << 20, null);
		OutOfMemoryError injected = new OutOfMemoryError("injected");
		assertSame(injected, assertThrows(OutOfMemoryError.class, () -> segmenter(cache).segment(FailingPlanes.error(
			stack(), 1, () -> injected), Collections.singletonList(EVERY_PLANE), TaskMonitor.NONE)));
		IllegalStateException failed = new IllegalStateException("injected");
		assertSame(failed, assertThrows(IllegalStateException.class, () -> segmenter(cache).segment(FailingPlanes
			.exception(stack(), 1, () -> failed), Collections.singletonList(EVERY_PLANE), TaskMonitor.NONE)));
	}

	@Test
	void cancellingSaysWhereAndHasNoFailure() {
		int[] progress = { 0 };
		TaskMonitor cancelAfterTwoPlanes = new TaskMonitor() {

			@Override
			public void progress(String message, long done, long total) {
				if (message.startsWith("Decoding object")) progress[0]++;
			}

			@Override
			public boolean isCancelled() { return progress[0] >= 2; }
		};
		SegmentationResult r = segmenter(EmbeddingCache.none()).segment(stack(), Collections.singletonList(EVERY_PLANE),
			cancelAfterTwoPlanes);
		assertPlanesOneAndTwoKept(r);
		assertEquals("cancelled at slice 3", r.stoppedBecause());
		assertNull(r.failure());
	}

	@Test
	void aFinishedRunHasNoReasonToStop() {
		List<ObjectPrompt> prompts = Collections.singletonList(EVERY_PLANE);
		SegmentationResult r = segmenter(EmbeddingCache.none()).segment(stack(), prompts, TaskMonitor.NONE);
		assertTrue(r.isComplete());
		assertEquals(PLANES, r.objects().size());
		assertNull(r.stoppedBecause());
		assertNull(r.failure());
	}
}
