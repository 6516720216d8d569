package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.decode.LowResOutput;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.region.Region;
import io.github.samfiji.engine.result.ObjectMask;

/**
 * Picks the mask a decoder run proposes, as SAM's automatic mask generator filters its candidates: of the
 * candidates (for a lone point all multimask candidates, for a box the single-mask output, when the decoder gives
 * several; else its one mask), by decreasing predicted IoU, the first whose predicted IoU and stability score reach
 * the thresholds and whose full-resolution mask, clipped to the region of interest, has an allowed area (at least
 * the minimum, at most the maximum, at most the maximum fraction of the plane or of the region of interest). Works
 * on the outputs of one encoded region of the plane and returns masks in plane coordinates. Stateless apart from its
 * settings; safe to use from several threads.
 */
final class CandidateFilter {

	private final AdaptiveOptions options;
	private final Region region;
	private final boolean[] roi;
	private final long maxPixels;

	/**
	 * @param region the part of the plane the outputs were decoded on
	 * @param roi pixels objects may have (row-major, whole plane), or null for all
	 */
	CandidateFilter(AdaptiveOptions options, Region region, boolean[] roi) {
		this.options = options;
		this.region = region;
		this.roi = roi;
		long room = (long) region.planeWidth() * region.planeHeight();
		if (roi != null) {
			room = 0;
			for (boolean b : roi) if (b) room++;
		}
		long max = (long) Math.floor(options.maxObjectFraction() * room);
		this.maxPixels = options.maxArea() > 0 ? Math.min(max, options.maxArea()) : max;
	}

	/** The same filter for another region of the plane. */
	CandidateFilter on(Region other) {
		return other.equals(region) ? this : new CandidateFilter(options, other, roi);
	}

	/**
	 * The proposal of one run, or null when no candidate passes.
	 *
	 * @param local the prompt as decoded (region coordinates), to choose the candidates
	 * @param prompt the prompt in plane coordinates, for the proposal
	 */
	Proposal best(LowResOutput out, ObjectPrompt local, ObjectPrompt prompt, int index) {
		boolean lonePoint = local.box() == null && local.points().size() == 1;
		MultimaskMode mode = lonePoint ? MultimaskMode.ALL : MultimaskMode.SINGLE;
		for (int k : mode.select(out)) {
			float iou = out.predictedIou(k);
			if (!(iou >= options.iouThreshold())) continue;
			double stability = LowResMeasures.stability(out, k, options.stabilityOffset());
			if (!(stability >= options.stabilityThreshold())) continue;
			ObjectMask mask = clip(region.toPlane(ObjectMask.threshold(out.fullResolution(k), 0, region.width(), region
				.height(), 0f)));
			if (mask.area() < Math.max(1, options.minArea()) || mask.area() > maxPixels) continue;
			return new Proposal(prompt, mask, iou, (float) stability, index, region.label());
		}
		return null;
	}

	private ObjectMask clip(ObjectMask mask) {
		if (roi == null || mask.isEmpty()) return mask;
		int width = mask.planeWidth();
		boolean[] local = mask.toBoundsArray();
		int x0 = mask.boundsX(), y0 = mask.boundsY(), w = mask.boundsWidth(), h = mask.boundsHeight();
		boolean changed = false;
		for (int j = 0; j < h; j++)
			for (int i = 0; i < w; i++)
				if (local[j * w + i] && !roi[(y0 + j) * width + x0 + i]) {
					local[j * w + i] = false;
					changed = true;
				}
		return changed ? ObjectMask.inRectangle(local, x0, y0, w, h, width, mask.planeHeight()) : mask;
	}
}
