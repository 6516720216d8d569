package io.github.samfiji.engine.preprocess;

import io.github.samfiji.engine.model.Preprocessing;

import net.imglib2.RandomAccessibleInterval;

/**
 * Builds a model's input tensor from a plane: intensity mapping to RGB 0-255 ({@link PlaneConverter}), resize by
 * the model's rule with an anti-aliased bicubic filter ({@link Resampler}), per-channel normalisation
 * {@code (v - mean) / std}, and zero padding bottom-right up to the square input size.
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
		int size = g.inputSize(), w = g.scaledWidth(), h = g.scaledHeight();
		float[] mean = preprocessing.pixelMean(), std = preprocessing.pixelStd();
		float[] tensor = new float[3 * size * size];
		float[] resized = null;
		for (int c = 0; c < 3; c++) {
			boolean sameAsPrevious = c > 0 && rgb.channel(c) == rgb.channel(c - 1);
			if (!sameAsPrevious) resized = Resampler.resize(rgb.channel(c), rgb.width(), rgb.height(), w, h, 0f, 255f);
			int offset = c * size * size;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					tensor[offset + y * size + x] = (resized[y * w + x] - mean[c]) / std[c];
		}
		return new ModelInput(tensor, g, rgb);
	}
}
