package io.github.samfiji.engine.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The classical building blocks of the detector on planes small enough to check by hand. */
class DetectorPartsTest {

	private static boolean[] mask(int w, String... rows) {
		boolean[] m = new boolean[w * rows.length];
		for (int y = 0; y < rows.length; y++)
			for (int x = 0; x < w; x++) m[y * w + x] = rows[y].charAt(x) == '#';
		return m;
	}

	@Test
	void distanceToTheNearestBackgroundPixelCentre() {
		boolean[] m = mask(7, //
			".......", //
			".#####.", //
			".#####.", //
			".#####.", //
			".......");
		float[] d = DistanceTransform.of(m, 7, 5);
		assertEquals(0, d[0]);
		assertEquals(1, d[7 + 1], 1e-6); // corner of the block: the background pixel next to it
		assertEquals(2, d[2 * 7 + 3], 1e-6); // centre: two rows up or down
		assertEquals(1, d[2 * 7 + 1], 1e-6);
		assertEquals(Math.sqrt(1), d[7 + 3], 1e-6);
	}

	@Test
	void pixelsBeyondThePlaneAreBackground() {
		float[] d = DistanceTransform.of(mask(3, "###", "###", "###"), 3, 3);
		assertArrayEquals(new float[] { 1, 1, 1, 1, 2, 1, 1, 1, 1 }, d, 1e-6f);
	}

	@Test
	void theEdgeNeedNotBeBackground() {
		float[] d = DistanceTransform.of(mask(5, "#####"), 5, 1, false);
		assertEquals(1e10, d[2], 1e6); // no background pixel at all
		float[] e = DistanceTransform.of(mask(5, "####."), 5, 1, false);
		assertArrayEquals(new float[] { 4, 3, 2, 1, 0 }, e, 1e-6f);
	}

	@Test
	void diagonalDistancesAreEuclidean() {
		boolean[] m = new boolean[11 * 11];
		java.util.Arrays.fill(m, true);
		m[0] = false; // the only background pixel inside; the border is farther for (3, 4)
		float[] d = DistanceTransform.of(m, 11, 11);
		assertEquals(4, d[4 * 11 + 3], 1e-6); // min(5 to (0,0), 4 to the left border beyond column 0)
		assertEquals(Math.sqrt(2), d[1 * 11 + 1], 1e-6);
	}

	@Test
	void otsuSplitsTwoLevelsBetweenThem() {
		float[] v = new float[100];
		for (int i = 0; i < v.length; i++) v[i] = i < 70 ? 20 : 200;
		double t = Otsu.threshold(v);
		assertTrue(t > 20 && t <= 200, "threshold " + t);
		assertEquals(7, Otsu.threshold(new float[] { 7, 7, 7 }), 0);
	}

	@Test
	void gaussianKeepsConstantsAndSums() {
		float[] plane = new float[9 * 9];
		plane[40] = 81;
		float[] b = GaussianBlur.blur(plane, 9, 9, 1);
		double sum = 0;
		for (float v : b) sum += v;
		assertEquals(81, sum, 1e-3);
		assertTrue(b[40] > b[41] && b[41] > b[42]);
		float[] flat = new float[25];
		java.util.Arrays.fill(flat, 3);
		for (float v : GaussianBlur.blur(flat, 5, 5, 2)) assertEquals(3, v, 1e-5);
	}

	@Test
	void componentsAreEightConnectedAndNumberedInRasterOrder() {
		Components c = Components.of(mask(5, //
			"#...#", //
			".#..#", //
			".....", //
			"##..."), 5, 4);
		assertEquals(3, c.count());
		assertArrayEquals(new int[] { 1, 0, 0, 0, 2, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0 }, c.labels());
		assertEquals(2, c.area(1));
		boolean[] big = c.withoutSmall(2);
		assertTrue(big[0] && big[4] && big[15]);
		assertTrue(!c.withoutSmall(3)[0]);
	}

	@Test
	void pieceSeedsSitOnEachLargeEnoughPiecesInnermostPixel() {
		boolean[] m = mask(9, //
			"#####...#", //
			"#####....", //
			"#####....");
		List<Seed> seeds = PieceSeeds.of(m, 9, 3, 2);
		assertEquals(1, seeds.size(), "the single pixel is below the minimum area");
		Seed s = seeds.get(0);
		assertEquals(1, s.x(), "depth 2 at columns 1-3 of the middle row: the first"); // the plane's edge is background
		assertEquals(1, s.y());
		assertEquals(2, s.radius(), 0);
		assertEquals(15, s.area());
		assertEquals(4, s.maxX());
		assertEquals(2, PieceSeeds.of(m, 9, 3, 1).size());
	}

	@Test
	void labelSeedsSitOnEachLabelsInnermostPixel() {
		int w = 9;
		int[] labels = new int[w * 5];
		for (int y = 0; y < 5; y++)
			for (int x = 0; x < 5; x++) labels[y * w + x] = 4; // a 5x5 square: centre (2, 2)
		labels[2 * w + 7] = 2; // a single pixel
		List<Seed> seeds = LabelSeeds.of(labels, w, 5);
		assertEquals(2, seeds.size());
		Seed single = seeds.get(0), square = seeds.get(1); // label order: 2, then 4
		assertEquals(7, single.x());
		assertEquals(1, single.area());
		assertEquals(2, square.x());
		assertEquals(2, square.y());
		assertEquals(25, square.area());
		assertEquals(0, square.minX());
		assertEquals(4, square.maxY());
	}

	@Test
	void touchingLabelsAreSeparatedByTheirCommonBorder() {
		int w = 10;
		int[] labels = new int[w * 3];
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < w; x++) labels[y * w + x] = x < 5 ? 1 : 2;
		List<Seed> seeds = LabelSeeds.of(labels, w, 3);
		assertTrue(seeds.get(0).x() < 4 && seeds.get(1).x() > 5, seeds.toString());
	}
}
