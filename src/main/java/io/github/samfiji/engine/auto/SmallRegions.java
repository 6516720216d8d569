package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.result.ObjectMask;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Removes small disconnected regions and fills small holes of a mask, as SAM's {@code remove_small_regions}
 * (8-connectivity): holes first, then islands. A hole is a background region enclosed by the mask, i.e. not
 * touching the mask's bounding box edge; a hole smaller than the area is filled. An island is a connected part of
 * the mask; those smaller than the area are removed, except that the largest is kept when all are small.
 */
final class SmallRegions {

	private SmallRegions() {}

	/** @return the cleaned mask, or {@code mask} itself when nothing changed */
	static ObjectMask clean(ObjectMask mask, int minArea) {
		if (minArea <= 0 || mask.isEmpty()) return mask;
		int w = mask.boundsWidth(), h = mask.boundsHeight();
		boolean[] pixels = mask.toBoundsArray();
		boolean changed = fillHoles(pixels, w, h, minArea);
		changed |= removeIslands(pixels, w, h, minArea);
		return changed ? ObjectMask.inRectangle(pixels, mask.boundsX(), mask.boundsY(), w, h, mask.planeWidth(), mask
			.planeHeight()) : mask;
	}

	private static boolean fillHoles(boolean[] pixels, int w, int h, int minArea) {
		int[] labels = new int[w * h];
		boolean changed = false;
		int next = 1;
		for (int start = 0; start < pixels.length; start++) {
			if (pixels[start] || labels[start] != 0) continue;
			Component c = flood(pixels, labels, w, h, start, false, next++);
			if (!c.touchesEdge && c.size < minArea) {
				for (int p : c.members) pixels[p] = true;
				changed = true;
			}
		}
		return changed;
	}

	private static boolean removeIslands(boolean[] pixels, int w, int h, int minArea) {
		int[] labels = new int[w * h];
		List<Component> islands = new ArrayList<>();
		int next = 1;
		for (int start = 0; start < pixels.length; start++)
			if (pixels[start] && labels[start] == 0) islands.add(flood(pixels, labels, w, h, start, true, next++));
		Component largest = islands.get(0);
		boolean anyLarge = false;
		for (Component c : islands) {
			if (c.size > largest.size) largest = c;
			anyLarge |= c.size >= minArea;
		}
		boolean changed = false;
		for (Component c : islands)
			if (c.size < minArea && (anyLarge || c != largest)) {
				for (int p : c.members) pixels[p] = false;
				changed = true;
			}
		return changed;
	}

	private static final class Component {

		int size;
		boolean touchesEdge;
		int[] members;
	}

	/** 8-connected component of pixels equal to {@code value} containing {@code start}. */
	private static Component flood(boolean[] pixels, int[] labels, int w, int h, int start, boolean value, int label) {
		Component c = new Component();
		int[] members = new int[16];
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		labels[start] = label;
		queue.add(start);
		while (!queue.isEmpty()) {
			int p = queue.poll();
			if (c.size == members.length) members = Arrays.copyOf(members, 2 * members.length);
			members[c.size++] = p;
			int x = p % w, y = p / w;
			if (x == 0 || y == 0 || x == w - 1 || y == h - 1) c.touchesEdge = true;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					int nx = x + dx, ny = y + dy;
					if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
					int q = ny * w + nx;
					if (labels[q] == 0 && pixels[q] == value) {
						labels[q] = label;
						queue.add(q);
					}
				}
		}
		c.members = Arrays.copyOf(members, c.size);
		return c;
	}
}
