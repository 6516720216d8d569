package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.options.Operation;

import java.io.File;

import org.scijava.plugin.Parameter;

/**
 * A command that runs an operation on a whole image ({@link CommandRuns}) and takes, besides the common options, the
 * channel choice and the outputs: shown, and written to a directory.
 */
public abstract class ImageCommand extends SamCommand {

	@Parameter(label = "Channel",
		description = "all (every plane on its own), one channel (e.g. 2) or up to three as RGB (e.g. 1,2,3); with a choice the label image of a batch run has no channel axis.")
	private String channel = "all";

	@Parameter(label = "Show outputs",
		description = "Add ROIs to the ROI Manager and show the results table (the label image or scores are the outputs).")
	private boolean show = true;

	@Parameter(label = "Output directory", required = false, style = "directory",
		description = "If set (always on the command line), labels.tif, RoiSet.zip, results.csv and overlay.png are written here, as one set.")
	private File outputDirectory;

	/** Runs {@code operation}; the label image becomes the output (none when the run failed: it is cancelled). */
	protected void run(Operation operation, ImagePlus refineLabels) {
		labels = CommandRuns.run(this, operation, image, refineLabels);
	}
}
