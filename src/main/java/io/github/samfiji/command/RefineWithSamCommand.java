package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.options.Operation;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Refine with SAM" for scripts and SciJava-aware hosts: each object of a label image (StarDist,
 * Cellpose, a threshold...) becomes a box prompt, and the SAM masks come back as a label image with the same
 * values. Its own options are those of {@link Operation#REFINE} in the option table besides the common ones of
 * {@link ImageCommand} (a test holds the fields to the table); thin: the work is {@link CommandRuns}, shared
 * with the ImageJ 1 entry and the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Refine with SAM", headless = true)
public class RefineWithSamCommand extends ImageCommand {

	@Parameter(label = "Label image", description = "Same size and slices as the image; one whole-number value per object, 0 = background.")
	private ImagePlus labelImage;

	@Parameter(label = "Add interior point",
		description = "Also prompt with each object's pixel nearest its centroid.")
	private boolean addPoint = false;

	@Parameter(label = "Box multimask", choices = { "single", "best", "smallest", "largest" },
		description = "Which candidate mask a box or several points keep: the single-mask output (SAM's choice for such prompts), the best predicted IoU, the smallest, the largest, or every candidate.")
	private String boxMultimask = "single";

	@Parameter(label = "Encoding", choices = { "auto", "whole", "crop", "tiles" },
		description = "What the encoder sees of planes larger than the model input: the whole plane (shrunk), crops around the prompts, overlapping tiles at native resolution, or an automatic choice.")
	private String encoding = "auto";

	@Parameter(label = "Crop margin", min = "0", max = "16384",
		description = "Context kept around the prompts in a crop, in pixels.")
	private int cropMargin = 128;

	@Override
	public void run() {
		run(Operation.REFINE, labelImage);
	}
}
