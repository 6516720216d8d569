package io.github.samfiji.engine.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Which candidates to keep when a decoder returns several masks. A multimask decoder (the official SAM export
 * without {@code --return-single-mask}) returns 4 candidates: index 0 is the single-mask output, 1-3 the three
 * masks for an ambiguous prompt. SAM2 and EfficientSAM exports return only the three multimask candidates; for
 * them {@link #SINGLE} keeps the one with the highest predicted IoU, like {@link #BEST}. A single-mask decoder
 * returns 1, and every mode keeps it.
 */
public enum MultimaskMode {

	/** The single-mask output (candidate 0): SAM's choice for prompts with several points or a box. */
	SINGLE,
	/** Of the three multimask candidates, the one with the highest predicted IoU. */
	BEST,
	/** All three multimask candidates, each a separate object. */
	ALL;

	/** Parses {@code single}, {@code best} or {@code all}, case-insensitive. */
	public static MultimaskMode parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new IllegalArgumentException("Unknown multimask mode '" + text + "': use single, best or all");
		}
	}

	/** Indices of the candidates to keep, in decreasing order of preference. */
	public List<Integer> select(DecoderOutput output) {
		return select(output.count(), output::predictedIou, output.hasSingleMask());
	}

	/** The same for a low-resolution output. */
	public List<Integer> select(LowResOutput output) {
		return select(output.count(), output::predictedIou, output.hasSingleMask());
	}

	private List<Integer> select(int count, IntToDoubleFunction iou, boolean singleMask) {
		List<Integer> keep = new ArrayList<>();
		if (count == 1 || this == SINGLE && singleMask) {
			keep.add(0);
			return keep;
		}
		for (int k = singleMask ? 1 : 0; k < count; k++)
			keep.add(k);
		keep.sort((a, b) -> Double.compare(iou.applyAsDouble(b), iou.applyAsDouble(a)));
		return this == ALL ? keep : keep.subList(0, 1);
	}
}
