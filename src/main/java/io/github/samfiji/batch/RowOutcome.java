package io.github.samfiji.batch;

import java.io.Serializable;
import java.util.Locale;

/**
 * How one row of a batch went: a line of {@code status.csv}. Immutable and serializable (Spark tasks return it).
 */
public final class RowOutcome implements Serializable {

	private static final long serialVersionUID = 1L;

	/** A row's status. */
	public enum Status {
		/** Run now; its set is published. */
		OK,
		/** Not run: its folder holds a complete set of the same work. */
		SKIPPED,
		/** Not published (bad input, a run that failed or stopped early, not reached); a rerun tries it again. */
		FAILED;

		/** The word in {@code status.csv}: ok, skipped, failed. */
		public String word() { return name().toLowerCase(Locale.ROOT); }
	}

	private final BatchRow row;
	private final Status status;
	private final String message;
	private final int objects;
	private final long encoderRuns;
	private final double seconds;
	private final String fault;

	RowOutcome(BatchRow row, Status status, String message, int objects, long encoderRuns, double seconds) {
		this(row, status, message, objects, encoderRuns, seconds, null);
	}

	private RowOutcome(BatchRow row, Status status, String message, int objects, long encoderRuns, double seconds,
		String fault)
	{
		this.row = row;
		this.status = status;
		this.message = message == null ? "" : message;
		this.objects = objects;
		this.encoderRuns = encoderRuns;
		this.seconds = seconds;
		this.fault = fault;
	}

	/**
	 * A failed row with its one-line message.
	 *
	 * @param fault the stack trace of an unexpected error, for the log of the machine that reports the batch; or
	 *          {@code null}
	 */
	static RowOutcome failed(BatchRow row, String message, long encoderRuns, double seconds, String fault) {
		return new RowOutcome(row, Status.FAILED, message, 0, encoderRuns, seconds, fault);
	}

	public BatchRow row() { return row; }

	public Status status() { return status; }

	/** Why a row failed (one line), or what to know about it; empty when there is nothing to say. */
	public String message() { return message; }

	/** The objects of its set (also of a skipped row's set). */
	public int objects() { return objects; }

	/** Encoder runs of this attempt (0 for a skipped row). */
	public long encoderRuns() { return encoderRuns; }

	/** Seconds this attempt took, from reading the inputs to publishing. */
	public double seconds() { return seconds; }

	/** The stack trace of an unexpected error (a fault, not bad input), for a log; {@code null} for other rows. */
	public String fault() { return fault; }

	@Override
	public String toString() {
		return row + ": " + status.word() + (message.isEmpty() ? "" : " (" + message + ")");
	}
}
