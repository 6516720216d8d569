package io.github.samfiji.engine.detect;

/**
 * Otsu's threshold: of the 256 levels of a histogram between the plane's minimum and maximum, the one that
 * maximises the between-class variance (ties: the lowest). Values at or above the returned threshold are the upper
 * class.
 */
public final class Otsu {

	static final int BINS = 256;

	private Otsu() {}

	/** The threshold in the plane's units: the lower edge of the upper class's first bin; the value of a constant plane. */
	public static double threshold(float[] values) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (float v : values) {
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (!(max > min)) return max;
		long[] histogram = new long[BINS];
		double scale = (BINS - 1) / (double) (max - min);
		for (float v : values) histogram[(int) ((v - min) * scale)]++;
		int best = bestLevel(histogram, values.length);
		return min + (best + 1) / scale;
	}

	/** Index of the last bin of the lower class. */
	static int bestLevel(long[] histogram, long total) {
		double sumAll = 0;
		for (int i = 0; i < histogram.length; i++) sumAll += i * (double) histogram[i];
		double sumLow = 0, bestVariance = -1;
		long low = 0;
		int best = 0;
		for (int t = 0; t < histogram.length - 1; t++) {
			low += histogram[t];
			sumLow += t * (double) histogram[t];
			long high = total - low;
			if (low == 0 || high == 0) continue;
			double meanLow = sumLow / low, meanHigh = (sumAll - sumLow) / high;
			double variance = low * (double) high * (meanLow - meanHigh) * (meanLow - meanHigh);
			if (variance > bestVariance) {
				bestVariance = variance;
				best = t;
			}
		}
		return best;
	}
}
