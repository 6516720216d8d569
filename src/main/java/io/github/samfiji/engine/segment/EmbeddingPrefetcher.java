package io.github.samfiji.engine.segment;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.concurrent.CancellationException;
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
	private final TaskMonitor monitor;
	private final ExecutorService executor;
	private int pendingPlane;
	private Future<ImageEmbedding> pending;

	/**
	 * @param enabled whether to encode ahead at all (see {@link #worthwhile()})
	 * @param monitor the run's monitor, warned by {@link #close()} when a look-ahead encode nobody asked for failed
	 */
	public EmbeddingPrefetcher(PromptSegmenter segmenter, PlaneSource planes, boolean enabled, TaskMonitor monitor) {
		this.segmenter = segmenter;
		this.planes = planes;
		this.monitor = monitor;
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
		return segmenter.encode(planes.plane(plane), monitor);
	}

	/** Starts encoding {@code plane} in the background, unless disabled, 0, or another prefetch is still running. */
	public void prefetch(int plane) {
		if (executor == null || plane < 1 || plane > planes.planeCount()) return;
		if (pending != null && (pendingPlane == plane || !pending.isDone())) return;
		pendingPlane = plane;
		pending = executor.submit(() -> segmenter.encode(planes.plane(plane), monitor));
	}

	private static ImageEmbedding join(Future<ImageEmbedding> f) {
		try {
			return f.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("Interrupted while waiting for an embedding");
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			if (e.getCause() instanceof Error) throw (Error) e.getCause();
			throw new IllegalStateException(e.getCause());
		}
	}

	/**
	 * Waits for a running prefetch and stops the thread. A failure of a prefetch nobody asked for is not thrown here
	 * (a plane that is needed is encoded, and fails, in {@link #get} or in the caller's own encode), but reported as
	 * a {@link TaskMonitor#warn warning} that names the plane.
	 */
	@Override
	public void close() {
		if (executor == null) return;
		executor.shutdown();
		if (pending == null) return;
		try {
			pending.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof CancellationException) return;
			monitor.warn("Encoding plane " + pendingPlane + " ahead, in the background, failed: " + (cause
				.getMessage() == null ? cause.toString() : cause.getMessage()));
		}
	}
}
