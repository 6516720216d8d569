package io.github.samfiji.engine.evaluate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Instance-segmentation scores of a prediction against the truth (one plane, one 3D volume, or counts pooled over
 * several): object counts, true positives at each IoU threshold of {@link #THRESHOLDS} (0.50, 0.55, ..., 0.95) and
 * the measures derived from them. A true positive at {@code t} is a one-to-one matched pair with IoU {@code >= t};
 * false positives are the other predicted objects, false negatives the other truth objects.
 * <p>
 * <b>Empty denominators</b>: a ratio with nothing to count is 1, so an image with no objects in either label image
 * scores 1 everywhere; an empty prediction against a non-empty truth has precision 1 (no false positive), recall 0,
 * F1 0 and SA 0. Mean matched IoU is NaN when nothing matched. Immutable.
 */
public final class MatchScores {

	/** The IoU thresholds of the mean segmentation accuracy, in percent: 50, 55, ..., 95. */
	private static final int[] PERCENTS = { 50, 55, 60, 65, 70, 75, 80, 85, 90, 95 };
	/** The IoU thresholds of the mean segmentation accuracy: 0.50, 0.55, ..., 0.95. */
	public static final List<Double> THRESHOLDS = thresholds();

	private final long truthObjects;
	private final long predictedObjects;
	private final long[] truePositives;
	private final double matchedIouSum;

	/**
	 * @param truePositives matched pairs with IoU at least each of {@link #THRESHOLDS}, in that order
	 * @param matchedIouSum sum of the IoUs of the pairs matched at 0.5
	 */
	MatchScores(long truthObjects, long predictedObjects, long[] truePositives, double matchedIouSum) {
		if (truePositives.length != PERCENTS.length) throw new IllegalArgumentException("Need " + PERCENTS.length +
			" true-positive counts, got " + truePositives.length);
		this.truthObjects = truthObjects;
		this.predictedObjects = predictedObjects;
		this.truePositives = truePositives.clone();
		this.matchedIouSum = matchedIouSum;
	}

	/** The scores of one matching. */
	static MatchScores of(ObjectOverlaps overlaps) {
		List<ObjectOverlaps.Pair> matched = InstanceMatcher.match(overlaps);
		long[] tp = new long[PERCENTS.length];
		double iouSum = 0;
		for (ObjectOverlaps.Pair p : matched) {
			iouSum += p.iou();
			for (int i = 0; i < PERCENTS.length; i++)
				if (p.atLeast(PERCENTS[i])) tp[i]++;
		}
		return new MatchScores(overlaps.truthCount(), overlaps.predictedCount(), tp, iouSum);
	}

	/** Counts summed over several scores (objects of different planes or images are different objects). */
	public static MatchScores pooled(List<MatchScores> parts) {
		long truth = 0, predicted = 0;
		long[] tp = new long[PERCENTS.length];
		double iouSum = 0;
		for (MatchScores s : parts) {
			truth += s.truthObjects;
			predicted += s.predictedObjects;
			iouSum += s.matchedIouSum;
			for (int i = 0; i < tp.length; i++) tp[i] += s.truePositives[i];
		}
		return new MatchScores(truth, predicted, tp, iouSum);
	}

	/** The mean of {@link #meanAccuracy()} over several scores (micro-sam's per-image average); NaN for none. */
	public static double meanOfMeanAccuracies(List<MatchScores> scores) {
		double sum = 0;
		for (MatchScores s : scores) sum += s.meanAccuracy();
		return scores.isEmpty() ? Double.NaN : sum / scores.size();
	}

	private static List<Double> thresholds() {
		Double[] t = new Double[PERCENTS.length];
		for (int i = 0; i < t.length; i++) t[i] = PERCENTS[i] / 100.0;
		return List.of(t);
	}

	/** Objects in the truth. */
	public long truthObjects() { return truthObjects; }

	/** Objects in the prediction. */
	public long predictedObjects() { return predictedObjects; }

	/** True positives at IoU 0.5. */
	public long truePositives() { return truePositives[0]; }

	/** Predicted objects without a match at IoU 0.5. */
	public long falsePositives() { return predictedObjects - truePositives[0]; }

	/** Truth objects without a match at IoU 0.5. */
	public long falseNegatives() { return truthObjects - truePositives[0]; }

	/** True positives at threshold {@code THRESHOLDS.get(i)}. */
	public long truePositivesAt(int i) { return truePositives[i]; }

	/** TP / (TP + FP) at IoU 0.5. */
	public double precision() { return ratio(truePositives[0], predictedObjects); }

	/** TP / (TP + FN) at IoU 0.5. */
	public double recall() { return ratio(truePositives[0], truthObjects); }

	/** 2 TP / (2 TP + FP + FN) at IoU 0.5 (the harmonic mean of precision and recall). */
	public double f1() { return ratio(2 * truePositives[0], truthObjects + predictedObjects); }

	/** Segmentation accuracy TP / (TP + FP + FN) at threshold {@code THRESHOLDS.get(i)}. */
	public double accuracyAt(int i) {
		long tp = truePositives[i];
		return ratio(tp, truthObjects + predictedObjects - tp);
	}

	/** Segmentation accuracy at IoU 0.5: TP / (TP + FP + FN). */
	public double accuracy50() { return accuracyAt(0); }

	/** Mean segmentation accuracy: the mean of {@link #accuracyAt} over the ten thresholds 0.50-0.95. */
	public double meanAccuracy() {
		double sum = 0;
		for (int i = 0; i < PERCENTS.length; i++) sum += accuracyAt(i);
		return sum / PERCENTS.length;
	}

	/** Mean IoU of the pairs matched at 0.5; NaN when none matched. */
	public double meanMatchedIou() { return truePositives[0] == 0 ? Double.NaN : matchedIouSum / truePositives[0]; }

	private static double ratio(long numerator, long denominator) {
		return denominator == 0 ? 1 : numerator / (double) denominator;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%d truth, %d predicted, TP %d FP %d FN %d at IoU 0.5: precision %.3f, " +
			"recall %.3f, F1 %.3f, SA@0.5 %.3f, mSA %.3f, mean matched IoU %.3f (TP per threshold %s)", truthObjects,
			predictedObjects, truePositives(), falsePositives(), falseNegatives(), precision(), recall(), f1(),
			accuracy50(), meanAccuracy(), meanMatchedIou(), Arrays.toString(truePositives));
	}
}
