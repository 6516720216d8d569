package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.EmbeddingPrefetcher;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.io.IOException;
import java.util.Collections;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link EmbeddingPrefetcher#close()} reports the failure of a look-ahead encode that nobody asked for. */
class EmbeddingPrefetcherTest {

	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
	}

	@AfterAll
	static void close() {
		model.close();
	}


	private static PlaneSource threePlanes() {
		return PlaneSource.stack(ArrayImgs.unsignedBytes(new byte[32 * 24 * 3], 32, 24, 3));
	}

	private static PromptSegmenter segmenter() {
		return new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(16L << 20, null));
	}

	@Test
	void aFailedLookAheadNobodyAskedForIsReportedWithItsPlane() {
		RecordingMonitor warnings = new RecordingMonitor();
		PlaneSource failing = FailingPlanes.exception(threePlanes(), 2, () -> new IllegalStateException(
			"injected encoder failure"));
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(segmenter(), failing, true, warnings)) {
			prefetcher.get(1);
			prefetcher.prefetch(2);
		}
		assertEquals(Collections.singletonList(
			"Encoding plane 2 ahead, in the background, failed: injected encoder failure"), warnings.warnings);
	}

	@Test
	void aFailedLookAheadThatIsAskedForIsThrownNotWarned() {
		RecordingMonitor warnings = new RecordingMonitor();
		PlaneSource failing = FailingPlanes.exception(threePlanes(), 2, () -> new IllegalStateException(
			"injected encoder failure"));
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(segmenter(), failing, true, warnings)) {
			prefetcher.prefetch(2);
			IllegalStateException e = assertThrows(IllegalStateException.class, () -> prefetcher.get(2));
			assertEquals("injected encoder failure", e.getMessage());
		}
		assertEquals(Collections.emptyList(), warnings.warnings);
	}

	@Test
	void aLookAheadOutOfMemoryIsReportedToo() {
		RecordingMonitor warnings = new RecordingMonitor();
		PlaneSource failing = FailingPlanes.error(threePlanes(), 3, () -> new OutOfMemoryError("Java heap space"));
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(segmenter(), failing, true, warnings)) {
			prefetcher.prefetch(3);
		}
		assertEquals(Collections.singletonList("Encoding plane 3 ahead, in the background, failed: Java heap space"),
			warnings.warnings);
	}

	@Test
	void aSuccessfulLookAheadNobodyUsedWarnsNothing() {
		RecordingMonitor warnings = new RecordingMonitor();
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(segmenter(), threePlanes(), true, warnings)) {
			prefetcher.get(1);
			prefetcher.prefetch(2);
		}
		assertEquals(Collections.emptyList(), warnings.warnings);
	}
}
