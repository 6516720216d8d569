package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.segment.PlaneRegions;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * What a session keeps of the plane it works on, so that a prompt never waits for the plane to be fingerprinted
 * again: its whole embedding (when it is encoded whole) and its {@link PlaneRegions} (fingerprint and intensity
 * range, for planes encoded in tiles or crops, whose embeddings the segmenter's cache keeps). Another plane's are
 * taken from the cache or computed, cancellably. Thread-safe; {@link #isComputing()} never waits for a computation.
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
	private PlaneRegions regions;
	private int regionsSlice;
	private volatile boolean computing;

	PlaneEmbedding(PlaneSource planes) {
		this.planes = planes;
	}

	/** Whether an embedding (of the plane or of a tile or crop) is being computed now. */
	boolean isComputing() { return computing; }

	/** Marks a tile or crop being encoded (see {@link #isComputing()}). */
	void setComputing(boolean now) { computing = now; }

	/**
	 * The plane {@code wanted} for {@code segmenter}: what was computed of it (fingerprint, range) is kept while the
	 * session stays on it.
	 */
	synchronized PlaneRegions regions(PromptSegmenter segmenter, int wanted) {
		if (regions == null || regionsSlice != wanted) {
			regions = new PlaneRegions(segmenter, planes.plane(wanted));
			regionsSlice = wanted;
		}
		else regions = regions.with(segmenter);
		return regions;
	}

	/**
	 * The whole embedding of plane {@code wanted}.
	 *
	 * @param cancelled polled while the encoder runs
	 * @throws CancellationException when {@code cancelled} became true
	 */
	ImageEmbedding get(PromptSegmenter segmenter, int wanted, BooleanSupplier cancelled, Progress progress) {
		synchronized (this) {
			if (embedding != null && slice == wanted) return embedding;
		}
		computing = true;
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
			computing = false;
		}
		synchronized (this) {
			embedding = computed;
			slice = wanted;
		}
		progress.ready(wanted);
		return computed;
	}
}
