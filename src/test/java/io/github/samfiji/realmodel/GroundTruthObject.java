package io.github.samfiji.realmodel;

import io.github.samfiji.engine.result.ObjectMask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One annotated object of a label image with the standard evaluation prompts of {@code shared/data/README.md}: its
 * tight bounding box (inclusive pixel indices) and the foreground pixel nearest its centroid.
 */
final class GroundTruthObject {

	final int label;
	final ObjectMask mask;
	final int minX, minY, maxX, maxY;
	final int pointX, pointY;

	private GroundTruthObject(int label, ObjectMask mask, int pointX, int pointY) {
		this.label = label;
		this.mask = mask;
		this.minX = mask.boundsX();
		this.minY = mask.boundsY();
		this.maxX = mask.boundsX() + mask.boundsWidth() - 1;
		this.maxY = mask.boundsY() + mask.boundsHeight() - 1;
		this.pointX = pointX;
		this.pointY = pointY;
	}

	/**
	 * Every non-zero label of a row-major 16-bit label plane, in increasing label order. Works inside each label's
	 * bounding box, so large planes with many labels cost one pass plus the boxes.
	 */
	static List<GroundTruthObject> fromLabels(short[] labels, int width, int height) {
		int max = 0;
		for (short s : labels) max = Math.max(max, s & 0xffff);
		int[] minX = new int[max + 1], minY = new int[max + 1], maxX = new int[max + 1], maxY = new int[max + 1];
		Arrays.fill(minX, Integer.MAX_VALUE);
		Arrays.fill(minY, Integer.MAX_VALUE);
		Arrays.fill(maxX, -1);
		for (int i = 0; i < labels.length; i++) {
			int l = labels[i] & 0xffff;
			if (l == 0) continue;
			int x = i % width, y = i / width;
			minX[l] = Math.min(minX[l], x);
			maxX[l] = Math.max(maxX[l], x);
			minY[l] = Math.min(minY[l], y);
			maxY[l] = Math.max(maxY[l], y);
		}
		List<GroundTruthObject> objects = new ArrayList<>();
		for (int l = 1; l <= max; l++) {
			if (maxX[l] < 0) continue;
			int w = maxX[l] - minX[l] + 1, h = maxY[l] - minY[l] + 1;
			boolean[] local = new boolean[w * h];
			double cx = 0, cy = 0;
			int n = 0;
			for (int y = minY[l]; y <= maxY[l]; y++)
				for (int x = minX[l]; x <= maxX[l]; x++)
					if ((labels[y * width + x] & 0xffff) == l) {
						local[(y - minY[l]) * w + x - minX[l]] = true;
						cx += x;
						cy += y;
						n++;
					}
			cx /= n;
			cy /= n;
			int bestX = -1, bestY = -1;
			double bestD = Double.MAX_VALUE;
			for (int y = minY[l]; y <= maxY[l]; y++)
				for (int x = minX[l]; x <= maxX[l]; x++) {
					double d = Math.pow(x - cx, 2) + Math.pow(y - cy, 2);
					if (local[(y - minY[l]) * w + x - minX[l]] && d < bestD) {
						bestD = d;
						bestX = x;
						bestY = y;
					}
				}
			objects.add(new GroundTruthObject(l, ObjectMask.inRectangle(local, minX[l], minY[l], w, h, width, height),
				bestX, bestY));
		}
		return objects;
	}
}
