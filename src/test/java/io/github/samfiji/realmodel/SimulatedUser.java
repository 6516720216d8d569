package io.github.samfiji.realmodel;

import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;

/**
 * The simulated user of interactive-segmentation evaluations (SAM paper, micro-sam): the next click goes to the
 * pixel of the error region (prediction XOR truth) farthest from the region's boundary, positive where the object
 * was missed and negative where the mask leaks. Deterministic: ties go to the first pixel in raster order.
 */
final class SimulatedUser {

	private SimulatedUser() {}

	/** The corrective click, or {@code null} when the prediction equals the truth. */
	static PromptPoint nextClick(ObjectMask predicted, ObjectMask truth) {
		int w = truth.planeWidth(), h = truth.planeHeight();
		int[] dist = new int[w * h];
		boolean any = false;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (predicted.contains(x, y) != truth.contains(x, y)) {
					dist[y * w + x] = Integer.MAX_VALUE / 2;
					any = true;
				}
		if (!any) return null;
		chamfer(dist, w, h);
		int best = 0;
		for (int i = 1; i < dist.length; i++)
			if (dist[i] > dist[best]) best = i;
		int x = best % w, y = best / w;
		return PromptPoint.atPixel(x, y, truth.contains(x, y));
	}

	/** City-block distance of each non-zero pixel to the nearest zero pixel or the image border, in place. */
	private static void chamfer(int[] d, int w, int h) {
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				if (d[i] == 0) continue;
				int up = y == 0 ? 0 : d[i - w], left = x == 0 ? 0 : d[i - 1];
				d[i] = Math.min(d[i], Math.min(up, left) + 1);
			}
		for (int y = h - 1; y >= 0; y--)
			for (int x = w - 1; x >= 0; x--) {
				int i = y * w + x;
				if (d[i] == 0) continue;
				int down = y == h - 1 ? 0 : d[i + w], right = x == w - 1 ? 0 : d[i + 1];
				d[i] = Math.min(d[i], Math.min(down, right) + 1);
			}
	}
}
