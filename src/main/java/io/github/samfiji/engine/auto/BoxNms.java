package io.github.samfiji.engine.auto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression on boxes, as {@code torchvision.ops.nms}: boxes are visited from the highest
 * score down (ties: lower index first), and a box is kept unless its IoU with an already kept box exceeds the
 * threshold. Boxes are {@code {x0, y0, x1, y1}} edges; IoU uses the areas {@code (x1 - x0) * (y1 - y0)}.
 */
public final class BoxNms {

	private BoxNms() {}

	/** @return the indices of the kept boxes, highest score first */
	public static List<Integer> keep(List<double[]> boxes, double[] scores, double iouThreshold) {
		if (boxes.size() != scores.length) throw new IllegalArgumentException(boxes.size() + " boxes but " +
			scores.length + " scores");
		Integer[] order = new Integer[scores.length];
		for (int i = 0; i < order.length; i++) order[i] = i;
		Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
		List<Integer> kept = new ArrayList<>();
		for (int candidate : order) {
			boolean suppressed = false;
			for (int k : kept)
				if (iou(boxes.get(candidate), boxes.get(k)) > iouThreshold) {
					suppressed = true;
					break;
				}
			if (!suppressed) kept.add(candidate);
		}
		return kept;
	}

	/** IoU of two {@code {x0, y0, x1, y1}} boxes; 0 when both are empty. */
	public static double iou(double[] a, double[] b) {
		double iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
		double ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
		double inter = iw <= 0 || ih <= 0 ? 0 : iw * ih;
		double union = area(a) + area(b) - inter;
		return union <= 0 ? 0 : inter / union;
	}

	private static double area(double[] b) {
		return Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
	}
}
