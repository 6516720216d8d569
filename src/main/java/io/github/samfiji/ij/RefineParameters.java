package io.github.samfiji.ij;

import ij.Macro;
import ij.Prefs;
import ij.gui.GenericDialog;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The parameters of "Refine with SAM", from a dialog or macro options. Keys: {@code source} ({@code [Label image]},
 * {@code [ROI Manager]} or {@code File}: a RoiSet.zip/.roi or a label image file), {@code labels} (title of the
 * open label image), {@code file}, {@code add_point} (also prompt with the pixel nearest each object's centroid),
 * {@code model}, {@code multimask} ({@code single} or {@code best}), {@code intensity}, {@code threads},
 * {@code label_image}, {@code add_to_manager}, {@code results_table}, {@code output_directory}.
 */
public final class RefineParameters {

	/** Where the objects to refine come from. */
	public static final String LABEL_IMAGE = "Label image", ROI_MANAGER = "ROI Manager", FILE = "File";
	private static final String PREFS = "samfiji.refine.";

	public String model = Prefs.get(PREFS + "model", ModelStore.DEFAULT_MODEL);
	public String source = LABEL_IMAGE;
	public String labels = "";
	public String file = "";
	public boolean addPoint;
	public MultimaskMode multimask = MultimaskMode.SINGLE;
	public IntensityMapping intensity = IntensityMapping.auto();
	public int threads = 0;
	public boolean labelImage = true;
	public boolean addToManager = true;
	public boolean resultsTable = true;
	public String outputDirectory = "";

	/** @throws IllegalArgumentException naming the key of a bad value */
	public static RefineParameters fromMacroOptions(String options) {
		RefineParameters p = new RefineParameters();
		p.model = Macro.getValue(options, "model", p.model);
		p.source = parseSource(Macro.getValue(options, "source", LABEL_IMAGE));
		p.labels = Macro.getValue(options, "labels", "");
		p.file = Macro.getValue(options, "file", "");
		p.addPoint = MacroValues.flag(options, "add_point");
		p.multimask = MultimaskMode.parse(Macro.getValue(options, "multimask", "single"));
		p.intensity = IntensityMapping.parse(Macro.getValue(options, "intensity", "auto"));
		p.threads = MacroValues.integer(options, "threads", 0);
		p.labelImage = MacroValues.flag(options, "label_image");
		p.addToManager = MacroValues.flag(options, "add_to_manager");
		p.resultsTable = MacroValues.flag(options, "results_table");
		p.outputDirectory = Macro.getValue(options, "output_directory", "");
		return p;
	}

	private static String parseSource(String text) {
		for (String s : new String[] { LABEL_IMAGE, ROI_MANAGER, FILE })
			if (s.equalsIgnoreCase(text.trim())) return s;
		throw new IllegalArgumentException("source must be '" + LABEL_IMAGE + "', '" + ROI_MANAGER + "' or '" + FILE +
			"', not '" + text + "'");
	}

	/** Shows the dialog (recorded by the Macro Recorder); false when cancelled. */
	public boolean showDialog(String[] openImageTitles) {
		GenericDialog gd = new GenericDialog("Refine with SAM");
		gd.addChoice("Source", new String[] { LABEL_IMAGE, ROI_MANAGER, FILE }, Prefs.get(PREFS + "source",
			LABEL_IMAGE));
		gd.addChoice("Labels", openImageTitles.length == 0 ? new String[] { "" } : openImageTitles,
			openImageTitles.length == 0 ? "" : openImageTitles[0]);
		gd.addFileField("File", file);
		gd.addCheckbox("Add_point", Prefs.get(PREFS + "point", false));
		gd.addStringField("Model", model, 20);
		gd.addChoice("Multimask", new String[] { "single", "best" }, "single");
		gd.addStringField("Intensity", Prefs.get(PREFS + "intensity", "auto"), 20);
		gd.addNumericField("Threads", threads, 0, 4, "(0 = all cores)");
		gd.addCheckbox("Label_image", labelImage);
		gd.addCheckbox("Add_to_manager", addToManager);
		gd.addCheckbox("Results_table", resultsTable);
		gd.addDirectoryField("Output_directory", outputDirectory);
		gd.showDialog();
		if (gd.wasCanceled()) return false;
		source = gd.getNextChoice();
		labels = gd.getNextChoice();
		file = gd.getNextString().trim();
		addPoint = gd.getNextBoolean();
		model = gd.getNextString().trim();
		multimask = MultimaskMode.parse(gd.getNextChoice());
		intensity = IntensityMapping.parse(gd.getNextString());
		threads = (int) gd.getNextNumber();
		labelImage = gd.getNextBoolean();
		addToManager = gd.getNextBoolean();
		resultsTable = gd.getNextBoolean();
		outputDirectory = gd.getNextString().trim();
		Prefs.set(PREFS + "source", source);
		Prefs.set(PREFS + "point", addPoint);
		Prefs.set(PREFS + "model", model);
		Prefs.set(PREFS + "intensity", intensity.toString());
		return true;
	}

	public SegmentationOptions segmentationOptions() {
		return SegmentationOptions.defaults().withMultimask(multimask).withIntensityMapping(intensity);
	}

	public EngineOptions engineOptions() { return EngineOptions.defaults().withThreads(threads); }

	/** The output directory, or null when none is given. */
	public Path outputPath() { return outputDirectory.isEmpty() ? null : Paths.get(outputDirectory); }
}
