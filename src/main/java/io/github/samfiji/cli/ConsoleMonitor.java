package io.github.samfiji.cli;

import io.github.samfiji.engine.task.TaskMonitor;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Progress on stderr (one line per new message or new whole percent) and warnings; cancelled by Ctrl-C: the
 * command line's shutdown hook {@link #interruptAndWait() interrupts} the run, which stops at the next plane (or
 * seed), and waits until the finished part is written, so nothing half-written is left.
 */
class ConsoleMonitor implements TaskMonitor {

	private final PrintStream err;
	private final CountDownLatch done = new CountDownLatch(1);
	private volatile boolean interrupted;
	private String last = "";

	ConsoleMonitor(PrintStream err) {
		this.err = err;
	}

	@Override
	public synchronized void progress(String message, long done, long total) {
		String line = total > 0 ? String.format("[%3d%%] %s", 100 * done / total, message) : message;
		if (!line.equals(last)) err.println(line);
		last = line;
	}

	@Override
	public void warn(String message) {
		err.println("warning: " + message);
	}

	@Override
	public boolean isCancelled() { return interrupted; }

	/** Asks the run to stop at the next plane. */
	void interrupt() {
		interrupted = true;
		err.println("Interrupted: stopping at the next plane and writing what is finished...");
	}

	/** Interrupts and waits until the run has written its outputs (at most 10 minutes): for the shutdown hook. */
	void interruptAndWait() {
		interrupt();
		try {
			done.await(10, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The run is over and its outputs are written. */
	void finished() {
		done.countDown();
	}
}
