package io.github.samfiji.engine.onnx;

import io.github.samfiji.engine.task.TaskMonitor;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run options for one onnxruntime call that a {@link TaskMonitor} can stop while it runs: a shared daemon thread
 * polls the monitor every {@value #POLL_MS} ms and sets the run's terminate flag, so a long encoder run (seconds for
 * large models) ends soon after the user cancels, e.g. by closing the image. Close it after the call (it stops
 * polling before the native options are released).
 */
final class CancellableRun implements AutoCloseable {

	static final long POLL_MS = 50;
	private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "SAM cancellation poller");
		t.setDaemon(true);
		return t;
	});

	private final OrtSession.RunOptions options;
	private final ScheduledFuture<?> polling;
	private boolean closed;

	CancellableRun(TaskMonitor monitor) throws OrtException {
		this.options = new OrtSession.RunOptions();
		this.polling = POLLER.scheduleWithFixedDelay(() -> terminateIfCancelled(monitor), POLL_MS, POLL_MS,
			TimeUnit.MILLISECONDS);
	}

	OrtSession.RunOptions options() { return options; }

	private synchronized void terminateIfCancelled(TaskMonitor monitor) {
		if (closed || !monitor.isCancelled()) return;
		try {
			options.setTerminate(true);
		}
		catch (OrtException e) {
			throw new IllegalStateException("Could not stop the model run", e);
		}
	}

	@Override
	public synchronized void close() {
		closed = true;
		polling.cancel(false);
		options.close();
	}
}
