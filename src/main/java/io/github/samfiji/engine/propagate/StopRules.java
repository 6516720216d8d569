package io.github.samfiji.engine.propagate;

import io.github.samfiji.engine.result.SegmentedObject;

import java.util.Locale;

/** The stopping rules of {@link PropagationOptions}, applied to one plane's mask given the previous plane's. */
final class StopRules {

	private StopRules() {}

	/** Why {@code next} ends the object, or {@code null} when it continues it. */
	static String verdict(SegmentedObject next, SegmentedObject previous, PropagationOptions options) {
		int area = next.mask().area();
		if (area == 0) return "empty mask";
		if (next.predictedIou() < options.minPredictedIou()) return String.format(Locale.ROOT,
			"predicted IoU %.3f < %s", next.predictedIou(), options.minPredictedIou());
		double ratio = area / (double) previous.mask().area();
		if (ratio < options.minAreaRatio()) return String.format(Locale.ROOT, "area %d is %.3f of the previous %d (< %s)",
			area, ratio, previous.mask().area(), options.minAreaRatio());
		if (ratio > options.maxAreaRatio()) return String.format(Locale.ROOT,
			"area %d is %.3f times the previous %d (> %s)", area, ratio, previous.mask().area(), options.maxAreaRatio());
		double stepIou = next.mask().iou(previous.mask());
		if (stepIou < options.minStepIou()) return String.format(Locale.ROOT, "IoU %.3f with the previous plane < %s",
			stepIou, options.minStepIou());
		return null;
	}
}
