package io.github.samfiji.engine.cache;

import io.github.samfiji.engine.onnx.ImageEmbedding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Embeddings kept in memory, least recently used first out, bounded by their size in bytes, optionally backed by
 * an {@link EmbeddingStore} (e.g. on disk). {@link #get} returns the cached embedding for a key or computes it
 * once: concurrent requests for the same key wait for one computation, so a prefetching thread and the thread
 * that needs the plane never encode it twice. An embedding larger than the whole budget is returned but not kept.
 * Thread-safe.
 */
public final class EmbeddingCache {

	private final long maxBytes;
	private final EmbeddingStore store;
	private final LinkedHashMap<EmbeddingKey, ImageEmbedding> entries = new LinkedHashMap<>(16, 0.75f, true);
	private final Map<EmbeddingKey, CompletableFuture<ImageEmbedding>> inFlight = new HashMap<>();
	private long bytes;
	private long hits;
	private long storeHits;
	private long computations;

	/**
	 * @param maxBytes memory budget; 0 keeps nothing in memory
	 * @param store second level consulted on a memory miss and written after each computation, or {@code null}
	 */
	public EmbeddingCache(long maxBytes, EmbeddingStore store) {
		if (maxBytes < 0) throw new IllegalArgumentException("The cache budget must be >= 0 bytes, got " + maxBytes);
		this.maxBytes = maxBytes;
		this.store = store;
	}

	/** A cache that keeps nothing: every request computes. */
	public static EmbeddingCache none() { return new EmbeddingCache(0, null); }

	/**
	 * The embedding for {@code key}: from memory, else from the store, else computed by {@code compute} (then
	 * kept, and saved to the store). An exception from {@code compute} reaches every caller waiting for that key
	 * and nothing is cached.
	 */
	public ImageEmbedding get(EmbeddingKey key, Supplier<ImageEmbedding> compute) {
		return get(key, EmbeddingCheck.consistent(), compute);
	}

	/**
	 * The same; an embedding from the store is used only when it passes {@code check} (else it is computed, and the
	 * stored one replaced).
	 */
	public ImageEmbedding get(EmbeddingKey key, EmbeddingCheck check, Supplier<ImageEmbedding> compute) {
		CompletableFuture<ImageEmbedding> mine = null;
		CompletableFuture<ImageEmbedding> theirs;
		synchronized (this) {
			ImageEmbedding cached = entries.get(key);
			if (cached != null) {
				hits++;
				return cached;
			}
			theirs = inFlight.get(key);
			if (theirs == null) {
				mine = new CompletableFuture<>();
				inFlight.put(key, mine);
			}
		}
		if (theirs != null) return await(theirs);
		try {
			ImageEmbedding embedding = loadOrCompute(key, check, compute);
			keep(key, embedding);
			mine.complete(embedding);
			return embedding;
		}
		catch (RuntimeException | Error e) {
			mine.completeExceptionally(e);
			throw e;
		}
		finally {
			synchronized (this) {
				inFlight.remove(key);
			}
		}
	}

	private ImageEmbedding loadOrCompute(EmbeddingKey key, EmbeddingCheck check, Supplier<ImageEmbedding> compute) {
		if (store != null) {
			ImageEmbedding stored = store.load(key, check).orElse(null);
			if (stored != null) {
				synchronized (this) {
					storeHits++;
				}
				return stored;
			}
		}
		ImageEmbedding computed = compute.get();
		synchronized (this) {
			computations++;
		}
		if (store != null) store.save(key, computed);
		return computed;
	}

	private static ImageEmbedding await(CompletableFuture<ImageEmbedding> future) {
		try {
			return future.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			if (e.getCause() instanceof Error) throw (Error) e.getCause();
			throw e;
		}
	}

	private synchronized void keep(EmbeddingKey key, ImageEmbedding embedding) {
		long size = embedding.sizeInBytes();
		if (size > maxBytes) return;
		ImageEmbedding previous = entries.put(key, embedding);
		if (previous != null) bytes -= previous.sizeInBytes();
		bytes += size;
		Iterator<ImageEmbedding> eldestFirst = entries.values().iterator();
		while (bytes > maxBytes && eldestFirst.hasNext()) {
			bytes -= eldestFirst.next().sizeInBytes();
			eldestFirst.remove();
		}
	}

	/** Whether {@code key} is in memory now (does not count as a use). */
	public synchronized boolean containsInMemory(EmbeddingKey key) { return entries.containsKey(key); }

	/** The keys held in memory now, eldest use first (a snapshot; does not count as a use). */
	public synchronized List<EmbeddingKey> keysInMemory() { return new ArrayList<>(entries.keySet()); }

	/** Drops every embedding held in memory (the store is untouched). */
	public synchronized void clear() {
		entries.clear();
		bytes = 0;
	}

	public long maxBytes() { return maxBytes; }

	/** Whether a second-level store (e.g. on disk) backs the memory level. */
	public boolean hasStore() { return store != null; }

	/** Bytes held in memory now. */
	public synchronized long sizeInBytes() { return bytes; }

	public synchronized int size() { return entries.size(); }

	/** Requests answered from memory. */
	public synchronized long memoryHits() { return hits; }

	/** Requests answered from the store. */
	public synchronized long storeHits() { return storeHits; }

	/** Requests that had to compute (run the encoder). */
	public synchronized long computations() { return computations; }
}
