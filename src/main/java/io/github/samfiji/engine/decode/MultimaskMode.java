package io.github.samfiji.engine.decode;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Which candidates to keep when a decoder returns several masks. A decoder in the official SAM layout returns 4
 * candidates (the 4-mask export, or a single-mask export rewritten to expose them): index 0 is the single-mask output
 * (SAM's answer to an unambiguous prompt), 1-3 the three masks for an ambiguous one. SAM2 and EfficientSAM exports
 * return only the three multimask candidates; for them {@link #SINGLE} keeps the one with the highest predicted IoU,
 * like {@link #BEST}. A single-mask decoder returns 1, and every mode keeps it.
 * <p>
 * Which mode applies depends on the prompt ({@link io.github.samfiji.engine.segment.SegmentationOptions#modeFor}): one mode
 * for an <em>ambiguous</em> prompt, one point and no box ({@link #ambiguous}), another, by default {@link #SINGLE} as
 * SAM's predictor recommends ({@code multimask_output=False}), for a box or several points.
 */
public enum MultimaskMode {

	/** The single-mask output (candidate 0) for every prompt. */
	SINGLE,
	/** Of the three multimask candidates, the one with the highest predicted IoU. */
	BEST,
	/** Of the three multimask candidates, the one with the fewest pixels (ties: higher predicted IoU). */
	SMALLEST,
	/** Of the three multimask candidates, the one with the most pixels (ties: higher predicted IoU). */
	LARGEST,
	/** All three multimask candidates, each a separate object, by decreasing predicted IoU. */
	ALL;

	/** Parses {@code single}, {@code best}, {@code smallest}, {@code largest} or {@code all}, case-insensitive. */
	public static MultimaskMode parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new IllegalArgumentException("Unknown multimask mode '" + text +
				"': use single, best, smallest, largest or all");
		}
	}

	/** Whether a prompt is ambiguous: one point and no box. */
	public static boolean ambiguous(ObjectPrompt prompt) {
		return prompt.box() == null && prompt.points().size() == 1;
	}

	/** Indices of the candidates to keep, in decreasing order of preference. */
	public List<Integer> select(DecoderOutput output) {
		return select(output.count(), output::predictedIou, output::area, output.hasSingleMask());
	}

	/** The same for a low-resolution output. */
	public List<Integer> select(LowResOutput output) {
		return select(output.count(), output::predictedIou, output::area, output.hasSingleMask());
	}

	/**
	 * Every candidate, this mode's choice first (for {@link #ALL}, the best), then the others by decreasing predicted
	 * IoU: the order in which the interactive tool offers them.
	 */
	public List<Integer> ranking(DecoderOutput output) {
		MultimaskMode mode = this == ALL ? BEST : this;
		List<Integer> order = new ArrayList<>(mode.select(output).subList(0, 1));
		List<Integer> rest = new ArrayList<>();
		for (int k = 0; k < output.count(); k++)
			if (k != order.get(0)) rest.add(k);
		rest.sort(byIou(output::predictedIou));
		order.addAll(rest);
		return order;
	}

	private static List<Integer> first() {
		List<Integer> keep = new ArrayList<>();
		keep.add(0);
		return keep;
	}

	private List<Integer> select(int count, IntToDoubleFunction iou, IntToDoubleFunction area, boolean singleMask) {
		if (count == 1 || this == SINGLE && singleMask) return first();
		List<Integer> keep = new ArrayList<>();
		for (int k = singleMask ? 1 : 0; k < count; k++)
			keep.add(k);
		keep.sort(byIou(iou));
		if (this == SMALLEST) keep.sort(Comparator.comparingDouble(area::applyAsDouble));
		if (this == LARGEST) keep.sort(Comparator.comparingDouble(k -> -area.applyAsDouble(k)));
		return this == ALL ? keep : keep.subList(0, 1);
	}

	private static Comparator<Integer> byIou(IntToDoubleFunction iou) {
		return (a, b) -> Double.compare(iou.applyAsDouble(b), iou.applyAsDouble(a));
	}
}
