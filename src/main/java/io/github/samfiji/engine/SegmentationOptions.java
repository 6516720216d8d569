package io.github.samfiji.engine;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingOptions;

/**
 * Choices that change what a segmentation returns. Immutable; {@link #defaults()}: auto mapping, best mask,
 * automatic choice of whole-plane, crop or tiled encoding ({@link EncodingOptions#defaults()}).
 */
public final class SegmentationOptions {

	private final IntensityMapping intensityMapping;
	private final MultimaskMode multimask;
	private final EncodingOptions encoding;
	private final boolean ranked;

	private SegmentationOptions(IntensityMapping intensityMapping, MultimaskMode multimask,
		EncodingOptions encoding, boolean ranked)
	{
		this.intensityMapping = intensityMapping;
		this.multimask = multimask;
		this.encoding = encoding;
		this.ranked = ranked;
	}

	public static SegmentationOptions defaults() {
		return new SegmentationOptions(IntensityMapping.auto(), MultimaskMode.BEST, EncodingOptions.defaults(), false);
	}

	public SegmentationOptions withIntensityMapping(IntensityMapping mapping) {
		return new SegmentationOptions(mapping, multimask, encoding, ranked);
	}

	public SegmentationOptions withMultimask(MultimaskMode mode) {
		return new SegmentationOptions(intensityMapping, mode, encoding, ranked);
	}

	public SegmentationOptions withEncoding(EncodingOptions options) {
		if (options == null) throw new IllegalArgumentException("Encoding options are missing");
		return new SegmentationOptions(intensityMapping, multimask, options, ranked);
	}

	/**
	 * With {@code true}, decoding returns every candidate of a prompt, the multimask mode's choice first
	 * ({@link MultimaskMode#ranking}), for a user to cycle through (the interactive tool); default false.
	 */
	public SegmentationOptions withRankedCandidates(boolean rank) {
		return new SegmentationOptions(intensityMapping, multimask, encoding, rank);
	}

	/** Whether decoding returns every candidate, ranked (see {@link #withRankedCandidates}). */
	public boolean rankedCandidates() { return ranked; }

	/** Whether the encoder sees the whole plane, crops or tiles of it. */
	public EncodingOptions encoding() { return encoding; }

	public IntensityMapping intensityMapping() { return intensityMapping; }

	/** Which candidates to keep from a multimask decoder; ignored by single-mask decoders. */
	public MultimaskMode multimask() { return multimask; }
}
