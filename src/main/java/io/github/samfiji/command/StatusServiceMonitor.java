package io.github.samfiji.command;

import io.github.samfiji.engine.task.TaskMonitor;

import java.util.function.BooleanSupplier;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/** Reports engine progress to SciJava's status service (and warnings to the log); cancelled when the command is. */
final class StatusServiceMonitor implements TaskMonitor {

	private final StatusService status;
	private final LogService log;
	private final BooleanSupplier cancelled;

	/** @param log receives warnings */
	StatusServiceMonitor(StatusService status, LogService log, BooleanSupplier cancelled) {
		this.status = status;
		this.log = log;
		this.cancelled = cancelled;
	}

	@Override
	public void progress(String message, long done, long total) {
		if (total > 0) status.showStatus((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total,
			Integer.MAX_VALUE), "SAM: " + message);
		else status.showStatus("SAM: " + message);
	}

	@Override
	public void warn(String message) {
		log.warn("Segment Anything: " + message);
	}

	@Override
	public boolean isCancelled() { return cancelled.getAsBoolean(); }
}
