package io.github.samfiji.realmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instance-segmentation scores of a predicted label plane against a ground-truth label plane: objects are matched
 * one-to-one at IoU >= 0.5 (greedily by decreasing IoU; above 0.5 a match is unique anyway), giving true positives,
 * false positives (unmatched predictions) and false negatives (unmatched ground truth), and the mean IoU of the
 * matched pairs. Sums over several images with {@link #add}.
 */
final class InstanceMatching {

	int predicted;
	int truth;
	int matched;
	double matchedIouSum;

	/** Adds one image; both planes row-major, values as unsigned shorts, 0 = background. */
	void add(short[] prediction, short[] groundTruth) {
		Map<Integer, Integer> predArea = new HashMap<>(), truthArea = new HashMap<>();
		Map<Long, Integer> pairs = new HashMap<>();
		for (int i = 0; i < prediction.length; i++) {
			int p = prediction[i] & 0xffff, t = groundTruth[i] & 0xffff;
			if (p != 0) predArea.merge(p, 1, Integer::sum);
			if (t != 0) truthArea.merge(t, 1, Integer::sum);
			if (p != 0 && t != 0) pairs.merge(((long) p << 32) | t, 1, Integer::sum);
		}
		List<double[]> candidates = new ArrayList<>(); // {iou, p, t}
		for (Map.Entry<Long, Integer> e : pairs.entrySet()) {
			int p = (int) (e.getKey() >>> 32), t = (int) (long) e.getKey();
			int inter = e.getValue();
			double iou = inter / (double) (predArea.get(p) + truthArea.get(t) - inter);
			if (iou >= 0.5) candidates.add(new double[] { iou, p, t });
		}
		candidates.sort((a, b) -> Double.compare(b[0], a[0]));
		Map<Integer, Boolean> usedP = new HashMap<>(), usedT = new HashMap<>();
		for (double[] c : candidates) {
			int p = (int) c[1], t = (int) c[2];
			if (usedP.containsKey(p) || usedT.containsKey(t)) continue;
			usedP.put(p, true);
			usedT.put(t, true);
			matched++;
			matchedIouSum += c[0];
		}
		predicted += predArea.size();
		truth += truthArea.size();
	}

	double precision() { return predicted == 0 ? 0 : matched / (double) predicted; }

	double recall() { return truth == 0 ? 0 : matched / (double) truth; }

	double f1() {
		double p = precision(), r = recall();
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}

	double meanMatchedIou() { return matched == 0 ? Double.NaN : matchedIouSum / matched; }

	@Override
	public String toString() {
		return String.format("%d objects found (%d in ground truth), %d matched at IoU>=0.5: precision %.3f, " +
			"recall %.3f, F1 %.3f, mean IoU of matches %.3f", predicted, truth, matched, precision(), recall(), f1(),
			meanMatchedIou());
	}
}
