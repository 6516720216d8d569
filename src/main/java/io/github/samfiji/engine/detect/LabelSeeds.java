package io.github.samfiji.engine.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Seeds from a label plane (another tool's objects, hand-drawn labels): one per label, in increasing label order,
 * at the label's pixel farthest from its border (ties: the first in raster order), with the label's bounding box
 * and area as its region.
 */
public final class LabelSeeds {

	private LabelSeeds() {}

	/** @param labels row-major, 0 = background */
	public static List<Seed> of(int[] labels, int width, int height) {
		boolean[] inside = new boolean[labels.length];
		for (int p = 0; p < labels.length; p++)
			inside[p] = labels[p] != 0 && !touchesOther(labels, p, width, height);
		float[] depth = DistanceTransform.of(inside, width, height);
		TreeMap<Integer, int[]> stats = new TreeMap<>(); // label -> {best pixel, minX, minY, maxX, maxY, area}
		for (int p = 0; p < labels.length; p++) {
			int l = labels[p];
			if (l == 0) continue;
			int x = p % width, y = p / width, pixel = p;
			int[] s = stats.computeIfAbsent(l, k -> new int[] { pixel, x, y, x, y, 0 });
			if (depth[p] > depth[s[0]]) s[0] = p;
			s[1] = Math.min(s[1], x);
			s[2] = Math.min(s[2], y);
			s[3] = Math.max(s[3], x);
			s[4] = Math.max(s[4], y);
			s[5]++;
		}
		List<Seed> seeds = new ArrayList<>();
		for (int[] s : stats.values())
			seeds.add(new Seed(s[0] % width, s[0] / width, depth[s[0]], s[1], s[2], s[3], s[4], s[5]));
		return seeds;
	}

	/** Whether a 4-neighbour of labelled pixel {@code p} has another label (borders between touching objects). */
	private static boolean touchesOther(int[] labels, int p, int w, int h) {
		int x = p % w, y = p / w, l = labels[p];
		return x > 0 && labels[p - 1] != l && labels[p - 1] != 0 || x < w - 1 && labels[p + 1] != l && labels[p +
			1] != 0 || y > 0 && labels[p - w] != l && labels[p - w] != 0 || y < h - 1 && labels[p + w] != l && labels[p +
				w] != 0;
	}
}
