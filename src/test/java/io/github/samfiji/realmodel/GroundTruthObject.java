package io.github.samfiji.realmodel;

import io.github.samfiji.engine.result.ObjectMask;

import java.util.ArrayList;
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

	/** Every non-zero label of a row-major 16-bit label plane, in increasing label order. */
	static List<GroundTruthObject> fromLabels(short[] labels, int width, int height) {
		int max = 0;
		for (short s : labels) max = Math.max(max, s & 0xffff);
		List<List<Integer>> pixels = new ArrayList<>();
		for (int l = 0; l <= max; l++) pixels.add(new ArrayList<>());
		for (int i = 0; i < labels.length; i++)
			if (labels[i] != 0) pixels.get(labels[i] & 0xffff).add(i);
		List<GroundTruthObject> objects = new ArrayList<>();
		for (int l = 1; l <= max; l++) {
			List<Integer> px = pixels.get(l);
			if (px.isEmpty()) continue;
			boolean[] plane = new boolean[width * height];
			double cx = 0, cy = 0;
			for (int i : px) {
				plane[i] = true;
				cx += i % width;
				cy += i / width;
			}
			cx /= px.size();
			cy /= px.size();
			int best = px.get(0);
			double bestD = Double.MAX_VALUE;
			for (int i : px) {
				double d = Math.pow(i % width - cx, 2) + Math.pow(i / width - cy, 2);
				if (d < bestD) {
					bestD = d;
					best = i;
				}
			}
			objects.add(new GroundTruthObject(l, ObjectMask.of(plane, width, height), best % width, best / width));
		}
		return objects;
	}
}
