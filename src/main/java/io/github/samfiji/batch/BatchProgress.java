package io.github.samfiji.batch;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line of a batch on the console: rows done (of which failed), remaining, elapsed time and an estimate
 * of the time left from the rate so far, e.g. {@code Batch: 12/40 done (1 failed), 28 remaining, 0:35 elapsed, about
 * 1:22 left}. A line is printed when the counts change, at most one a second besides the last. Thread-safe.
 */
public final class BatchProgress {

	private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

	private final PrintStream out;
	private final int total;
	private final long start = System.nanoTime();
	private long printed = start - MIN_INTERVAL_NANOS;
	private long lastDone = -1, lastFailed = -1;

	/** @param total the number of rows */
	public BatchProgress(PrintStream out, int total) {
		this.out = out;
		this.total = total;
	}

	/** Reports the counts so far: rows finished (ok, skipped or failed) and of them failed. */
	public synchronized void update(long done, long failed) {
		long now = System.nanoTime();
		if (done == lastDone && failed == lastFailed) return;
		if (done < total && now - printed < MIN_INTERVAL_NANOS) return;
		printed = now;
		lastDone = done;
		lastFailed = failed;
		out.println(line(done, failed, total, (now - start) / 1e9));
	}

	/** The progress line for these counts after {@code seconds}. */
	static String line(long done, long failed, int total, double seconds) {
		long remaining = total - done;
		String eta = done == 0 || remaining == 0 ? "" : ", about " + clock(seconds / done * remaining) + " left";
		return "Batch: " + done + "/" + total + " done" + (failed > 0 ? " (" + failed + " failed)" : "") + ", " +
			remaining + " remaining, " + clock(seconds) + " elapsed" + eta;
	}

	/** Seconds as m:ss, or h:mm:ss from an hour. */
	static String clock(double seconds) {
		long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format(
			Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
