package io.github.samfiji.command;

import io.github.samfiji.options.Operation;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Segment Everything" for scripts and SciJava-aware hosts: automatic segmentation of every
 * plane (or the current one) of an image. Its own options are those of {@link Operation#EVERYTHING} in the
 * option table besides the common ones of {@link ImageCommand} (a test holds the fields to the table); thin: the
 * work is {@link CommandRuns}, shared with the ImageJ 1 entry and the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Segment Everything", headless = true)
public class SegmentEverythingCommand extends ImageCommand {

	@Parameter(label = "Slices", choices = { "all", "current" },
		description = "Segment every plane of a stack, or only the current one.")
	private String slices = "all";

	@Parameter(label = "Method", choices = { "adaptive", "grid" },
		description = "adaptive: prompts from a classical detector (seeds, boxes), refined where masks and prompts disagree, plus a coarse grid and uncovered foreground; grid: SAM's automatic mask generator (a point grid, SAM's parameters below).")
	private String method = "adaptive";

	@Parameter(label = "Seed prompt", choices = { "box+point", "box", "point" },
		description = "Adaptive: what prompts each detected object: its box and a point at its centre, its box, or the point.")
	private String seedPrompt = "box+point";

	@Parameter(label = "Refine below", min = "0", max = "1",
		description = "Adaptive: a mask is decoded again with its own box when that box's IoU with its prompt's box is below this (0: never, 1: always).")
	private double refineBelow = 0.9;

	@Parameter(label = "Coverage", choices = { "on", "off" },
		description = "Adaptive: prompt the foreground that no kept mask covers once more.")
	private String coverage = "on";

	@Parameter(label = "Coarse grid", min = "0", max = "64",
		description = "Adaptive: points per side of a grid for what the detector misses (0: none).")
	private int coarseGrid = 8;

	@Parameter(label = "Seed stability threshold", min = "0", max = "1",
		description = "Adaptive: keep masks whose stability score is at least this (the grid method uses stability_score_thresh).")
	private double seedStabilityThresh = 0.9;

	@Parameter(label = "Maximum object fraction", min = "0.001", max = "1",
		description = "Adaptive: masks larger than this fraction of the plane (or of the selection) are background.")
	private double maxObjectFraction = 0.5;

	@Parameter(label = "Minimum area", min = "0",
		description = "Adaptive: objects smaller than this many pixels are dropped.")
	private int minArea = 10;

	@Parameter(label = "Maximum area", min = "0",
		description = "Adaptive: objects larger than this many pixels are dropped (0: no limit).")
	private int maxArea = 0;

	@Parameter(label = "Overlap limit", min = "0", max = "1",
		description = "Adaptive: a mask with more than this fraction of its pixels in objects already kept is dropped.")
	private double overlapLimit = 0.5;

	@Parameter(label = "Polarity", choices = { "auto", "bright", "dark" },
		description = "Adaptive: whether objects are brighter or darker than the background, or decided per plane.")
	private String polarity = "auto";

	@Parameter(label = "Local contrast", choices = { "on", "off" },
		description = "Adaptive: the detector also thresholds against local surroundings (unevenly lit planes).")
	private String localContrast = "on";

	@Parameter(label = "Enclosing masks", choices = { "drop", "keep" },
		description = "Adaptive: drop or keep a mask that encloses objects already kept (clumps).")
	private String enclosing = "drop";

	@Parameter(label = "Decoders", min = "0", max = "64",
		description = "Adaptive: decoder sessions working in parallel, one thread each (0: one session with all threads; results are the same).")
	private int decoders = 0;

	@Parameter(label = "Inside selection",
		description = "Adaptive: segment only inside the image's area selection (its objects clipped to it).")
	private boolean insideSelection = false;

	@Parameter(label = "Seed labels", required = false,
		description = "Adaptive: take the seeds from this label image (e.g. another tool's objects) instead of the detector.")
	private File seedLabels;

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

	@Parameter(label = "Candidates per point", min = "1", max = "3",
		description = "Candidate masks of each grid point kept before the filters (more finds more objects; the decoder runs are the same).")
	private int candidatesPerPoint = 3;

	@Parameter(label = "Encoding", choices = { "auto", "whole", "tiles" },
		description = "What the encoder sees of planes larger than the model input: the whole plane (shrunk), crops around the prompts, overlapping tiles at native resolution, or an automatic choice.")
	private String encoding = "auto";

	@Override
	public void run() {
		run(Operation.EVERYTHING, null);
	}
}
