package io.github.samfiji.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Encodes the next plane in a background thread while the caller decodes the current one. At most one plane is
 * encoded ahead, so memory stays bounded; the embedding goes through the segmenter's cache, whose one-computation-
 * per-key rule means a plane is never encoded twice even if the caller asks for it before the prefetch finished.
 * Without prefetching (disabled, or a single core) {@link #get} simply encodes. Close it (try-with-resources): it
 * waits for a running prefetch, so the model is never closed under it.
 */
public final class EmbeddingPrefetcher implements AutoCloseable {

	private final PromptSegmenter segmenter;
	private final PlaneSource planes;
	private final ExecutorService executor;
	private int pendingPlane;
	private Future<ImageEmbedding> pending;

	/** @param enabled whether to encode ahead at all (see {@link #worthwhile()}) */
	public EmbeddingPrefetcher(PromptSegmenter segmenter, PlaneSource planes, boolean enabled) {
		this.segmenter = segmenter;
		this.planes = planes;
		this.executor = enabled ? Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "SAM embedding prefetch");
			t.setDaemon(true);
			return t;
		}) : null;
	}

	/** Whether this machine has the cores to run an encoder and a decoder at the same time (4 or more). */
	public static boolean worthwhile() {
		return Runtime.getRuntime().availableProcessors() >= 4;
	}

	/** The embedding of {@code plane} (1-based): the prefetched one when it is that plane, else encoded now. */
	public ImageEmbedding get(int plane) {
		if (pending != null && pendingPlane == plane) {
			Future<ImageEmbedding> f = pending;
			pending = null;
			return join(f);
		}
		return segmenter.encode(planes.plane(plane));
	}

	/** Starts encoding {@code plane} in the background, unless disabled, 0, or another prefetch is still running. */
	public void prefetch(int plane) {
		if (executor == null || plane < 1 || plane > planes.planeCount()) return;
		if (pending != null && (pendingPlane == plane || !pending.isDone())) return;
		pendingPlane = plane;
		pending = executor.submit(() -> segmenter.encode(planes.plane(plane)));
	}

	private static ImageEmbedding join(Future<ImageEmbedding> f) {
		try {
			return f.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.util.concurrent.CancellationException("Interrupted while waiting for an embedding");
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			if (e.getCause() instanceof Error) throw (Error) e.getCause();
			throw new IllegalStateException(e.getCause());
		}
	}

	/**
	 * Waits for a running prefetch and stops the thread. A failure of a prefetch nobody asked for is not thrown
	 * here: the plane was not needed, and a plane that is needed is encoded (and fails) in {@link #get}.
	 */
	@Override
	public void close() {
		if (executor == null) return;
		executor.shutdown();
		if (pending != null) {
			try {
				pending.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException e) {
				// see the method comment: an unneeded plane's failure has no one to report to
			}
		}
	}
}
