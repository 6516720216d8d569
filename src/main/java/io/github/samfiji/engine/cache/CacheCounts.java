package io.github.samfiji.engine.cache;

/**
 * The counters of an {@link EmbeddingCache} at one moment; the difference of two snapshots tells what one run did:
 * planes encoded (encoder runs), embeddings taken from memory and from the disk store.
 */
public final class CacheCounts {

	private final long encoded;
	private final long fromMemory;
	private final long fromStore;

	private CacheCounts(long encoded, long fromMemory, long fromStore) {
		this.encoded = encoded;
		this.fromMemory = fromMemory;
		this.fromStore = fromStore;
	}

	public static CacheCounts of(EmbeddingCache cache) {
		return new CacheCounts(cache.computations(), cache.memoryHits(), cache.storeHits());
	}

	/** What happened between {@code before} and this snapshot. */
	public CacheCounts since(CacheCounts before) {
		return new CacheCounts(encoded - before.encoded, fromMemory - before.fromMemory, fromStore - before.fromStore);
	}

	/** Embeddings computed, i.e. encoder runs. */
	public long encoded() { return encoded; }

	public long fromMemory() { return fromMemory; }

	public long fromStore() { return fromStore; }

	/** E.g. "Embeddings: 3 encoded, 5 from memory, 92 from the disk cache". */
	@Override
	public String toString() {
		return "Embeddings: " + encoded + " encoded, " + fromMemory + " from memory, " + fromStore +
			" from the disk cache";
	}
}
