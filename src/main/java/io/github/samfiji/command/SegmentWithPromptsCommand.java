package io.github.samfiji.command;

import io.github.samfiji.options.Operation;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Segment with Prompts" for scripts and SciJava-aware hosts: segments the objects prompted by
 * ROIs or a prompt file and returns the label image (and optionally shows ROIs and a table, and writes files).
 * Its own options are those of {@link Operation#SEGMENT} in the option table besides the common ones of {@link
 * ImageCommand} (a test holds the fields to the table); thin: the work is {@link CommandRuns}, shared with the
 * ImageJ 1 entry and the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Segment with Prompts", headless = true)
public class SegmentWithPromptsCommand extends ImageCommand {

	@Parameter(label = "Prompts", choices = { "ROI Manager", "Active selection", "File" },
		description = "Where the prompts come from: rectangles are boxes, points are points (counter 0 positive, 1 negative); ROIs with the same name are one object.")
	private String prompts = "ROI Manager";

	@Parameter(label = "Prompt file", required = false,
		description = "With prompts=File (always on the command line): a CSV (object,kind,x,y,width,height,label,slice) or an ImageJ RoiSet.zip or .roi.")
	private File promptFile;

	@Parameter(label = "Every plane",
		description = "Apply prompts without a stack position to every plane, as one object.")
	private boolean everyPlane = false;

	@Parameter(label = "Multimask", choices = { "best", "single", "smallest", "largest", "all" },
		description = "Which candidate mask a one-point prompt keeps: the best predicted IoU, the single-mask output, the smallest or the largest candidate, or every candidate as its own object.")
	private String multimask = "best";

	@Parameter(label = "Box multimask", choices = { "single", "best", "smallest", "largest", "all" },
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
		run(Operation.SEGMENT, null);
	}
}
