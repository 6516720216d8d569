package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.ij.SamOptions;
import io.github.samfiji.ij.StatusBarMonitor;
import io.github.samfiji.ij.tool.ObjectDecoding;
import io.github.samfiji.ij.tool.ObjectMacro;

import java.awt.GraphicsEnvironment;
import java.io.IOException;

/**
 * "Plugins > Segment Anything > Segment Object": segments one object from the prompts in its options and adds it
 * to the image's objects (label image, ROI Manager, results table) exactly as accepting it with the SAM tool does;
 * the tool records this call for every object it accepts, so a recorded macro makes the same labels again. See
 * {@link ObjectMacro} for the options.
 */
public class SegmentObjectPlugin implements PlugIn {

	static final String TITLE = ObjectMacro.COMMAND;

	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.error(TITLE, "Open an image first.");
			return;
		}
		String options = Macro.getOptions();
		SamOptions defaults = SamOptions.load();
		ObjectMacro macro;
		try {
			if (options != null) macro = ObjectMacro.parse(options, defaults.model, image.getCurrentSlice());
			else if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
				"No display: give the prompts in the macro call, e.g. prompts=[box:100,60,40,35 +120,80 -131,90]");
			else if ((macro = dialog(image, defaults)) == null) return;
		}
		catch (IllegalArgumentException e) {
			IJ.error(TITLE, e.getMessage());
			if (options != null) Macro.abort();
			return;
		}
		StatusBarMonitor monitor = new StatusBarMonitor(image);
		try {
			monitor.progress("segmenting one object", 0, 0);
			SegmentedObject added = ObjectDecoding.segmentAndAccept(image, macro, defaults.engineOptions());
			IJ.showStatus("SAM: object " + added.id() + " (" + added.mask().area() + " pixels)");
		}
		catch (IOException | RuntimeException e) {
			IJ.error(TITLE, e.getMessage() == null ? e.toString() : e.getMessage());
			if (!(e instanceof IllegalArgumentException) && !(e instanceof IOException)) IJ.handleException(e);
			if (options != null) Macro.abort();
		}
		finally {
			monitor.done();
		}
	}

	/** The prompts typed in a dialog (recorded as macro options); {@code null} when cancelled. */
	private static ObjectMacro dialog(ImagePlus image, SamOptions defaults) {
		GenericDialog gd = new GenericDialog(TITLE);
		gd.addStringField("Model", defaults.model, 20);
		gd.addStringField("Intensity", defaults.intensity.toString(), 20);
		gd.addChoice("Multimask", new String[] { "best", "single" }, defaults.multimask.name().toLowerCase(
			java.util.Locale.ROOT));
		gd.addChoice("Encoding", new String[] { "whole", "auto", "crop", "tiles" }, defaults.encoding.mode().key());
		gd.addNumericField("Slice", image.getCurrentSlice(), 0);
		gd.addStringField("Prompts", "", 40);
		gd.addMessage("Prompts, in order, separated by spaces: box:x,y,width,height, +x,y (object), -x,y\n" +
			"(background); #k after a prompt picks the k-th best candidate, e.g. box:100,60,40,35 +120,80 -131,90");
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		String options = "model=[" + gd.getNextString().trim() + "] intensity=" + gd.getNextString().trim() +
			" multimask=" + gd.getNextChoice() + " " + defaults.encoding.withMode(EncodingMode.parse(gd.getNextChoice())) +
			" slice=" + (int) gd.getNextNumber() + " prompts=[" + gd.getNextString().trim() + "]";
		return ObjectMacro.parse(options, defaults.model, image.getCurrentSlice());
	}
}
