package io.github.samfiji.engine.detect;

/**
 * Separable Gaussian smoothing of a row-major float plane, kernel truncated at {@code ceil(3 sigma)} and
 * normalised, borders extended by their edge value.
 */
public final class GaussianBlur {

	private GaussianBlur() {}

	/** A smoothed copy; {@code sigma <= 0} returns a plain copy. */
	public static float[] blur(float[] plane, int width, int height, double sigma) {
		if (plane.length != width * height) throw new IllegalArgumentException("A " + width + "x" + height +
			" plane needs " + width * height + " values, got " + plane.length);
		if (!(sigma > 0)) return plane.clone();
		float[] kernel = kernel(sigma);
		float[] rows = new float[plane.length], out = new float[plane.length];
		int r = kernel.length / 2;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double sum = 0;
				for (int k = -r; k <= r; k++)
					sum += kernel[k + r] * plane[y * width + clamp(x + k, width)];
				rows[y * width + x] = (float) sum;
			}
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double sum = 0;
				for (int k = -r; k <= r; k++)
					sum += kernel[k + r] * rows[clamp(y + k, height) * width + x];
				out[y * width + x] = (float) sum;
			}
		return out;
	}

	static float[] kernel(double sigma) {
		int r = (int) Math.ceil(3 * sigma);
		float[] k = new float[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) sum += k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		return k;
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
