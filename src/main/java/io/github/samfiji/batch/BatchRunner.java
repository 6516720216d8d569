package io.github.samfiji.batch;

import java.util.List;

/** Runs the rows of a batch somewhere: in this process ({@link LocalBatch}) or on Apache Spark ({@link SparkBatch}). */
public interface BatchRunner {

	/**
	 * Runs every row (each through {@link ImageTask}); blocks until all are done.
	 *
	 * @return one outcome per row, in row order
	 * @throws BatchException when the run as a whole failed (e.g. a Spark task failed on every try); sets published
	 *           before are kept
	 */
	List<RowOutcome> run(BatchJob job, List<BatchRow> rows, BatchProgress progress) throws BatchException;

	/** A batch that failed as a whole; its message is one line. */
	final class BatchException extends Exception {

		private static final long serialVersionUID = 1L;

		public BatchException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
