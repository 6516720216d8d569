package io.github.samfiji.engine.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One seed per 8-connected piece of a binary plane of at least a minimum area, in raster order of the pieces: at
 * the piece's innermost pixel (farthest from its border; ties: the first in raster order), with the piece's bounding
 * box and area as its region.
 */
public final class PieceSeeds {

	private PieceSeeds() {}

	public static List<Seed> of(boolean[] pieces, int width, int height, int minArea) {
		Components c = Components.of(pieces, width, height);
		float[] depth = DistanceTransform.of(pieces, width, height);
		int n = c.count() + 1;
		int[] best = new int[n], minX = new int[n], minY = new int[n], maxX = new int[n], maxY = new int[n];
		Arrays.fill(best, -1);
		Arrays.fill(minX, Integer.MAX_VALUE);
		Arrays.fill(minY, Integer.MAX_VALUE);
		for (int p = 0; p < pieces.length; p++) {
			int k = c.labels()[p], x = p % width, y = p / width;
			if (k == 0) continue;
			if (best[k] < 0 || depth[p] > depth[best[k]]) best[k] = p;
			minX[k] = Math.min(minX[k], x);
			minY[k] = Math.min(minY[k], y);
			maxX[k] = Math.max(maxX[k], x);
			maxY[k] = Math.max(maxY[k], y);
		}
		List<Seed> seeds = new ArrayList<>();
		for (int k = 1; k < n; k++)
			if (c.area(k) >= minArea) seeds.add(new Seed(best[k] % width, best[k] / width, depth[best[k]], minX[k], minY[k],
				maxX[k], maxY[k], c.area(k)));
		return seeds;
	}
}
