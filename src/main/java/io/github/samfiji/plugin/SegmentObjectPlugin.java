package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;

import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.ij.FijiOptions;
import io.github.samfiji.ij.StatusBarMonitor;
import io.github.samfiji.ij.tool.ObjectDecoding;
import io.github.samfiji.ij.tool.ObjectMacro;
import io.github.samfiji.options.Front;
import io.github.samfiji.options.MacroOptionText;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.Option;
import io.github.samfiji.options.OptionHelp;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;
import io.github.samfiji.service.SamService;
import io.github.samfiji.service.SamServices;

import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;

/**
 * "Plugins > Segment Anything > Segment Object": segments one object from the prompts in its options
 * ({@link Operation#OBJECT}) and adds it to the image's objects (label image, ROI Manager, results table) exactly
 * as accepting it with the SAM tool does; the tool records this call for every object it accepts, so a recorded
 * macro makes the same labels again. See {@link ObjectMacro}. Left-out options take the SAM tool's model, threads,
 * device and cache directory, the current slice, and the table's defaults.
 */
public class SegmentObjectPlugin implements PlugIn {

	static final String TITLE = ObjectMacro.COMMAND;
	private static final List<Option<?>> FROM_TOOL = Arrays.asList(OptionTable.MODEL, OptionTable.THREADS,
		OptionTable.DEVICE, OptionTable.CACHE_DIRECTORY);

	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.error(TITLE, "Open an image first.");
			return;
		}
		String options = Macro.getOptions();
		SamService sam = SamServices.current();
		OptionValues values;
		try {
			OptionValues tool = sam.tools().options().values();
			if (options != null) values = OptionValues.parse(Operation.OBJECT, Front.FIJI, MacroOptionText.parse(options),
				o -> FROM_TOOL.contains(o) ? tool.text(o) : o == OptionTable.SLICE ? String.valueOf(image
					.getCurrentSlice()) : null);
			else if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
				"No display: give the prompts in the macro call, e.g. " + OptionHelp.macroExample(Operation.OBJECT));
			else if ((values = FijiOptions.dialog(TITLE, initial(tool, image))) == null) return;
			ObjectMacro.of(values); // checks the prompts before any model runs
		}
		catch (IllegalArgumentException e) {
			PluginRuns.fail(TITLE, e, options != null);
			return;
		}
		StatusBarMonitor monitor = new StatusBarMonitor(image);
		try {
			monitor.progress("segmenting one object", 0, 0);
			SegmentedObject added = ObjectDecoding.segmentAndAccept(sam.engine(), sam.tools(), image, values, monitor);
			IJ.showStatus("SAM: object " + added.id() + " (" + added.mask().area() + " pixels)");
		}
		catch (Exception | OutOfMemoryError e) {
			PluginRuns.fail(TITLE, e, options != null);
		}
		finally {
			monitor.done();
		}
	}

	/** The dialog's first values: the tool's model and engine settings, the current slice. */
	private static OptionValues initial(OptionValues tool, ImagePlus image) {
		OptionValues v = OptionValues.defaults(Operation.OBJECT).with(OptionTable.SLICE, image.getCurrentSlice());
		for (Option<?> o : FROM_TOOL)
			v = copy(tool, v, o);
		return v;
	}

	private static <T> OptionValues copy(OptionValues from, OptionValues to, Option<T> o) {
		return to.with(o, from.get(o));
	}
}
