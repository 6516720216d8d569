package io.github.samfiji.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles: sorted value at index round(p / 100 * (n - 1)), NaN ignored. */
class PercentilesTest {

	@Test
	void nearestRankOnElevenValues() {
		float[] v = { 50, 10, 40, 0, 20, 100, 30, 70, 90, 60, 80 };
		// n = 11: p10 -> index 1, p50 -> 5, p95 -> round(9.5) = 10, p0 -> 0, p100 -> 10
		assertArrayEquals(new double[] { 10, 90 }, Percentiles.of(v, 10, 90));
		assertArrayEquals(new double[] { 0, 100 }, Percentiles.of(v, 0, 100));
		assertArrayEquals(new double[] { 50, 100 }, Percentiles.of(v, 50, 95));
		assertArrayEquals(new double[] { 0, 100 }, Percentiles.of(v, 4, 96)); // round(0.4) = 0, round(9.6) = 10
	}

	@Test
	void nanValuesAreIgnored() {
		float[] v = { Float.NaN, 3, Float.NaN, -1, 7, Float.NaN };
		// the three numbers -1, 3, 7: p50 -> index 1
		assertArrayEquals(new double[] { -1, 3 }, Percentiles.of(v, 0, 50));
	}

	@Test
	void infiniteValuesAreIgnoredLikeNan() {
		// a third of the plane +Infinity must not become the 99.9th percentile (every finite pixel would map to 0)
		float[] v = { Float.POSITIVE_INFINITY, 3, Float.NEGATIVE_INFINITY, -1, 7, Float.POSITIVE_INFINITY };
		assertArrayEquals(new double[] { -1, 7 }, Percentiles.of(v, 0, 100));
		assertArrayEquals(new double[] { 0, 0 }, Percentiles.of(new float[] { Float.POSITIVE_INFINITY }, 0.1, 99.9));
	}

	@Test
	void allNanGivesZeroRange() {
		assertArrayEquals(new double[] { 0, 0 }, Percentiles.of(new float[] { Float.NaN, Float.NaN }, 0.1, 99.9));
		assertArrayEquals(new double[] { 0, 0 }, Percentiles.of(new float[0], 0.1, 99.9));
	}

	@Test
	void inputIsNotReordered() {
		float[] v = { 3, 1, 2 };
		Percentiles.of(v, 0, 100);
		assertArrayEquals(new float[] { 3, 1, 2 }, v);
	}

	@Test
	void histogramPathEqualsSortingPath() {
		Random random = new Random(42);
		double[][] percentiles = { { 0, 100 }, { 0.1, 99.9 }, { 1, 99 }, { 25, 75 }, { 50, 50.5 }, { 33.3, 66.6 } };
		for (int n : new int[] { 1, 2, 3, 7, 1000, 4099, 70000 }) {
			float[] v = new float[n];
			for (int i = 0; i < n; i++)
				v[i] = i % 3 == 0 ? random.nextInt(65536) : random.nextInt(300) + 1000;
			if (n > 2) {
				v[0] = 0;
				v[1] = 65535;
			}
			for (double[] p : percentiles)
				assertArrayEquals(Percentiles.of(v, p[0], p[1]), Percentiles.ofUnsignedShorts(v, p[0], p[1]), "n=" + n +
					", p=" + p[0] + "-" + p[1]);
		}
	}
}
