package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.decode.LowResOutput;
import io.github.samfiji.engine.preprocess.ResizeGeometry;

/**
 * Measures of a low-resolution candidate mask computed without bringing it to full resolution, over the cells
 * that cover the resized plane ({@link LowResOutput#validWidth()} x {@link LowResOutput#validHeight()}; the
 * padding is ignored).
 */
final class LowResMeasures {

	private LowResMeasures() {}

	/**
	 * SAM's stability score: the IoU of the mask thresholded at {@code +offset} with the mask thresholded at
	 * {@code -offset} (logit threshold 0), i.e. {@code count(logit > offset) / count(logit > -offset)}; 0 for a mask
	 * that is empty at {@code -offset}.
	 */
	static double stability(LowResOutput out, int k, double offset) {
		float[] logits = out.logits();
		int size = out.size(), base = out.offset(k);
		long inner = 0, outer = 0;
		for (int j = 0; j < out.validHeight(); j++) {
			int row = base + j * size;
			for (int i = 0; i < out.validWidth(); i++) {
				float v = logits[row + i];
				if (v > offset) inner++;
				if (v > -offset) outer++;
			}
		}
		return outer == 0 ? 0 : inner / (double) outer;
	}

	/**
	 * The bounding box {@code {x0, y0, x1, y1}} (edges, original pixel units of the embedded region) of the cells
	 * with a positive logit, or {@code null} when there are none.
	 */
	static double[] box(LowResOutput out, int k) {
		float[] logits = out.logits();
		int size = out.size(), base = out.offset(k);
		int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
		for (int j = 0; j < out.validHeight(); j++) {
			int row = base + j * size;
			for (int i = 0; i < out.validWidth(); i++)
				if (logits[row + i] > 0) {
					minX = Math.min(minX, i);
					maxX = Math.max(maxX, i);
					minY = Math.min(minY, j);
					maxY = j;
				}
		}
		if (maxX < 0) return null;
		ResizeGeometry g = out.geometry();
		double cell = g.inputSize() / (double) size;
		return new double[] { Math.max(0, minX * cell / g.scaleX()), Math.max(0, minY * cell / g.scaleY()), Math.min(g
			.originalWidth(), (maxX + 1) * cell / g.scaleX()), Math.min(g.originalHeight(), (maxY + 1) * cell / g
				.scaleY()) };
	}
}
