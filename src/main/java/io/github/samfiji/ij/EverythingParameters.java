package io.github.samfiji.ij;

import ij.Macro;
import ij.Prefs;
import ij.gui.GenericDialog;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * The parameters of "Segment Everything", from a dialog or macro options. The keys carry the names of SAM's
 * {@code SamAutomaticMaskGenerator}: {@code points_per_side}, {@code pred_iou_thresh},
 * {@code stability_score_thresh}, {@code stability_score_offset}, {@code box_nms_thresh}, {@code crop_n_layers},
 * {@code crop_overlap_ratio}, {@code crop_nms_thresh}, {@code crop_n_points_downscale_factor},
 * {@code min_mask_region_area}; plus {@code slices} ({@code all} or {@code current}), {@code model},
 * {@code intensity}, {@code threads}, {@code label_image}, {@code add_to_manager}, {@code results_table},
 * {@code output_directory}, and {@code encoding} ({@code auto}, {@code whole} or {@code tiles}), {@code tile_size},
 * {@code tile_halo} (see {@link EncodingParameters}). Keys left out take the paper's defaults
 * ({@link AutomaticOptions#defaults()}) and automatic encoding.
 */
public final class EverythingParameters {

	private static final String PREFS = "samfiji.everything.";

	public String model = Prefs.get(PREFS + "model", ModelStore.DEFAULT_MODEL);
	public AutomaticOptions auto = AutomaticOptions.defaults();
	public boolean allSlices = true;
	public IntensityMapping intensity = IntensityMapping.auto();
	public int threads = 0;
	public boolean labelImage = true;
	public boolean addToManager = true;
	public boolean resultsTable = true;
	public String outputDirectory = "";
	public EncodingOptions encoding = EncodingOptions.defaults();

	/**
	 * Parses macro options; boolean keys are false when left out.
	 *
	 * @throws IllegalArgumentException naming the key of a bad value
	 */
	public static EverythingParameters fromMacroOptions(String options) {
		EverythingParameters p = new EverythingParameters();
		p.model = Macro.getValue(options, "model", p.model);
		AutomaticOptions a = AutomaticOptions.defaults();
		a = a.withPointsPerSide(MacroValues.integer(options, "points_per_side", a.pointsPerSide()));
		a = a.withIouThreshold(MacroValues.number(options, "pred_iou_thresh", a.iouThreshold()));
		a = a.withStabilityThreshold(MacroValues.number(options, "stability_score_thresh", a.stabilityThreshold()));
		a = a.withStabilityOffset(MacroValues.number(options, "stability_score_offset", a.stabilityOffset()));
		a = a.withBoxNmsThreshold(MacroValues.number(options, "box_nms_thresh", a.boxNmsThreshold()));
		a = a.withCropLayers(MacroValues.integer(options, "crop_n_layers", a.cropLayers()));
		a = a.withCropOverlapRatio(MacroValues.number(options, "crop_overlap_ratio", a.cropOverlapRatio()));
		a = a.withCropNmsThreshold(MacroValues.number(options, "crop_nms_thresh", a.cropNmsThreshold()));
		a = a.withCropPointsDownscale(MacroValues.integer(options, "crop_n_points_downscale_factor", a
			.cropPointsDownscale()));
		p.auto = a.withMinRegionArea(MacroValues.integer(options, "min_mask_region_area", a.minRegionArea()));
		p.allSlices = parseSlices(Macro.getValue(options, "slices", "all"));
		p.intensity = IntensityMapping.parse(Macro.getValue(options, "intensity", "auto"));
		p.threads = MacroValues.integer(options, "threads", 0);
		p.labelImage = MacroValues.flag(options, "label_image");
		p.addToManager = MacroValues.flag(options, "add_to_manager");
		p.resultsTable = MacroValues.flag(options, "results_table");
		p.outputDirectory = Macro.getValue(options, "output_directory", "");
		p.encoding = EncodingParameters.fromMacroOptions(options);
		if (p.encoding.mode() == EncodingMode.CROP) throw new IllegalArgumentException(
			"encoding=crop needs prompts; Segment Everything takes encoding=auto, whole or tiles");
		return p;
	}

	private static boolean parseSlices(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		if (t.equals("all")) return true;
		if (t.equals("current")) return false;
		throw new IllegalArgumentException("slices must be 'all' or 'current', not '" + text + "'");
	}

	/** Shows the dialog (recorded by the Macro Recorder); false when cancelled. */
	public boolean showDialog(boolean isStack) {
		GenericDialog gd = new GenericDialog("Segment Everything");
		AutomaticOptions d = AutomaticOptions.defaults();
		gd.addStringField("Model", model, 20);
		gd.addNumericField("Points_per_side", Prefs.get(PREFS + "points", d.pointsPerSide()), 0);
		gd.addNumericField("Pred_iou_thresh", Prefs.get(PREFS + "iou", d.iouThreshold()), 2);
		gd.addNumericField("Stability_score_thresh", Prefs.get(PREFS + "stability", d.stabilityThreshold()), 2);
		gd.addNumericField("Stability_score_offset", d.stabilityOffset(), 2);
		gd.addNumericField("Box_nms_thresh", d.boxNmsThreshold(), 2);
		gd.addNumericField("Crop_n_layers", Prefs.get(PREFS + "crops", d.cropLayers()), 0);
		gd.addNumericField("Crop_overlap_ratio", d.cropOverlapRatio(), 4);
		gd.addNumericField("Crop_nms_thresh", d.cropNmsThreshold(), 2);
		gd.addNumericField("Crop_n_points_downscale_factor", d.cropPointsDownscale(), 0);
		gd.addNumericField("Min_mask_region_area", Prefs.get(PREFS + "minArea", d.minRegionArea()), 0, 6, "pixels");
		if (isStack) gd.addChoice("Slices", new String[] { "all", "current" }, "all");
		gd.addStringField("Intensity", Prefs.get(PREFS + "intensity", "auto"), 20);
		gd.addNumericField("Threads", threads, 0, 4, "(0 = all cores)");
		EncodingParameters.addTo(gd, PREFS, false);
		gd.addCheckbox("Label_image", labelImage);
		gd.addCheckbox("Add_to_manager", addToManager);
		gd.addCheckbox("Results_table", resultsTable);
		gd.addDirectoryField("Output_directory", outputDirectory);
		gd.showDialog();
		if (gd.wasCanceled()) return false;
		model = gd.getNextString().trim();
		AutomaticOptions a = d.withPointsPerSide((int) gd.getNextNumber());
		a = a.withIouThreshold(gd.getNextNumber()).withStabilityThreshold(gd.getNextNumber());
		a = a.withStabilityOffset(gd.getNextNumber()).withBoxNmsThreshold(gd.getNextNumber());
		a = a.withCropLayers((int) gd.getNextNumber()).withCropOverlapRatio(gd.getNextNumber());
		a = a.withCropNmsThreshold(gd.getNextNumber()).withCropPointsDownscale((int) gd.getNextNumber());
		auto = a.withMinRegionArea((int) gd.getNextNumber());
		allSlices = !isStack || parseSlices(gd.getNextChoice());
		intensity = IntensityMapping.parse(gd.getNextString());
		threads = (int) gd.getNextNumber();
		encoding = EncodingParameters.readFrom(gd, PREFS, false);
		labelImage = gd.getNextBoolean();
		addToManager = gd.getNextBoolean();
		resultsTable = gd.getNextBoolean();
		outputDirectory = gd.getNextString().trim();
		Prefs.set(PREFS + "model", model);
		Prefs.set(PREFS + "points", auto.pointsPerSide());
		Prefs.set(PREFS + "iou", auto.iouThreshold());
		Prefs.set(PREFS + "stability", auto.stabilityThreshold());
		Prefs.set(PREFS + "crops", auto.cropLayers());
		Prefs.set(PREFS + "minArea", auto.minRegionArea());
		Prefs.set(PREFS + "intensity", intensity.toString());
		return true;
	}

	public SegmentationOptions segmentationOptions() {
		return SegmentationOptions.defaults().withIntensityMapping(intensity).withEncoding(encoding);
	}

	public EngineOptions engineOptions() { return EngineOptions.defaults().withThreads(threads); }

	/** The output directory, or null when none is given. */
	public Path outputPath() { return outputDirectory.isEmpty() ? null : Paths.get(outputDirectory); }
}
