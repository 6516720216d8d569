package io.github.samfiji.engine.preprocess;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: percentile {@code p} of {@code n} values is the sorted value at index
 * {@code round(p / 100 * (n - 1))}. NaN and infinite values are ignored (an infinite percentile would scale every
 * finite value to the same grey); input without a finite value gives {@code [0, 0]}.
 */
final class Percentiles {

	private Percentiles() {}

	static double[] of(float[] values, double lowPercentile, double highPercentile) {
		float[] sorted = new float[values.length];
		int n = 0;
		for (float v : values)
			if (Float.isFinite(v)) sorted[n++] = v;
		if (n == 0) return new double[] { 0, 0 };
		Arrays.sort(sorted, 0, n);
		return new double[] { sorted[rank(lowPercentile, n)], sorted[rank(highPercentile, n)] };
	}

	/** The same result as {@link #of} for values that are all integers in 0-65535, by counting. */
	static double[] ofUnsignedShorts(float[] values, double lowPercentile, double highPercentile) {
		int[] histogram = new int[65536];
		for (float v : values)
			histogram[(int) v]++;
		return ofHistogram(histogram, values.length, lowPercentile, highPercentile);
	}

	/** The same result from a histogram of {@code n} values in 0-65535 (index = value). */
	static double[] ofHistogram(int[] histogram, int n, double lowPercentile, double highPercentile) {
		return new double[] { valueAtRank(histogram, rank(lowPercentile, n)), valueAtRank(histogram, rank(
			highPercentile, n)) };
	}

	private static int rank(double percentile, int n) {
		return (int) Math.round(percentile / 100 * (n - 1));
	}

	private static int valueAtRank(int[] histogram, int rank) {
		long seen = 0;
		for (int v = 0; v < histogram.length; v++) {
			seen += histogram[v];
			if (seen > rank) return v;
		}
		return histogram.length - 1;
	}
}
