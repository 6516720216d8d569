package io.github.samfiji.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The detector on drawn nuclei: discs of known centres and radii, bright on dark (fluorescence) or dark on bright
 * (bright-field), two of them touching.
 */
class NucleusDetectorTest {

	static final int W = 96, H = 64;
	/** {x, y, r}: two touching discs and a separate smaller one. */
	static final int[][] DISCS = { { 20, 30, 9 }, { 37, 30, 9 }, { 70, 20, 6 } };

	static float[] drawn(float background, float object) {
		float[] p = new float[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				p[y * W + x] = background;
				for (int[] d : DISCS)
					if ((x - d[0]) * (x - d[0]) + (y - d[1]) * (y - d[1]) <= d[2] * d[2]) p[y * W + x] = object;
			}
		return p;
	}

	@Test
	void oneSeedPerDiscAtItsCentreWithItsOwnRegion() {
		Detection d = NucleusDetector.defaults().detect(new float[][] { drawn(10, 200) }, W, H, null);
		assertTrue(d.brightObjects());
		List<Seed> seeds = d.seeds();
		assertEquals(3, seeds.size(), seeds.toString());
		for (int[] disc : DISCS) {
			Seed s = nearest(seeds, disc);
			assertTrue(Math.abs(s.x() - disc[0]) <= 1 && Math.abs(s.y() - disc[1]) <= 1, s + " for " + disc[0] + "," +
				disc[1]);
			assertEquals(disc[1] - disc[2], s.minY(), 1, "top of the region of " + s);
			assertEquals(disc[1] + disc[2], s.maxY(), 1);
		}
		Seed left = nearest(seeds, DISCS[0]), right = nearest(seeds, DISCS[1]);
		assertTrue(left.maxX() <= 29 && right.minX() >= 28, "the touching discs are split: " + left + " " + right);
		assertEquals(9.5, d.radius(), 1.0); // the median inscribed radius: one of the large discs
	}

	@Test
	void darkObjectsOnABrightBackgroundAreFoundAlike() {
		Detection bright = NucleusDetector.defaults().detect(new float[][] { drawn(10, 200) }, W, H, null);
		Detection dark = NucleusDetector.defaults().detect(new float[][] { drawn(230, 40) }, W, H, null);
		assertFalse(dark.brightObjects());
		assertEquals(bright.seeds().size(), dark.seeds().size());
		for (int i = 0; i < W * H; i++) assertEquals(bright.foreground()[i], dark.foreground()[i]);
	}

	@Test
	void confidentBackgroundKeepsAwayFromObjects() {
		Detection d = NucleusDetector.defaults().detect(new float[][] { drawn(10, 200) }, W, H, null);
		assertTrue(d.isBackground(90, 60));
		assertFalse(d.isBackground(20, 30)); // in an object
		assertFalse(d.isBackground(20, 30 - 9 - 3)); // 3 pixels above the first disc: nearer than the radius
		assertTrue(d.isForeground(70, 20));
	}

	@Test
	void aRegionOfInterestLimitsEverything() {
		boolean[] roi = new boolean[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 55; x < W; x++) roi[y * W + x] = true;
		Detection d = NucleusDetector.defaults().detect(new float[][] { drawn(10, 200) }, W, H, roi);
		assertEquals(1, d.seeds().size());
		assertEquals(70, d.seeds().get(0).x(), 1);
		assertFalse(d.isBackground(5, 5), "outside the region nothing is background either");
	}

	/**
	 * An unevenly lit plane: discs of contrast 60 on a background ramping from 10 to 170. The global threshold
	 * misses the disc on the dim left side (and its scale estimate is inflated by the bright right side); the local
	 * contrast takes every disc and not the background between them.
	 */
	@Test
	void localContrastFindsDimObjectsOnAnUnevenBackground() {
		int w = 320, h = 80;
		int[][] discs = { { 40, 40 }, { 120, 40 }, { 200, 40 }, { 280, 40 } };
		float[] p = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				p[y * w + x] = 10 + x / 2f;
				for (int[] d : discs)
					if ((x - d[0]) * (x - d[0]) + (y - d[1]) * (y - d[1]) <= 36) p[y * w + x] += 60;
			}
		Detection global = NucleusDetector.defaults().detect(new float[][] { p }, w, h, null);
		assertFalse(global.isForeground(40, 40), "the dim disc is below the global threshold");
		Detection local = NucleusDetector.defaults().withLocalContrast(true).detect(new float[][] { p }, w, h, null);
		for (int[] d : discs) assertTrue(local.isForeground(d[0], d[1]), d[0] + "," + d[1]);
		assertFalse(local.isForeground(160, 5), "the bright background between discs");
	}

	@Test
	void aBlankPlaneHasNoSeeds() {
		Detection d = NucleusDetector.defaults().detect(new float[][] { new float[W * H] }, W, H, null);
		assertEquals(0, d.seeds().size());
		assertEquals(0, d.radius(), 0);
	}

	private static Seed nearest(List<Seed> seeds, int[] disc) {
		Seed best = null;
		for (Seed s : seeds)
			if (best == null || dist(s, disc) < dist(best, disc)) best = s;
		return best;
	}

	private static double dist(Seed s, int[] d) {
		return Math.hypot(s.x() - d[0], s.y() - d[1]);
	}
}
