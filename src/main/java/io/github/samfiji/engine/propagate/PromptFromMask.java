package io.github.samfiji.engine.propagate;

import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;

/**
 * Turns an object's mask on one plane into the prompt for the same object on the next plane: its bounding box
 * enlarged by a margin (objects grow and move a little from plane to plane), its most interior pixel as a
 * positive point, and/or its low-resolution logits, as {@link PropagationOptions.PromptMode} says.
 */
final class PromptFromMask {

	private PromptFromMask() {}

	/**
	 * @param mask a non-empty mask
	 * @param lowRes the low-resolution logits that gave {@code mask} (used by {@code BOX_AND_MASK})
	 */
	static ObjectPrompt next(ObjectMask mask, LowResMask lowRes, PropagationOptions options, int plane, String name) {
		ObjectPrompt.Builder b = ObjectPrompt.builder().slice(plane).name(name);
		PropagationOptions.PromptMode mode = options.promptMode();
		if (mode != PropagationOptions.PromptMode.POINT) {
			double mx = Math.max(1, options.boxMargin() * mask.boundsWidth());
			double my = Math.max(1, options.boxMargin() * mask.boundsHeight());
			double x0 = Math.max(0, mask.boundsX() - mx), y0 = Math.max(0, mask.boundsY() - my);
			double x1 = Math.min(mask.planeWidth(), mask.boundsX() + mask.boundsWidth() + mx);
			double y1 = Math.min(mask.planeHeight(), mask.boundsY() + mask.boundsHeight() + my);
			b.box(x0, y0, x1 - x0, y1 - y0);
		}
		if (mode == PropagationOptions.PromptMode.POINT || mode == PropagationOptions.PromptMode.BOX_AND_POINT) b.point(
			mostInteriorPixel(mask));
		if (mode == PropagationOptions.PromptMode.BOX_AND_MASK) b.maskInput(lowRes);
		return b.build();
	}

	/**
	 * The centre of the mask pixel farthest from the background (chessboard distance, two-pass transform over the
	 * bounding box; ties go to the first pixel in row order). Unlike the centroid, it lies inside any mask.
	 */
	static PromptPoint mostInteriorPixel(ObjectMask mask) {
		int w = mask.boundsWidth() + 2, h = mask.boundsHeight() + 2;
		boolean[] local = mask.toBoundsArray();
		int[] d = new int[w * h];
		for (int j = 1; j < h - 1; j++)
			for (int i = 1; i < w - 1; i++)
				if (local[(j - 1) * (w - 2) + i - 1]) d[j * w + i] = Integer.MAX_VALUE / 2;
		for (int j = 1; j < h - 1; j++)
			for (int i = 1; i < w - 1; i++) {
				int k = j * w + i;
				if (d[k] == 0) continue;
				d[k] = Math.min(d[k], 1 + Math.min(Math.min(d[k - 1], d[k - w]), Math.min(d[k - w - 1], d[k - w + 1])));
			}
		int best = -1, bestDistance = 0;
		for (int j = h - 2; j >= 1; j--)
			for (int i = w - 2; i >= 1; i--) {
				int k = j * w + i;
				if (d[k] == 0) continue;
				d[k] = Math.min(d[k], 1 + Math.min(Math.min(d[k + 1], d[k + w]), Math.min(d[k + w + 1], d[k + w - 1])));
				if (d[k] >= bestDistance) {
					bestDistance = d[k];
					best = k;
				}
			}
		int i = best % w - 1, j = best / w - 1;
		return PromptPoint.atPixel(mask.boundsX() + i, mask.boundsY() + j, true);
	}
}
