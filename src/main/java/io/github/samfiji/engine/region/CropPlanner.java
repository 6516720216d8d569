package io.github.samfiji.engine.region;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses prompt-local crops of one plane. A prompt <em>needs</em> its bounds ({@link PromptBounds}) grown by the
 * margin on every side and clipped to the plane. A crop serves a prompt when it contains what the prompt needs;
 * among the crops that do, the one where the prompt has the most inner margin is used. A new crop is a window
 * centred on what the prompt needs, of side {@code max(input size, needed width, needed height)} clipped to the
 * plane and shifted inside it: at native resolution (the model's input size, so the encoder resizes nothing)
 * whenever the prompt fits, else square and shrunk as little as possible. A window covering the whole plane is the
 * whole plane.
 */
public final class CropPlanner {

	private final int planeWidth;
	private final int planeHeight;
	private final int inputSize;
	private final int margin;
	private final List<Region> crops = new ArrayList<>();

	/** @param known crops already encoded (or planned), tried before new ones */
	CropPlanner(int planeWidth, int planeHeight, int inputSize, int margin, List<Region> known) {
		this.planeWidth = planeWidth;
		this.planeHeight = planeHeight;
		this.inputSize = inputSize;
		this.margin = margin;
		crops.addAll(known);
	}

	/**
	 * One crop per prompt bounds, in order: a single crop for all when everything they need fits one window at
	 * native resolution, else for each the best known crop or a new one (then known to the following prompts).
	 */
	List<Region> plan(List<double[]> bounds) {
		List<Region> regions = new ArrayList<>();
		if (bounds.isEmpty()) return regions;
		double[] union = needed(bounds.get(0));
		for (double[] b : bounds)
			union = PromptBounds.union(union, needed(b));
		if (union[2] - union[0] <= inputSize && union[3] - union[1] <= inputSize) {
			Region one = best(union, union);
			if (one == null) one = remember(windowAround(union));
			for (int i = 0; i < bounds.size(); i++) regions.add(one);
			return regions;
		}
		for (double[] b : bounds)
			regions.add(cropFor(b));
		return regions;
	}

	/** The crop for one prompt: the best known crop that serves it, else a new one (then known). */
	public Region cropFor(double[] bounds) {
		double[] needed = needed(bounds);
		Region r = best(needed, bounds);
		return r != null ? r : remember(windowAround(needed));
	}

	/** What a prompt with these bounds needs: the bounds grown by the margin, clipped to the plane. */
	double[] needed(double[] bounds) {
		return PromptBounds.grown(bounds, margin, planeWidth, planeHeight);
	}

	/**
	 * A crop centred on {@code needed} (continuous bounds in the plane), of side {@code max(inputSize, needed
	 * size)} clipped to the plane; it contains {@code needed}.
	 */
	Region windowAround(double[] needed) {
		int x0 = (int) Math.floor(needed[0]), y0 = (int) Math.floor(needed[1]);
		int x1 = (int) Math.ceil(needed[2]), y1 = (int) Math.ceil(needed[3]);
		int side = Math.max(inputSize, Math.max(x1 - x0, y1 - y0));
		int w = Math.min(side, planeWidth), h = Math.min(side, planeHeight);
		int x = clamp(x0 - (w - (x1 - x0)) / 2, planeWidth - w), y = clamp(y0 - (h - (y1 - y0)) / 2, planeHeight - h);
		return new Region(Region.Kind.CROP, planeWidth, planeHeight, x, y, w, h);
	}

	/** All known crops, the given ones first, then those planned since. */
	List<Region> crops() { return crops; }

	private Region best(double[] needed, double[] bounds) {
		Region best = null;
		double bestMargin = Double.NEGATIVE_INFINITY;
		for (Region r : crops)
			if (r.contains(needed) && r.innerMargin(bounds) > bestMargin) {
				best = r;
				bestMargin = r.innerMargin(bounds);
			}
		return best;
	}

	private Region remember(Region r) {
		Region crop = r.isWholePlane() ? r : r.as(Region.Kind.CROP);
		crops.add(crop);
		return crop;
	}

	private static int clamp(int v, int max) {
		return Math.max(0, Math.min(max, v));
	}
}
