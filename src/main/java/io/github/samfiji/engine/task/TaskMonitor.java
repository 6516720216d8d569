package io.github.samfiji.engine.task;

import java.util.concurrent.CancellationException;

/**
 * Receives progress from long operations and tells them when to stop. Implementations adapt it to the ImageJ
 * status bar, a SciJava task or a console. Methods may be called from any thread.
 */
public interface TaskMonitor {

	/** A monitor that shows nothing and never cancels. */
	TaskMonitor NONE = new TaskMonitor() {

		@Override
		public void progress(String message, long done, long total) {}

		@Override
		public boolean isCancelled() { return false; }
	};

	/**
	 * @param message what is being done, e.g. "Encoding slice 3"
	 * @param done units finished so far
	 * @param total units in all (0 when unknown)
	 */
	void progress(String message, long done, long total);

	/**
	 * Reports a problem that does not stop the run (a blank plane, an object that ends at once); the default
	 * shows it as progress. Adapters log it (ImageJ log, stderr).
	 */
	default void warn(String message) {
		progress("Warning: " + message, 0, 0);
	}

	/** Whether the user asked to stop; operations check it between planes and between objects. */
	boolean isCancelled();

	/** @throws CancellationException when {@link #isCancelled()} */
	default void checkCancelled() {
		if (isCancelled()) throw new CancellationException("Cancelled by the user");
	}
}
