package io.github.samfiji.engine.cache;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The embedding caches that runs share: one in memory (a quarter of the maximum heap) for runs without a disk cache
 * directory, and for runs with one a disk-backed cache (an eighth of the heap in memory in front of its
 * {@link DiskEmbeddingStore}). Only the disk cache of the directory used last is kept, so memory stays bounded
 * whatever the number of directories used. Thread-safe.
 */
public final class EmbeddingCaches {

	private final EmbeddingCache memory;
	private final long diskCacheMemory;
	private Path currentDirectory;
	private EmbeddingCache current;
	private volatile Consumer<String> warningSink = message -> {};

	/** Caches sized from the maximum heap. */
	public EmbeddingCaches() {
		this(Runtime.getRuntime().maxMemory() / 4, Runtime.getRuntime().maxMemory() / 8);
	}

	/**
	 * @param memoryBytes budget of the memory-only cache
	 * @param diskCacheMemoryBytes memory budget in front of a disk cache
	 */
	public EmbeddingCaches(long memoryBytes, long diskCacheMemoryBytes) {
		this.memory = new EmbeddingCache(memoryBytes, null);
		this.diskCacheMemory = diskCacheMemoryBytes;
	}

	/** The memory-only cache. */
	public EmbeddingCache memory() { return memory; }

	/**
	 * @param directory the disk cache directory, or {@code null} for the memory-only cache
	 * @param warnings receives the disk store's warnings (ignored files, failed writes) from now on
	 */
	public synchronized EmbeddingCache forDirectory(Path directory, Consumer<String> warnings) {
		if (directory == null) return memory;
		warningSink = warnings;
		Path dir = directory.toAbsolutePath().normalize();
		if (!dir.equals(currentDirectory)) {
			current = new EmbeddingCache(diskCacheMemory, new DiskEmbeddingStore(dir, message -> warningSink.accept(
				message)));
			currentDirectory = dir;
		}
		return current;
	}

	/** Empties the memory levels (the disk cache stays). */
	public synchronized void clear() {
		memory.clear();
		if (current != null) current.clear();
	}
}
