package io.github.samfiji.engine.task;

/**
 * Reports progress of a run over planes with the estimated time left, e.g. "Plane 12 of 200 (2:31 left)", to a
 * {@link TaskMonitor}. The estimate is the mean time per finished unit times the units left; it appears once a
 * unit is done. Not thread-safe: report from the thread that does the work.
 */
public final class ProgressClock {

	private final TaskMonitor monitor;
	private final long total;
	private final long start = System.nanoTime();

	/** @param total units in all (an upper bound when the exact count is unknown in advance) */
	public ProgressClock(TaskMonitor monitor, long total) {
		this.monitor = monitor;
		this.total = total;
	}

	/** Reports {@code message} with {@code done} of the total units finished and the time left. */
	public void report(String message, long done) {
		monitor.progress(message + eta(done), Math.min(done, total), total);
	}

	private String eta(long done) {
		if (done <= 0 || done >= total) return "";
		double perUnit = (System.nanoTime() - start) / 1e9 / done;
		return " (" + format(Math.round(perUnit * (total - done))) + " left)";
	}

	/** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour. */
	public static String format(long seconds) {
		long h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
		return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
	}
}
