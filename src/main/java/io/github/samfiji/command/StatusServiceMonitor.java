package io.github.samfiji.command;

import io.github.samfiji.engine.TaskMonitor;

import java.util.function.BooleanSupplier;

import org.scijava.app.StatusService;

/** Reports engine progress to SciJava's status service; cancelled when the command is. */
final class StatusServiceMonitor implements TaskMonitor {

	private final StatusService status;
	private final BooleanSupplier cancelled;

	StatusServiceMonitor(StatusService status, BooleanSupplier cancelled) {
		this.status = status;
		this.cancelled = cancelled;
	}

	@Override
	public void progress(String message, long done, long total) {
		if (total > 0) status.showStatus((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total,
			Integer.MAX_VALUE), "SAM: " + message);
		else status.showStatus("SAM: " + message);
	}

	@Override
	public boolean isCancelled() { return cancelled.getAsBoolean(); }
}
