package io.github.samfiji.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.model.Preprocessing;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

	/** An embedding of {@code floats} floats, i.e. {@code 4 * floats} bytes. */
	private static ImageEmbedding embedding(int floats) {
		return new ImageEmbedding("m", ResizeGeometry.of(10, 10, Preprocessing.samDefault()), new float[][] { new float[floats] },
			new long[][] { { floats } });
	}

	private static EmbeddingKey key(String plane) {
		return new EmbeddingKey("m", plane, "auto", EmbeddingKey.WHOLE_PLANE);
	}

	@Test
	void secondRequestIsAnsweredFromMemoryWithoutComputing() {
		EmbeddingCache cache = new EmbeddingCache(1000, null);
		AtomicInteger runs = new AtomicInteger();
		ImageEmbedding first = cache.get(key("a"), () -> { runs.incrementAndGet(); return embedding(10); });
		ImageEmbedding second = cache.get(key("a"), () -> { runs.incrementAndGet(); return embedding(10); });
		assertSame(first, second);
		assertEquals(1, runs.get());
		assertEquals(1, cache.computations());
		assertEquals(1, cache.memoryHits());
		assertEquals(40, cache.sizeInBytes());
	}

	@Test
	void leastRecentlyUsedIsEvictedWhenTheByteBudgetIsExceeded() {
		EmbeddingCache cache = new EmbeddingCache(100, null); // room for two 40-byte embeddings
		cache.get(key("a"), () -> embedding(10));
		cache.get(key("b"), () -> embedding(10));
		cache.get(key("a"), () -> embedding(10)); // a is now the most recently used
		cache.get(key("c"), () -> embedding(10));
		assertTrue(cache.containsInMemory(key("a")));
		assertFalse(cache.containsInMemory(key("b")));
		assertTrue(cache.containsInMemory(key("c")));
		assertEquals(80, cache.sizeInBytes());
	}

	@Test
	void anEmbeddingLargerThanTheBudgetIsReturnedButNotKept() {
		EmbeddingCache cache = new EmbeddingCache(100, null);
		cache.get(key("small"), () -> embedding(10));
		ImageEmbedding big = cache.get(key("big"), () -> embedding(100));
		assertEquals(400, big.sizeInBytes());
		assertFalse(cache.containsInMemory(key("big")));
		assertTrue(cache.containsInMemory(key("small")));
	}

	@Test
	void keysDifferingInAnyPartAreDifferentEntries() {
		EmbeddingCache cache = new EmbeddingCache(10_000, null);
		cache.get(new EmbeddingKey("m", "p", "auto", "whole"), () -> embedding(1));
		cache.get(new EmbeddingKey("n", "p", "auto", "whole"), () -> embedding(1));
		cache.get(new EmbeddingKey("m", "q", "auto", "whole"), () -> embedding(1));
		cache.get(new EmbeddingKey("m", "p", "fixed:0:1", "whole"), () -> embedding(1));
		cache.get(new EmbeddingKey("m", "p", "auto", "crop:0,0,5,5"), () -> embedding(1));
		assertEquals(5, cache.computations());
		assertEquals(5, cache.size());
	}

	@Test
	void aFailedComputationPropagatesAndCachesNothing() {
		EmbeddingCache cache = new EmbeddingCache(1000, null);
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> cache.get(key("a"), () -> {
			throw new IllegalStateException("encoder failed");
		}));
		assertEquals("encoder failed", e.getMessage());
		assertFalse(cache.containsInMemory(key("a")));
		assertEquals(1, cache.get(key("a"), () -> embedding(1)).tensor(0).length);
	}

	@Test
	void concurrentRequestsForOneKeyComputeOnce() throws Exception {
		EmbeddingCache cache = new EmbeddingCache(1000, null);
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<ImageEmbedding> first = pool.submit(() -> cache.get(key("a"), () -> {
				runs.incrementAndGet();
				started.countDown();
				await(release);
				return embedding(10);
			}));
			assertTrue(started.await(10, TimeUnit.SECONDS));
			Future<ImageEmbedding> second = pool.submit(() -> cache.get(key("a"), () -> {
				runs.incrementAndGet();
				return embedding(10);
			}));
			release.countDown();
			assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
			assertEquals(1, runs.get());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theStoreIsConsultedOnAMissAndWrittenAfterAComputation() {
		Map<EmbeddingKey, ImageEmbedding> saved = new HashMap<>();
		EmbeddingStore store = new EmbeddingStore() {

			@Override
			public Optional<ImageEmbedding> load(EmbeddingKey key) { return Optional.ofNullable(saved.get(key)); }

			@Override
			public void save(EmbeddingKey key, ImageEmbedding embedding) { saved.put(key, embedding); }
		};
		EmbeddingCache first = new EmbeddingCache(1000, store);
		ImageEmbedding computed = first.get(key("a"), () -> embedding(10));
		assertSame(computed, saved.get(key("a")));

		EmbeddingCache second = new EmbeddingCache(1000, store); // a new session with the same store
		assertSame(computed, second.get(key("a"), () -> { throw new AssertionError("must not compute"); }));
		assertEquals(0, second.computations());
		assertEquals(1, second.storeHits());
	}

	@Test
	void aZeroBudgetKeepsNothing() {
		EmbeddingCache cache = EmbeddingCache.none();
		cache.get(key("a"), () -> embedding(1));
		cache.get(key("a"), () -> embedding(1));
		assertEquals(2, cache.computations());
		assertEquals(0, cache.size());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
