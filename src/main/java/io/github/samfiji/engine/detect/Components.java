package io.github.samfiji.engine.detect;

import java.util.ArrayDeque;

/**
 * 8-connected components of a binary plane, labelled 1, 2, ... in raster order of their first pixel.
 */
public final class Components {

	private final int[] labels;
	private final int count;
	private final int[] areas;

	private Components(int[] labels, int count, int[] areas) {
		this.labels = labels;
		this.count = count;
		this.areas = areas;
	}

	public static Components of(boolean[] foreground, int width, int height) {
		int[] labels = new int[foreground.length];
		int[] areas = new int[16];
		int next = 0;
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int start = 0; start < foreground.length; start++) {
			if (!foreground[start] || labels[start] != 0) continue;
			if (++next == areas.length) areas = java.util.Arrays.copyOf(areas, 2 * areas.length);
			labels[start] = next;
			queue.add(start);
			while (!queue.isEmpty()) {
				int p = queue.poll();
				areas[next]++;
				int x = p % width, y = p / width;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						int nx = x + dx, ny = y + dy;
						if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
						int q = ny * width + nx;
						if (foreground[q] && labels[q] == 0) {
							labels[q] = next;
							queue.add(q);
						}
					}
			}
		}
		return new Components(labels, next, areas);
	}

	/** Label of each pixel (0 = background); not a copy. */
	public int[] labels() { return labels; }

	/** Number of components. */
	public int count() { return count; }

	/** Pixels of component {@code label} (1-based). */
	public int area(int label) { return areas[label]; }

	/** The foreground without the components smaller than {@code minArea} pixels. */
	public boolean[] withoutSmall(int minArea) {
		boolean[] kept = new boolean[labels.length];
		for (int i = 0; i < labels.length; i++) kept[i] = labels[i] != 0 && areas[labels[i]] >= minArea;
		return kept;
	}
}
