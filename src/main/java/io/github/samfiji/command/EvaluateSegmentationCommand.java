package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.engine.evaluate.Evaluation;
import io.github.samfiji.engine.evaluate.MatchScores;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.ij.Evaluations;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava command "Evaluate Segmentation": scores a predicted label image against a ground-truth label image; the
 * pooled scores are its outputs, the per-plane table is shown and optionally written. Its options are those of
 * {@link Operation#EVALUATE} in the option table (a test holds the fields to it).
 */
@Plugin(type = Command.class, menuPath = "Plugins>Segment Anything>Scripting>Evaluate Segmentation", headless = true)
public class EvaluateSegmentationCommand extends ContextCommand {

	@Parameter(label = "Ground truth", description = "The ground-truth label image (one value per object, 0 = background).")
	private ImagePlus truthImage;

	@Parameter(label = "Prediction", description = "The label image to score, of the same size.")
	private ImagePlus predictionImage;

	@Parameter(label = "Objects", choices = { "per_plane", "volume" },
		description = "per_plane: each plane of a stack scored on its own (one row per plane, and all planes pooled); volume: a label across planes is one 3D object.")
	private String objects = "per_plane";

	@Parameter(label = "Table file", required = false,
		description = "If set, the scores are written to this CSV file (the command line prints them too).")
	private File tableFile;

	@Parameter(label = "Show outputs",
		description = "Add ROIs to the ROI Manager and show the results table (the label image or scores are the outputs).")
	private boolean show = true;

	@Parameter(type = ItemIO.OUTPUT, label = "mSA")
	private double msa;

	@Parameter(type = ItemIO.OUTPUT, label = "SA@0.5")
	private double sa50;

	@Parameter(type = ItemIO.OUTPUT, label = "F1")
	private double f1;

	@Parameter(type = ItemIO.OUTPUT, label = "Precision")
	private double precision;

	@Parameter(type = ItemIO.OUTPUT, label = "Recall")
	private double recall;

	@Parameter(type = ItemIO.OUTPUT, label = "Mean matched IoU")
	private double meanMatchedIou;

	@Override
	public void run() {
		try {
			OptionValues v = CommandRuns.read(this, Operation.EVALUATE);
			Evaluation e = Evaluations.evaluate(truthImage, predictionImage, SegmentationEvaluator.Mode.parse(v.get(
				OptionTable.OBJECTS)));
			if (v.get(OptionTable.TABLE_FILE) != null) Evaluations.writeCsv(e, v.get(OptionTable.TABLE_FILE));
			if (v.get(OptionTable.SHOW)) Evaluations.resultsTable(e).show(Evaluations.TABLE_TITLE);
			MatchScores s = e.pooled();
			msa = s.meanAccuracy();
			sa50 = s.accuracy50();
			f1 = s.f1();
			precision = s.precision();
			recall = s.recall();
			meanMatchedIou = s.meanMatchedIou();
		}
		catch (Exception | OutOfMemoryError e) {
			CommandRuns.fail(this, Operation.EVALUATE.title(), e);
		}
	}
}
