package io.github.samfiji.plugin;

import static io.github.samfiji.options.OptionTable.ADD_TO_MANAGER;
import static io.github.samfiji.options.OptionTable.LABEL_IMAGE;
import static io.github.samfiji.options.OptionTable.OUTPUT_DIRECTORY;
import static io.github.samfiji.options.OptionTable.RESULTS_TABLE;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;

import io.github.samfiji.engine.model.ModelNotInstalledException;
import io.github.samfiji.ij.FijiOptions;
import io.github.samfiji.ij.ImageRequests;
import io.github.samfiji.ij.OutputDisplay;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.SamOptions;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.ij.StatusBarMonitor;
import io.github.samfiji.options.ErrorMessages;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.Option;
import io.github.samfiji.options.OptionHelp;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;
import io.github.samfiji.service.SamServices;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every ImageJ 1 entry does around its one engine call, so that they all behave alike: options from the macro
 * call (every key checked against the option table) or from the dialog (recorded by the Macro Recorder), the run
 * on the {@code SamService}'s engine with status-bar progress and Esc, the notes in the Log window, the outputs
 * written and shown as asked, and one error line in a dialog (a stack trace only for a fault, in the Log window)
 * that also aborts a running macro.
 */
final class PluginRuns {

	private PluginRuns() {}

	/** Runs {@code operation} on the current image. */
	static void run(Operation operation) {
		String title = operation.title();
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.error(title, "Open an image first.");
			return;
		}
		String macro = Macro.getOptions();
		OptionValues values;
		try {
			values = macro != null ? FijiOptions.fromMacro(operation, macro) : dialog(operation, image);
		}
		catch (RuntimeException e) {
			fail(title, e, macro != null);
			return;
		}
		if (values != null) run(title, image, values, macro != null);
	}

	private static OptionValues dialog(Operation operation, ImagePlus image) {
		if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
			"No display: give the options in the macro call, e.g. run(\"" + operation.title() + "\", \"" + OptionHelp
				.macroExample(operation) + "\")");
		Map<Option<?>, List<String>> choices = new HashMap<>();
		choices.put(OptionTable.MODEL, SamOptions.installedModels());
		Set<Option<?>> hidden = new HashSet<>();
		if (operation == Operation.REFINE) choices.put(OptionTable.LABELS, otherImageTitles(image));
		if (image.getStackSize() == 1) hidden.add(OptionTable.SLICES);
		return FijiOptions.dialog(operation.title(), FijiOptions.remembered(operation), choices, hidden);
	}

	private static void run(String title, ImagePlus image, OptionValues values, boolean fromMacro) {
		StatusBarMonitor monitor = new StatusBarMonitor(image);
		try {
			Path dir = values.get(OUTPUT_DIRECTORY);
			if (dir != null) OutputWriter.checkLocation(dir, image);
			SegmentationOutputs outputs = ImageRequests.run(SamServices.current().engine(), image, values, null,
				monitor);
			for (String note : outputs.notes())
				IJ.log(title + ": " + note);
			if (dir != null) OutputWriter.write(outputs, image, dir);
			OutputDisplay.show(outputs, values.get(LABEL_IMAGE), values.get(ADD_TO_MANAGER), values.get(RESULTS_TABLE));
			reportEarlyStop(title, outputs);
		}
		catch (Exception | OutOfMemoryError e) {
			fail(title, e, fromMacro);
		}
		finally {
			monitor.done();
		}
	}

	/**
	 * Shows the object count in the status bar, saying when the run stopped early (the outputs hold what was
	 * finished; their first note, logged already, says why and what to do); the error that stopped it goes to the
	 * Log window with its stack trace.
	 */
	static void reportEarlyStop(String title, SegmentationOutputs outputs) {
		if (outputs.failure() != null && !ErrorMessages.isExpected(outputs.failure())) logTrace(title, outputs
			.failure());
		IJ.showStatus("SAM: " + outputs.result().objects().size() + " object(s)" + (outputs.result().isComplete() ? ""
			: " (stopped early: only the finished objects are kept)"));
	}

	/**
	 * Shows the error as one line (a model that is not installed: the offer to install it); a fault's stack trace
	 * goes to the Log window. Aborts a running macro.
	 */
	static void fail(String title, Throwable e, boolean fromMacro) {
		if (e instanceof ModelNotInstalledException && !fromMacro && !GraphicsEnvironment.isHeadless())
			ModelMissingDialog.show(title, (ModelNotInstalledException) e);
		else IJ.error(title, ErrorMessages.oneLine(e));
		if (!ErrorMessages.isExpected(e)) logTrace(title, e);
		if (fromMacro) Macro.abort();
	}

	private static void logTrace(String title, Throwable e) {
		StringWriter trace = new StringWriter();
		e.printStackTrace(new PrintWriter(trace));
		IJ.log(title + ": details of the error: " + trace);
	}

	private static List<String> otherImageTitles(ImagePlus image) {
		List<String> titles = new ArrayList<>();
		int[] ids = WindowManager.getIDList();
		for (int id : ids == null ? new int[0] : ids) {
			ImagePlus other = WindowManager.getImage(id);
			if (other != null && other != image) titles.add(other.getTitle());
		}
		return titles.isEmpty() ? Collections.singletonList("") : titles;
	}
}
