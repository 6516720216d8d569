package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;

import io.github.samfiji.engine.model.ModelNotInstalledException;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.ij.OutputDisplay;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.ij.StatusBarMonitor;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the ImageJ 1 entries share around their one engine call: status-bar progress and Esc cancellation, writing
 * and showing the outputs, and errors shown as ImageJ messages that also abort a running macro.
 */
final class PluginRuns {

	private PluginRuns() {}

	/** One segmentation job, given the monitor to report to. */
	interface Job {

		SegmentationOutputs run(StatusBarMonitor monitor) throws IOException;
	}

	/** The outputs the user asked for. */
	static final class Outputs {

		final Path directory;
		final boolean labelImage, addToManager, resultsTable;

		Outputs(Path directory, boolean labelImage, boolean addToManager, boolean resultsTable) {
			this.directory = directory;
			this.labelImage = labelImage;
			this.addToManager = addToManager;
			this.resultsTable = resultsTable;
		}
	}

	static void run(String title, ImagePlus image, Outputs outputs, boolean fromMacro, Job job) {
		StatusBarMonitor monitor = new StatusBarMonitor(image);
		try {
			SegmentationOutputs result = job.run(monitor);
			for (String note : result.result().notes())
				IJ.log(title + ": " + note);
			for (String note : result.notes())
				IJ.log(title + ": " + note);
			if (outputs.directory != null) OutputWriter.write(result, image, outputs.directory);
			OutputDisplay.show(result, outputs.labelImage, outputs.addToManager, outputs.resultsTable);
			reportEarlyStop(result);
		}
		catch (IOException | RuntimeException e) {
			fail(title, e, fromMacro);
		}
		finally {
			monitor.done();
		}
	}

	/**
	 * Shows the object count in the status bar, saying when the run stopped early (the outputs hold what was
	 * finished; their first note, which the caller logs, says why and what to do); the error that stopped it goes to
	 * the exception log.
	 */
	static void reportEarlyStop(SegmentationOutputs outputs) {
		SegmentationResult result = outputs.result();
		if (outputs.failure() != null) IJ.handleException(outputs.failure());
		IJ.showStatus("SAM: " + result.objects().size() + " object(s)" + (result.isComplete() ? ""
			: " (stopped early: only the finished objects are kept)"));
	}

	/**
	 * Shows the error; unexpected ones also go to the exception log. Aborts a running macro. A model that is not
	 * installed is answered, outside macros, with the model catalogue to download from ({@link ModelMissingDialog}).
	 */
	static void fail(String title, Exception e, boolean fromMacro) {
		if (e instanceof ModelNotInstalledException && !fromMacro && !java.awt.GraphicsEnvironment.isHeadless()) {
			ModelMissingDialog.show(title, (ModelNotInstalledException) e);
			return;
		}
		IJ.error(title, e.getMessage() == null ? e.toString() : e.getMessage());
		if (!(e instanceof IllegalArgumentException) && !(e instanceof IOException)) IJ.handleException(e);
		if (fromMacro) Macro.abort();
	}
}
