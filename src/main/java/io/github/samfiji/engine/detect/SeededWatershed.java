package io.github.samfiji.engine.detect;

import java.util.List;
import java.util.PriorityQueue;

/**
 * Grows regions from seed pixels over a foreground, visiting pixels by decreasing height (ties: the pixel queued
 * first), each pixel joining the region of the neighbour that reached it first (8-connectivity): the marker-based
 * watershed of the inverted height. Foreground pixels not connected to any seed stay 0.
 */
final class SeededWatershed {

	private SeededWatershed() {}

	/** @return region labels: seed {@code i} of the list grows region {@code i + 1} */
	static int[] grow(float[] height, boolean[] foreground, int width, int rows, List<int[]> seeds) {
		int[] labels = new int[height.length];
		PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long
			.compare(a[1], b[1]));
		long order = 0;
		for (int i = 0; i < seeds.size(); i++) {
			int p = seeds.get(i)[1] * width + seeds.get(i)[0];
			if (labels[p] != 0) continue;
			labels[p] = i + 1;
			queue.add(new long[] { key(height[p]), order++, p });
		}
		while (!queue.isEmpty()) {
			int p = (int) queue.poll()[2];
			int x = p % width, y = p / width;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					int nx = x + dx, ny = y + dy;
					if (nx < 0 || ny < 0 || nx >= width || ny >= rows) continue;
					int q = ny * width + nx;
					if (!foreground[q] || labels[q] != 0) continue;
					labels[q] = labels[p];
					queue.add(new long[] { key(height[q]), order++, q });
				}
		}
		return labels;
	}

	/** Higher heights first: a key that sorts increasing for decreasing heights. */
	private static long key(float h) {
		return -(long) Math.round(h * 1024.0);
	}
}
