package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.ImageEmbedding;
import io.github.samfiji.engine.PlaneSource;
import io.github.samfiji.engine.PromptSegmenter;
import io.github.samfiji.engine.TaskMonitor;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The embedding of the plane a session works on, kept between decodings so that a prompt never waits for the plane
 * to be fingerprinted again; another plane's is taken from the segmenter's cache or computed, cancellably.
 * Thread-safe.
 */
final class PlaneEmbedding {

	/** What happens around a computation (for the status bar). */
	interface Progress {

		void computing(int slice);

		void ready(int slice);
	}

	private final PlaneSource planes;
	private ImageEmbedding embedding;
	private int slice;
	private boolean computing;

	PlaneEmbedding(PlaneSource planes) {
		this.planes = planes;
	}

	/** Whether an embedding is being computed now. */
	synchronized boolean isComputing() { return computing; }

	/**
	 * The embedding of plane {@code wanted}.
	 *
	 * @param cancelled polled while the encoder runs
	 * @throws CancellationException when {@code cancelled} became true
	 */
	ImageEmbedding get(PromptSegmenter segmenter, int wanted, BooleanSupplier cancelled, Progress progress) {
		synchronized (this) {
			if (embedding != null && slice == wanted) return embedding;
			computing = true;
		}
		progress.computing(wanted);
		ImageEmbedding computed;
		try {
			computed = segmenter.encode(planes.plane(wanted), new TaskMonitor() {

				@Override
				public void progress(String message, long done, long total) {}

				@Override
				public boolean isCancelled() { return cancelled.getAsBoolean(); }
			});
		}
		finally {
			synchronized (this) {
				computing = false;
			}
		}
		synchronized (this) {
			embedding = computed;
			slice = wanted;
		}
		progress.ready(wanted);
		return computed;
	}
}
