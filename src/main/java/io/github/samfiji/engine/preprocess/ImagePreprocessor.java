package io.github.samfiji.engine.preprocess;

import io.github.samfiji.engine.model.Preprocessing;

import net.imglib2.RandomAccessibleInterval;

/**
 * Builds a model's input tensor from a plane: intensity mapping to RGB 0-255 ({@link PlaneConverter}), resize by
 * the model's rule with an anti-aliased bicubic filter ({@link Resampler}), the model's
 * {@link Preprocessing.Normalization} (optionally min-max to [0, 1]) and per-channel {@code (v - mean) / std}, and
 * the tensor layout of {@link Preprocessing#layout()}: zero padding bottom-right up to the square input size
 * (the usual case), channels last without padding (graphs that pad themselves), or the plane's own size without
 * resizing (graphs that resize themselves).
 */
public final class ImagePreprocessor {

	private final Preprocessing preprocessing;

	public ImagePreprocessor(Preprocessing preprocessing) {
		this.preprocessing = preprocessing;
	}

	/** The encoder input for a 2D grey ({@code RealType}) or {@code ARGBType} plane. The plane is only read. */
	public ModelInput prepare(RandomAccessibleInterval<?> plane, IntensityMapping mapping) {
		return prepare(PlaneConverter.toRgb(plane, mapping));
	}

	ModelInput prepare(RgbPlane rgb) {
		ResizeGeometry g = ResizeGeometry.of(rgb.width(), rgb.height(), preprocessing);
		boolean original = preprocessing.layout() == Preprocessing.InputLayout.ORIGINAL;
		int w = original ? rgb.width() : g.scaledWidth(), h = original ? rgb.height() : g.scaledHeight();
		float[] mean = preprocessing.pixelMean(), std = preprocessing.pixelStd();
		float[][] resized = new float[3][];
		for (int c = 0; c < 3; c++) {
			boolean sameAsPrevious = c > 0 && rgb.channel(c) == rgb.channel(c - 1);
			resized[c] = sameAsPrevious ? resized[c - 1] : Resampler.resize(rgb.channel(c), rgb.width(), rgb.height(), w,
				h, 0f, 255f);
		}
		if (preprocessing.normalization() == Preprocessing.Normalization.MIN_MAX) resized = minMaxScaled(resized);
		float[][] normalised = new float[3][w * h];
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < w * h; i++)
				normalised[c][i] = (resized[c][i] - mean[c]) / std[c];
		return new ModelInput(InputArrangement.arrange(preprocessing.layout(), normalised, w, h, g.inputSize()), g, rgb);
	}

	/** New channels {@code (v - min) / (max - min)} over all channels; all 0 for a constant image. */
	private static float[][] minMaxScaled(float[][] channels) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (float[] channel : channels)
			for (float v : channel) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		double range = max - min;
		float[][] scaled = new float[channels.length][];
		for (int c = 0; c < channels.length; c++) {
			scaled[c] = new float[channels[c].length];
			for (int i = 0; i < scaled[c].length; i++)
				scaled[c][i] = range > 0 ? (float) ((channels[c][i] - min) / range) : 0f;
		}
		return scaled;
	}
}
