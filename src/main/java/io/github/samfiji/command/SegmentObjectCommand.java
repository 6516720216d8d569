package io.github.samfiji.command;

import io.github.samfiji.ij.tool.ObjectDecoding;
import io.github.samfiji.options.Operation;
import io.github.samfiji.service.SamService;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Segment Object": one object from prompts given as text, added to the image's objects exactly as
 * accepting it with the SAM tool adds it (ROI Manager, label image, results table); returns the label image of all
 * objects made so far on the image. Its own options are those of {@link Operation#OBJECT} besides the common ones of
 * {@link SamCommand}; thin: the work is {@link ObjectDecoding#segmentAndAccept}, shared with the ImageJ 1 entry that
 * the tool records.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Segment Object", headless = true)
public class SegmentObjectCommand extends SamCommand {

	@Parameter(label = "Slice", min = "1",
		description = "The 1-based stack index the prompts are on (the current slice when left out).")
	private int slice = 1;

	@Parameter(label = "Prompts",
		description = "In order, each refining the previous mask: +x,y (object point), -x,y (background point), box:x,y,width,height; #k after a prompt picks the k-th best candidate.")
	private String prompts = "";

	@Parameter(label = "Channel",
		description = "all (every plane on its own), one channel (e.g. 2) or up to three as RGB (e.g. 1,2,3); with a choice the label image of a batch run has no channel axis.")
	private String channel = "all";

	@Parameter(label = "Multimask", choices = { "best", "single", "smallest", "largest" },
		description = "Which candidate mask a one-point prompt keeps: the best predicted IoU, the single-mask output, the smallest or the largest candidate, or every candidate as its own object.")
	private String multimask = "best";

	@Parameter(label = "Box multimask", choices = { "single", "best", "smallest", "largest" },
		description = "Which candidate mask a box or several points keep: the single-mask output (SAM's choice for such prompts), the best predicted IoU, the smallest, the largest, or every candidate.")
	private String boxMultimask = "single";

	@Parameter(label = "Encoding", choices = { "auto", "whole", "crop", "tiles" },
		description = "What the encoder sees of planes larger than the model input: the whole plane (shrunk), crops around the prompts, overlapping tiles at native resolution, or an automatic choice.")
	private String encoding = "whole";

	@Parameter(label = "Crop margin", min = "0", max = "16384",
		description = "Context kept around the prompts in a crop, in pixels.")
	private int cropMargin = 128;

	@Parameter
	private SamService sam;

	@Override
	public void run() {
		try {
			ObjectDecoding.segmentAndAccept(sam.engine(), sam.tools(), image, CommandRuns.read(this, Operation.OBJECT),
				CommandRuns.monitor(this));
			labels = sam.tools().accepted(image).outputs().labels();
		}
		catch (Exception | OutOfMemoryError e) {
			CommandRuns.fail(this, Operation.OBJECT.title(), e);
		}
	}
}
