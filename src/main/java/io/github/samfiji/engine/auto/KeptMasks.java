package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.result.ObjectMask;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The objects kept so far on a plane, which own their pixels: a proposal is kept when at most the overlap limit of
 * its pixels belong to kept objects, and then gets only the pixels nobody owns (so kept objects never overlap).
 * Optionally a proposal that encloses a kept object (at least {@value #ENCLOSED} of its pixels) is dropped too: it is
 * a group of objects or a cell around a nucleus, not one more object.
 */
final class KeptMasks {

	private final int width;
	private final int height;
	private final double overlapLimit;
	private final int minArea;
	private final boolean dropEnclosing;
	/** The fraction of a kept object inside a proposal from which the proposal encloses it. */
	static final double ENCLOSED = 0.9;
	/** Owner of each pixel: index + 1 in {@link #kept}, 0 for none. */
	private final int[] owner;
	private final List<Proposal> kept = new ArrayList<>();

	KeptMasks(int width, int height, double overlapLimit, int minArea) {
		this(width, height, overlapLimit, minArea, false);
	}

	KeptMasks(int width, int height, double overlapLimit, int minArea, boolean dropEnclosing) {
		this.dropEnclosing = dropEnclosing;
		this.width = width;
		this.height = height;
		this.overlapLimit = overlapLimit;
		this.minArea = Math.max(1, minArea);
		this.owner = new int[width * height];
	}

	/** Whether pixel {@code (x, y)} belongs to a kept object. */
	boolean covers(int x, int y) {
		return owner[y * width + x] != 0;
	}

	/** Row-major: which pixels belong to kept objects. */
	boolean[] covered() {
		boolean[] c = new boolean[owner.length];
		for (int i = 0; i < owner.length; i++) c[i] = owner[i] != 0;
		return c;
	}

	/** Pixels of {@code mask} that kept objects own. */
	int ownedPixels(ObjectMask mask) {
		int[] n = { 0 };
		mask.forEachPixel((x, y) -> {
			if (owner[y * width + x] != 0) n[0]++;
		});
		return n[0];
	}

	/** Keeps the proposal (its free pixels) unless too much of it is taken; returns whether it was kept. */
	boolean offer(Proposal p) {
		int[] inside = new int[kept.size() + 1];
		p.mask.forEachPixel((x, y) -> inside[owner[y * width + x]]++);
		int taken = p.mask.area() - inside[0];
		if (taken > overlapLimit * p.mask.area() || p.mask.area() - taken < minArea) return false;
		if (dropEnclosing) for (int k = 1; k < inside.length; k++)
			if (inside[k] >= ENCLOSED * kept.get(k - 1).mask.area()) return false;
		ObjectMask mask = taken == 0 ? p.mask : free(p.mask);
		int id = kept.size() + 1;
		mask.forEachPixel((x, y) -> owner[y * width + x] = id);
		kept.add(new Proposal(p.prompt, mask, p.iou, p.stability, p.index, p.region));
		return true;
	}

	private ObjectMask free(ObjectMask mask) {
		int x0 = mask.boundsX(), y0 = mask.boundsY(), w = mask.boundsWidth(), h = mask.boundsHeight();
		boolean[] local = mask.toBoundsArray();
		for (int j = 0; j < h; j++)
			for (int i = 0; i < w; i++)
				if (owner[(y0 + j) * width + x0 + i] != 0) local[j * w + i] = false;
		return ObjectMask.inRectangle(local, x0, y0, w, h, width, height);
	}

	/** The kept objects, in the order they were kept. */
	List<Proposal> objects() { return Collections.unmodifiableList(kept); }

	int height() { return height; }
}
