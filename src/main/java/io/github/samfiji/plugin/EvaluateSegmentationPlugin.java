package io.github.samfiji.plugin;

import static io.github.samfiji.options.OptionTable.OBJECTS;
import static io.github.samfiji.options.OptionTable.PREDICTION;
import static io.github.samfiji.options.OptionTable.RESULTS_TABLE;
import static io.github.samfiji.options.OptionTable.TABLE_FILE;
import static io.github.samfiji.options.OptionTable.TRUTH;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;

import io.github.samfiji.engine.evaluate.Evaluation;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.ij.Evaluations;
import io.github.samfiji.ij.FijiOptions;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.Option;
import io.github.samfiji.options.OptionHelp;
import io.github.samfiji.options.OptionValues;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Plugins > Segment Anything > Evaluate Segmentation": scores a label image (or the ROI Manager's ROIs) against a
 * ground-truth label image, per plane or as 3D objects: objects, TP, FP, FN, precision, recall, F1, SA@0.5, mSA and
 * mean matched IoU, in the results table {@value Evaluations#TABLE_TITLE} and optionally a CSV file. Recordable; its
 * options are those of {@link Operation#EVALUATE} in the option table.
 */
public class EvaluateSegmentationPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		String title = Operation.EVALUATE.title();
		String macro = Macro.getOptions();
		try {
			OptionValues v = macro != null ? FijiOptions.fromMacro(Operation.EVALUATE, macro) : dialog();
			if (v == null) return;
			ImagePlus truth = Evaluations.labelImage(v.get(TRUTH), null);
			ImagePlus prediction = Evaluations.labelImage(v.get(PREDICTION), truth);
			Evaluation e = Evaluations.evaluate(truth, prediction, SegmentationEvaluator.Mode.parse(v.get(OBJECTS)));
			if (v.get(TABLE_FILE) != null) Evaluations.writeCsv(e, v.get(TABLE_FILE));
			if (v.get(RESULTS_TABLE)) Evaluations.resultsTable(e).show(Evaluations.TABLE_TITLE);
			IJ.log(title + ": " + truth.getTitle() + " vs " + prediction.getTitle() + ": " + e.pooled());
		}
		catch (Exception | OutOfMemoryError e) {
			PluginRuns.fail(title, e, macro != null);
		}
	}

	private static OptionValues dialog() {
		if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
			"No display: give the options in the macro call, e.g. run(\"" + Operation.EVALUATE.title() + "\", \"" +
				OptionHelp.macroExample(Operation.EVALUATE) + "\")");
		List<String> titles = new ArrayList<>();
		int[] ids = WindowManager.getIDList();
		for (int id : ids == null ? new int[0] : ids)
			titles.add(WindowManager.getImage(id).getTitle());
		if (titles.isEmpty()) throw new IllegalArgumentException("Open the ground-truth and the predicted label images first");
		List<String> predictions = new ArrayList<>(titles);
		predictions.add(Evaluations.ROI_MANAGER);
		Map<Option<?>, List<String>> choices = new HashMap<>();
		choices.put(TRUTH, titles);
		choices.put(PREDICTION, predictions);
		return FijiOptions.dialog(Operation.EVALUATE.title(), FijiOptions.remembered(Operation.EVALUATE), choices,
			Collections.emptySet());
	}
}
