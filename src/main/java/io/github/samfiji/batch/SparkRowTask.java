package io.github.samfiji.batch;

import io.github.samfiji.engine.task.TaskMonitor;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;

/**
 * The Spark task of one row: runs {@link ImageTask} in the executor, its staging folder named after the task attempt,
 * cancelled when Spark kills the attempt (a speculative copy that lost, a cancelled job); counts finished and failed
 * rows for the driver's progress line. Serializable (Spark ships it to the executors).
 */
final class SparkRowTask implements Function<BatchRow, RowOutcome> {

	private static final long serialVersionUID = 1L;

	private final BatchJob job;
	private final int tasksPerExecutor;
	private final LongAccumulator done;
	private final LongAccumulator failed;

	SparkRowTask(BatchJob job, int tasksPerExecutor, LongAccumulator done, LongAccumulator failed) {
		this.job = job;
		this.tasksPerExecutor = tasksPerExecutor;
		this.done = done;
		this.failed = failed;
	}

	@Override
	public RowOutcome call(BatchRow row) {
		TaskContext task = TaskContext.get();
		String attempt = "stage" + task.stageId() + "-task" + task.taskAttemptId();
		RowOutcome outcome = ImageTask.run(job, row, attempt, monitor(task, row), tasksPerExecutor);
		done.add(1);
		if (outcome.status() == RowOutcome.Status.FAILED) failed.add(1);
		return outcome;
	}

	/** Cancelled when Spark interrupts the attempt; warnings go to the executor's log (stderr). */
	private static TaskMonitor monitor(TaskContext task, BatchRow row) {
		return new TaskMonitor() {

			@Override
			public void progress(String message, long done, long total) {}

			@Override
			public void warn(String message) {
				System.err.println("warning: " + row.name() + ": " + message);
			}

			@Override
			public boolean isCancelled() { return task.isInterrupted(); }
		};
	}
}
