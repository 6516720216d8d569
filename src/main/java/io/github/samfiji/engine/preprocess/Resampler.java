package io.github.samfiji.engine.preprocess;

/**
 * Separable convolution resampling of a float plane with a bicubic kernel ({@code a = -0.5}), anti-aliased on
 * downscaling by widening the kernel by the scale factor (the scheme of PIL's {@code Image.resize}, which SAM's
 * own preprocessing uses). Output pixel {@code o} samples the input at continuous position
 * {@code (o + 0.5) * in / out}, so pixel centres map onto pixel centres. Results are clamped to {@code [min, max]}.
 */
final class Resampler {

	private static final double SUPPORT = 2.0;

	private Resampler() {}

	static float[] resize(float[] src, int srcWidth, int srcHeight, int dstWidth, int dstHeight, float min,
		float max)
	{
		if (srcWidth == dstWidth && srcHeight == dstHeight) return src.clone();
		Kernels horizontal = new Kernels(srcWidth, dstWidth);
		Kernels vertical = new Kernels(srcHeight, dstHeight);
		float[] rows = new float[dstWidth * srcHeight];
		for (int y = 0; y < srcHeight; y++)
			for (int x = 0; x < dstWidth; x++)
				rows[y * dstWidth + x] = (float) horizontal.apply(src, y * srcWidth, 1, x);
		float[] dst = new float[dstWidth * dstHeight];
		for (int y = 0; y < dstHeight; y++)
			for (int x = 0; x < dstWidth; x++) {
				double v = vertical.apply(rows, x, dstWidth, y);
				dst[y * dstWidth + x] = (float) Math.max(min, Math.min(max, v));
			}
		return dst;
	}

	static double bicubic(double x) {
		final double a = -0.5;
		x = Math.abs(x);
		if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
		if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
		return 0;
	}

	/** Normalised kernel weights for every output position of one axis. */
	private static final class Kernels {

		private final int[] first;
		private final int[] count;
		private final double[][] weights;

		Kernels(int inSize, int outSize) {
			double scale = inSize / (double) outSize;
			double filterScale = Math.max(scale, 1.0);
			double support = SUPPORT * filterScale;
			first = new int[outSize];
			count = new int[outSize];
			weights = new double[outSize][];
			for (int o = 0; o < outSize; o++) {
				double centre = (o + 0.5) * scale;
				int lo = Math.max(0, (int) Math.floor(centre - support + 0.5));
				int hi = Math.min(inSize, (int) Math.floor(centre + support + 0.5));
				double[] w = new double[Math.max(1, hi - lo)];
				double sum = 0;
				for (int i = 0; i < hi - lo; i++) {
					w[i] = bicubic((lo + i + 0.5 - centre) / filterScale);
					sum += w[i];
				}
				if (sum != 0) for (int i = 0; i < w.length; i++) w[i] /= sum;
				first[o] = lo;
				count[o] = hi - lo;
				weights[o] = w;
			}
		}

		/** Weighted sum along one axis: element {@code i} of the line is {@code data[offset + i * stride]}. */
		double apply(float[] data, int offset, int stride, int o) {
			double[] w = weights[o];
			int base = offset + first[o] * stride;
			double sum = 0;
			for (int i = 0; i < count[o]; i++)
				sum += w[i] * data[base + i * stride];
			return sum;
		}
	}
}
