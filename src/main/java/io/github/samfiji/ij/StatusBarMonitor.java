package io.github.samfiji.ij;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.task.TaskMonitor;

/**
 * Shows progress in the ImageJ status bar and progress bar. Cancels when the user presses Esc, or when the image
 * being processed is closed.
 */
public final class StatusBarMonitor implements TaskMonitor {

	private final ImagePlus image;

	/** @param image the image being processed, or {@code null} */
	public StatusBarMonitor(ImagePlus image) {
		this.image = image;
		IJ.resetEscape();
	}

	@Override
	public void progress(String message, long done, long total) {
		IJ.showStatus("SAM: " + message);
		if (total > 0) IJ.showProgress((double) done / total);
	}

	/** Warnings go to the ImageJ log. */
	@Override
	public void warn(String message) {
		IJ.log("Segment Anything: warning: " + message);
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed() || image != null && image.getWindow() == null && image.getProcessor() == null;
	}

	/** Clears the progress bar. */
	public void done() {
		IJ.showProgress(1.0);
	}
}
