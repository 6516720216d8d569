package io.github.samfiji.command;

import io.github.samfiji.options.Operation;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Propagate through Stack" for scripts and SciJava-aware hosts: follows each annotated object
 * through a stack or time-lapse and returns the label image (one label per object on all its planes). Its own
 * options are those of {@link Operation#PROPAGATE} in the option table besides the common ones of {@link
 * ImageCommand} (a test holds the fields to the table); thin: the work is {@link CommandRuns}, shared with the
 * ImageJ 1 entry and the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Propagate through Stack", headless = true)
public class PropagateObjectsCommand extends ImageCommand {

	@Parameter(label = "Prompts", choices = { "ROI Manager", "Active selection", "File" },
		description = "Where the prompts come from: rectangles are boxes, points are points (counter 0 positive, 1 negative); ROIs with the same name are one object.")
	private String prompts = "ROI Manager";

	@Parameter(label = "Prompt file", required = false,
		description = "With prompts=File (always on the command line): a CSV (object,kind,x,y,width,height,label,slice) or an ImageJ RoiSet.zip or .roi.")
	private File promptFile;

	@Parameter(label = "Axis", choices = { "z", "t" },
		description = "Propagate along slices (z) or frames (t).")
	private String axis = "z";

	@Parameter(label = "Propagation prompt", choices = { "box", "box+mask", "box+point", "point" },
		description = "What the previous plane's mask becomes on the next plane.")
	private String propagationPrompt = "box";

	@Parameter(label = "Box margin", min = "0", max = "10",
		description = "Added on each side of the previous plane's box, as a fraction of its width (height); at least 1 pixel.")
	private double boxMargin = 0.1;

	@Parameter(label = "Minimum predicted IoU", min = "0", max = "1",
		description = "An object ends where the model's predicted IoU falls below this.")
	private double minIou = 0.5;

	@Parameter(label = "Maximum area change", min = "1", max = "1000000",
		description = "An object ends where its area changes by more than this factor between planes.")
	private double maxAreaChange = 1.25;

	@Parameter(label = "Minimum IoU with the previous plane", min = "0", max = "1",
		description = "An object ends where its mask overlaps the previous plane's less than this (IoU; 0 disables the rule).")
	private double minStepIou = 0.5;

	@Parameter(label = "Candidate", choices = { "model", "consistent" },
		description = "Which candidate continues an object on the next plane: the one the multimask choice keeps, or the one most consistent with the previous plane's mask (highest IoU).")
	private String candidate = "model";

	@Parameter(label = "Maximum planes", min = "0",
		description = "Planes an object is followed from each annotated plane in each direction at most; 0 for no limit.")
	private int maxPlanes = 0;

	@Parameter(label = "Multimask", choices = { "best", "single", "smallest", "largest" },
		description = "Which candidate mask a one-point prompt keeps: the best predicted IoU, the single-mask output, the smallest or the largest candidate, or every candidate as its own object.")
	private String multimask = "best";

	@Parameter(label = "Box multimask", choices = { "single", "best", "smallest", "largest" },
		description = "Which candidate mask a box or several points keep: the single-mask output (SAM's choice for such prompts), the best predicted IoU, the smallest, the largest, or every candidate.")
	private String boxMultimask = "best";

	@Parameter(label = "Encoding", choices = { "auto", "whole", "crop", "tiles" },
		description = "What the encoder sees of planes larger than the model input: the whole plane (shrunk), crops around the prompts, overlapping tiles at native resolution, or an automatic choice.")
	private String encoding = "auto";

	@Parameter(label = "Crop margin", min = "0", max = "16384",
		description = "Context kept around the prompts in a crop, in pixels.")
	private int cropMargin = 128;

	@Override
	public void run() {
		run(Operation.PROPAGATE, null);
	}
}
