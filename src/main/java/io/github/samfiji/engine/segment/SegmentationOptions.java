package io.github.samfiji.engine.segment;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.region.EncodingOptions;

/**
 * Choices that change what a segmentation returns. Immutable; {@link #defaults()}: auto mapping, best mask,
 * automatic choice of whole-plane, crop or tiled encoding ({@link EncodingOptions#defaults()}).
 */
public final class SegmentationOptions {

	private final IntensityMapping intensityMapping;
	private final MultimaskMode multimask;
	private final MultimaskMode boxMultimask;
	private final EncodingOptions encoding;
	private final boolean ranked;

	private SegmentationOptions(IntensityMapping intensityMapping, MultimaskMode multimask, MultimaskMode boxMultimask,
		EncodingOptions encoding, boolean ranked)
	{
		this.intensityMapping = intensityMapping;
		this.multimask = multimask;
		this.boxMultimask = boxMultimask;
		this.encoding = encoding;
		this.ranked = ranked;
	}

	public static SegmentationOptions defaults() {
		return new SegmentationOptions(IntensityMapping.auto(), MultimaskMode.BEST, MultimaskMode.SINGLE,
			EncodingOptions.defaults(), false);
	}

	public SegmentationOptions withIntensityMapping(IntensityMapping mapping) {
		return new SegmentationOptions(mapping, multimask, boxMultimask, encoding, ranked);
	}

	/** The candidate choice for one-point prompts (default {@code BEST}). */
	public SegmentationOptions withMultimask(MultimaskMode mode) {
		return new SegmentationOptions(intensityMapping, mode, boxMultimask, encoding, ranked);
	}

	/** The candidate choice for a box or several points (default {@code SINGLE}: SAM's single-mask output). */
	public SegmentationOptions withBoxMultimask(MultimaskMode mode) {
		return new SegmentationOptions(intensityMapping, multimask, mode, encoding, ranked);
	}

	public SegmentationOptions withEncoding(EncodingOptions options) {
		if (options == null) throw new IllegalArgumentException("Encoding options are missing");
		return new SegmentationOptions(intensityMapping, multimask, boxMultimask, options, ranked);
	}

	/**
	 * With {@code true}, decoding returns every candidate of a prompt, the choice of its mode ({@link #modeFor}) first
	 * ({@link MultimaskMode#ranking}), for a user to cycle through (the interactive tool); default false.
	 */
	public SegmentationOptions withRankedCandidates(boolean rank) {
		return new SegmentationOptions(intensityMapping, multimask, boxMultimask, encoding, rank);
	}

	/** Whether decoding returns every candidate, ranked (see {@link #withRankedCandidates}). */
	public boolean rankedCandidates() { return ranked; }

	/** Whether the encoder sees the whole plane, crops or tiles of it. */
	public EncodingOptions encoding() { return encoding; }

	public IntensityMapping intensityMapping() { return intensityMapping; }

	/** Which candidates to keep for a one-point prompt; ignored by single-mask decoders. */
	public MultimaskMode multimask() { return multimask; }

	/** Which candidates to keep for a box or several points; ignored by single-mask decoders. */
	public MultimaskMode boxMultimask() { return boxMultimask; }

	/**
	 * The mode for {@code prompt}: {@link #multimask()} for an ambiguous prompt (one point, no box), else
	 * {@link #boxMultimask()}.
	 */
	public MultimaskMode modeFor(ObjectPrompt prompt) {
		return MultimaskMode.ambiguous(prompt) ? multimask : boxMultimask;
	}
}
