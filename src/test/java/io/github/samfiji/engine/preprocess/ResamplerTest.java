package io.github.samfiji.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The anti-aliased bicubic resampler: identity at the same size, constants preserved, pixel centres mapped onto
 * pixel centres (linear ramps reproduced), clamping, and no aliasing of fine patterns on downscaling.
 */
class ResamplerTest {

	private static float[] checkerboard(int w, int h) {
		float[] p = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				p[y * w + x] = (x + y) % 2 == 0 ? 255 : 0;
		return p;
	}

	@Test
	void sameSizeIsAnExactCopy() {
		float[] src = { 1, 2, 3, 4, 5, 6 };
		float[] out = Resampler.resize(src, 3, 2, 3, 2, 0, 255);
		assertArrayEquals(src, out);
		assertNotSame(src, out);
	}

	@Test
	void constantStaysConstantWhenUpscaled() {
		float[] src = new float[7 * 5];
		java.util.Arrays.fill(src, 93.25f);
		float[] out = Resampler.resize(src, 7, 5, 1024, 731, 0, 255);
		assertEquals(1024 * 731, out.length);
		for (float v : out)
			assertEquals(93.25f, v, 1e-3f);
	}

	@Test
	void constantStaysConstantWhenDownscaled() {
		float[] src = new float[2000 * 3];
		java.util.Arrays.fill(src, 17f);
		float[] out = Resampler.resize(src, 2000, 3, 1024, 2, 0, 255);
		for (float v : out)
			assertEquals(17f, v, 1e-3f);
	}

	@Test
	void linearRampIsReproducedOnUpscalingWithCentresOnCentres() {
		// input pixel i (centre i + 0.5) holds i; output pixel o of a 2x upscale has its centre at (o + 0.5) / 2,
		// where the ramp is o / 2 - 0.25. Bicubic reproduces linear functions away from the borders.
		int n = 40;
		float[] src = new float[n];
		for (int i = 0; i < n; i++)
			src[i] = i;
		float[] out = Resampler.resize(src, n, 1, 2 * n, 1, -1000, 1000);
		for (int o = 4; o < 2 * n - 4; o++)
			assertEquals(o / 2.0 - 0.25, out[o], 1e-4, "output " + o);
	}

	@Test
	void linearRampIsReproducedOnDownscalingWithCentresOnCentres() {
		// 2x downscale: output o has its centre at 2o + 1, where the ramp is 2o + 0.5
		int n = 80;
		float[] src = new float[n];
		for (int i = 0; i < n; i++)
			src[i] = i;
		float[] out = Resampler.resize(src, n, 1, n / 2, 1, -1000, 1000);
		for (int o = 3; o < n / 2 - 3; o++)
			assertEquals(2 * o + 0.5, out[o], 1e-4, "output " + o);
	}

	@Test
	void overshootIsClampedToTheRange() {
		float[] step = new float[20];
		for (int i = 10; i < 20; i++)
			step[i] = 255;
		float[] out = Resampler.resize(step, 20, 1, 70, 1, 0, 255);
		float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
		for (float v : out) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		assertEquals(0f, min);
		assertEquals(255f, max);
		// without clamping the same step overshoots (bicubic with a = -0.5 rings)
		float[] free = Resampler.resize(step, 20, 1, 70, 1, -1000, 1000);
		float freeMin = Float.MAX_VALUE;
		for (float v : free)
			freeMin = Math.min(freeMin, v);
		assertTrue(freeMin < -1, "expected ringing below 0, min " + freeMin);
	}

	@Test
	void halvingACheckerboardGivesItsMeanAwayFromTheBorders() {
		float[] out = Resampler.resize(checkerboard(64, 64), 64, 64, 32, 32, 0, 255);
		for (int y = 2; y < 30; y++)
			for (int x = 2; x < 30; x++)
				assertEquals(127.5f, out[y * 32 + x], 1e-3f, "at " + x + ", " + y);
	}

	@Test
	void nonIntegerDownscaleOfACheckerboardDoesNotAlias() {
		// 2000x1500 -> 1024x768, the usual camera-image case: a plain bicubic sample at these fractional positions
		// would return nearly 0 or 255 wherever it lands on a pixel centre; the widened kernel averages the pattern
		float[] out = Resampler.resize(checkerboard(2000, 1500), 2000, 1500, 1024, 768, 0, 255);
		double sum = 0, maxDeviation = 0;
		for (float v : out) {
			sum += v;
			maxDeviation = Math.max(maxDeviation, Math.abs(v - 127.5));
		}
		assertEquals(127.5, sum / out.length, 0.01);
		assertTrue(maxDeviation < 10, "largest deviation from the mean: " + maxDeviation);
	}

	@Test
	void bicubicKernelHasItsKnownValues() {
		assertEquals(1.0, Resampler.bicubic(0), 0);
		assertEquals(0.5625, Resampler.bicubic(0.5), 1e-12);
		assertEquals(0.5625, Resampler.bicubic(-0.5), 1e-12);
		assertEquals(0.0, Resampler.bicubic(1), 1e-12);
		assertEquals(-0.0625, Resampler.bicubic(1.5), 1e-12);
		assertEquals(0.0, Resampler.bicubic(2), 0);
		assertEquals(0.0, Resampler.bicubic(3.7), 0);
	}
}
