package io.github.samfiji.engine.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of a truth and a predicted label image over the same pixels, and every pair of them that shares at
 * least one pixel, with its intersection and union in pixels. Filled plane by plane with {@link #add}: one plane
 * for 2D objects, all planes of a stack for 3D objects.
 */
final class ObjectOverlaps {

	private final Map<Integer, Long> truthAreas = new HashMap<>();
	private final Map<Integer, Long> predictedAreas = new HashMap<>();
	private final Map<Long, Long> intersections = new HashMap<>();

	/** Counts the pixels of one pair of planes (same length, 0 = background). */
	void add(int[] truth, int[] predicted) {
		if (truth.length != predicted.length) throw new IllegalArgumentException("The label planes differ in size: " +
			truth.length + " vs " + predicted.length + " pixels");
		for (int i = 0; i < truth.length; i++) {
			int t = truth[i], p = predicted[i];
			if (t != 0) truthAreas.merge(t, 1L, Long::sum);
			if (p != 0) predictedAreas.merge(p, 1L, Long::sum);
			if (t != 0 && p != 0) intersections.merge(((long) t << 32) | p, 1L, Long::sum);
		}
	}

	int truthCount() { return truthAreas.size(); }

	int predictedCount() { return predictedAreas.size(); }

	/** Every overlapping pair, sorted by decreasing IoU, ties by truth label then predicted label. */
	List<Pair> pairs() {
		List<Pair> pairs = new ArrayList<>();
		for (Map.Entry<Long, Long> e : intersections.entrySet()) {
			int t = (int) (e.getKey() >>> 32), p = (int) (long) e.getKey();
			long inter = e.getValue();
			pairs.add(new Pair(t, p, inter, truthAreas.get(t) + predictedAreas.get(p) - inter));
		}
		Collections.sort(pairs);
		return pairs;
	}

	/** A truth object and a predicted object that overlap. */
	static final class Pair implements Comparable<Pair> {

		final int truth;
		final int predicted;
		final long intersection;
		final long union;

		Pair(int truth, int predicted, long intersection, long union) {
			this.truth = truth;
			this.predicted = predicted;
			this.intersection = intersection;
			this.union = union;
		}

		double iou() { return intersection / (double) union; }

		/** Whether the IoU is at least {@code percent} / 100, compared exactly in integers. */
		boolean atLeast(int percent) {
			return intersection * 100 >= (long) percent * union;
		}

		@Override
		public int compareTo(Pair o) {
			int byIou = Long.compare(o.intersection * union, intersection * o.union); // exact: decreasing IoU
			if (byIou != 0) return byIou;
			return truth != o.truth ? Integer.compare(truth, o.truth) : Integer.compare(predicted, o.predicted);
		}
	}
}
