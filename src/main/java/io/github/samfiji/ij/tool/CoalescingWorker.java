package io.github.samfiji.ij.tool;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one job on one background thread whenever it is {@linkplain #request() requested}, coalescing requests: at
 * most one run is in progress and at most one is waiting, however often {@link #request()} is called. The job reads
 * the latest state when it starts, so the latest request always wins and clicks never queue up behind a slow model
 * run. The job must handle its own exceptions.
 */
final class CoalescingWorker implements AutoCloseable {

	private final Runnable job;
	private final ExecutorService thread;
	private final AtomicBoolean waiting = new AtomicBoolean();
	private final AtomicBoolean closed = new AtomicBoolean();

	/** @param name the thread's name (shown in thread dumps) */
	CoalescingWorker(String name, Runnable job) {
		this.job = job;
		this.thread = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
	}

	/** Makes sure the job runs (again) after this call; never blocks. Ignored after {@link #close()}. */
	void request() {
		if (closed.get() || !waiting.compareAndSet(false, true)) return;
		try {
			thread.execute(() -> {
				waiting.set(false);
				if (!closed.get()) job.run();
			});
		}
		catch (RejectedExecutionException e) {
			waiting.set(false); // closed meanwhile
		}
	}

	/**
	 * Blocks until no run is in progress or waiting (for tests and for commands that need the result).
	 *
	 * @throws TimeoutException when the job is still busy after {@code timeoutMillis}
	 */
	void awaitIdle(long timeoutMillis) throws InterruptedException, TimeoutException {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (true) {
			Future<?> barrier;
			try {
				barrier = thread.submit(() -> {});
			}
			catch (RejectedExecutionException e) {
				thread.awaitTermination(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
				return;
			}
			try {
				barrier.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException e) {
				throw new IllegalStateException(e);
			}
			if (!waiting.get()) return;
		}
	}

	/** Whether a run is waiting to start. */
	boolean isWaiting() { return waiting.get(); }

	/** Whether {@link #close()} was called; a long job checks it to stop early. */
	boolean isClosed() { return closed.get(); }

	/** Stops accepting requests; a run in progress finishes, a waiting one is dropped. Does not block. */
	@Override
	public void close() {
		closed.set(true);
		thread.shutdown();
	}
}
