package io.github.samfiji.engine.cache;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The embedding caches the commands share within one JVM: {@link EmbeddingCache#shared()} (memory only) when no
 * disk cache directory is configured, else one disk-backed cache per directory. Only the cache of the directory used
 * last is kept, with a memory level of an eighth of the maximum heap in front of its {@link DiskEmbeddingStore}, so
 * memory stays bounded whatever the number of directories used. Thread-safe.
 */
public final class SharedEmbeddingCaches {

	private static Path currentDirectory;
	private static EmbeddingCache current;
	private static volatile Consumer<String> warningSink = message -> {};

	private SharedEmbeddingCaches() {}

	/**
	 * @param directory the disk cache directory, or {@code null} for the memory-only shared cache
	 * @param warnings receives the disk store's warnings (ignored files, failed writes) from now on
	 */
	public static synchronized EmbeddingCache forDirectory(Path directory, Consumer<String> warnings) {
		if (directory == null) return EmbeddingCache.shared();
		warningSink = warnings;
		Path dir = directory.toAbsolutePath().normalize();
		if (!dir.equals(currentDirectory)) {
			current = new EmbeddingCache(Runtime.getRuntime().maxMemory() / 8, new DiskEmbeddingStore(dir,
				message -> warningSink.accept(message)));
			currentDirectory = dir;
		}
		return current;
	}
}
