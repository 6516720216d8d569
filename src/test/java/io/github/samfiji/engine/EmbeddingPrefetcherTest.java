package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.cache.EmbeddingCache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

	/** Records warnings; never cancels. */
	private static final class Warnings implements TaskMonitor {

		final List<String> messages = Collections.synchronizedList(new ArrayList<>());

		@Override
		public void progress(String message, long done, long total) {}

		@Override
		public void warn(String message) {
			messages.add(message);
		}

		@Override
		public boolean isCancelled() { return false; }
	}

	private static PlaneSource threePlanes() {
		return PlaneSource.stack(ArrayImgs.unsignedBytes(new byte[32 * 24 * 3], 32, 24, 3));
	}

	private static PromptSegmenter segmenter() {
		return new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(16L << 20, null));
	}

	@Test
	void aFailedLookAheadNobodyAskedForIsReportedWithItsPlane() {
		Warnings warnings = new Warnings();
		PlaneSource failing = FailingPlanes.exception(threePlanes(), 2, () -> new IllegalStateException(
			"injected encoder failure"));
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(segmenter(), failing, true, warnings)) {
			prefetcher.get(1);
			prefetcher.prefetch(2);
		}
		assertEquals(Collections.singletonList(
			"Encoding plane 2 ahead, in the background, failed: injected encoder failure"), warnings.messages);
	}

	@Test
	void aFailedLookAheadThatIsAskedForIsThrownNotWarned() {
		Warnings warnings = new Warnings();
		PlaneSource failing = FailingPlanes.exception(threePlanes(), 2, () -> new IllegalStateException(
			"injected encoder failure"));
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(segmenter(), failing, true, warnings)) {
			prefetcher.prefetch(2);
			IllegalStateException e = assertThrows(IllegalStateException.class, () -> prefetcher.get(2));
			assertEquals("injected encoder failure", e.getMessage());
		}
		assertEquals(Collections.emptyList(), warnings.messages);
	}

	@Test
	void aLookAheadOutOfMemoryIsReportedToo() {
		Warnings warnings = new Warnings();
		PlaneSource failing = FailingPlanes.error(threePlanes(), 3, () -> new OutOfMemoryError("Java heap space"));
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(segmenter(), failing, true, warnings)) {
			prefetcher.prefetch(3);
		}
		assertEquals(Collections.singletonList("Encoding plane 3 ahead, in the background, failed: Java heap space"),
			warnings.messages);
	}

	@Test
	void aSuccessfulLookAheadNobodyUsedWarnsNothing() {
		Warnings warnings = new Warnings();
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(segmenter(), threePlanes(), true, warnings)) {
			prefetcher.get(1);
			prefetcher.prefetch(2);
		}
		assertEquals(Collections.emptyList(), warnings.messages);
	}
}
