package io.github.samfiji.engine;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;

/** Choices that change what a segmentation returns. Immutable; {@link #defaults()}: auto mapping, best mask. */
public final class SegmentationOptions {

	private final IntensityMapping intensityMapping;
	private final MultimaskMode multimask;

	private SegmentationOptions(IntensityMapping intensityMapping, MultimaskMode multimask) {
		this.intensityMapping = intensityMapping;
		this.multimask = multimask;
	}

	public static SegmentationOptions defaults() {
		return new SegmentationOptions(IntensityMapping.auto(), MultimaskMode.BEST);
	}

	public SegmentationOptions withIntensityMapping(IntensityMapping mapping) {
		return new SegmentationOptions(mapping, multimask);
	}

	public SegmentationOptions withMultimask(MultimaskMode mode) {
		return new SegmentationOptions(intensityMapping, mode);
	}

	public IntensityMapping intensityMapping() { return intensityMapping; }

	/** Which candidates to keep from a multimask decoder; ignored by single-mask decoders. */
	public MultimaskMode multimask() { return multimask; }
}
