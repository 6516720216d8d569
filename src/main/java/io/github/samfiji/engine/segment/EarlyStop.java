package io.github.samfiji.engine.segment;

import io.github.samfiji.engine.cache.EmbeddingCache;

import java.util.concurrent.CancellationException;

/**
 * Why a run over many planes stopped before the end, for the runs that keep the planes finished before
 * ({@link PromptSegmenter#segment}, propagation): cancelled, out of memory, or another failure. Out of memory also
 * empties the embedding cache, so the finished planes can still be turned into outputs, and says what to do.
 */
public final class EarlyStop {

	/** What to do after running out of memory. */
	public static final String OUT_OF_MEMORY_ADVICE =
		"give Java more memory or set a disk cache directory and run again";

	private final String reason;
	private final Throwable failure;

	private EarlyStop(String reason, Throwable failure) {
		this.reason = reason;
		this.failure = failure;
	}

	/**
	 * @param stop what ended the run: a {@link CancellationException}, an {@link OutOfMemoryError} or another
	 *          {@link RuntimeException} (other errors are not for this class)
	 * @param where where the run was, e.g. "slice 3" or "plane 7"
	 * @param cache the run's cache, cleared on out of memory
	 */
	public static EarlyStop of(Throwable stop, String where, EmbeddingCache cache) {
		if (stop instanceof CancellationException) return new EarlyStop("cancelled at " + where, null);
		if (stop instanceof OutOfMemoryError) {
			cache.clear();
			return new EarlyStop("out of memory at " + where + "; " + OUT_OF_MEMORY_ADVICE, stop);
		}
		return new EarlyStop("failed at " + where + ": " + (stop.getMessage() == null ? stop.toString() : stop
			.getMessage()), stop);
	}

	/** E.g. "out of memory at slice 3; give Java more memory or set a disk cache directory and run again". */
	public String reason() { return reason; }

	/** The error (with its stack trace, for the log), or {@code null} when the run was cancelled. */
	public Throwable failure() { return failure; }
}
