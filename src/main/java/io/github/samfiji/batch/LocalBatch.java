package io.github.samfiji.batch;

import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs a batch in this process, one row after another, with the same code as a Spark task ({@link ImageTask}) and
 * without Spark: the model is opened once (this JVM's model pool) and ONNX Runtime uses the threads the options give
 * (all cores by default). The monitor's warnings are shown with the row's folder name; when it is cancelled (Ctrl-C)
 * the running row stops at its next plane and is not published, and rows not reached fail as "not run".
 */
public final class LocalBatch implements BatchRunner {

	private final TaskMonitor monitor;

	/** @param monitor receives warnings; the batch stops when it is cancelled */
	public LocalBatch(TaskMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public List<RowOutcome> run(BatchJob job, List<BatchRow> rows, BatchProgress progress) {
		String attempt = "local-" + UUID.randomUUID();
		List<RowOutcome> outcomes = new ArrayList<>();
		int failed = 0;
		for (BatchRow row : rows) {
			RowOutcome o = monitor.isCancelled() ? RowOutcome.failed(row, "Not run: the batch was interrupted", 0, 0, null)
				: ImageTask.run(job, row, attempt, forRow(row), 1);
			outcomes.add(o);
			if (o.status() == RowOutcome.Status.FAILED) failed++;
			progress.update(outcomes.size(), failed);
		}
		return outcomes;
	}

	/** The monitor of one row: no per-plane progress (the batch's line says how far it is), warnings named. */
	private TaskMonitor forRow(BatchRow row) {
		return new TaskMonitor() {

			@Override
			public void progress(String message, long done, long total) {}

			@Override
			public void warn(String message) {
				monitor.warn(row.name() + ": " + message);
			}

			@Override
			public boolean isCancelled() { return monitor.isCancelled(); }
		};
	}
}
