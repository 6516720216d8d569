package io.github.samfiji.engine.evaluate;

import java.util.Collections;
import java.util.List;

/**
 * The result of {@link SegmentationEvaluator#evaluate}: in {@link SegmentationEvaluator.Mode#PER_PLANE} mode one
 * {@link MatchScores} per plane (plane 1 first), in {@link SegmentationEvaluator.Mode#VOLUME} mode one for the
 * whole stack; plus their pooled counts and the mean of their mean segmentation accuracies. Immutable.
 */
public final class Evaluation {

	private final SegmentationEvaluator.Mode mode;
	private final List<MatchScores> scores;

	Evaluation(SegmentationEvaluator.Mode mode, List<MatchScores> scores) {
		this.mode = mode;
		this.scores = Collections.unmodifiableList(scores);
	}

	public SegmentationEvaluator.Mode mode() { return mode; }

	/** One entry per plane (per-plane mode) or a single entry (volume mode). */
	public List<MatchScores> scores() { return scores; }

	/** Counts summed over {@link #scores()} (the same as the single entry in volume mode). */
	public MatchScores pooled() { return MatchScores.pooled(scores); }

	/** The mean over {@link #scores()} of {@link MatchScores#meanAccuracy()} (micro-sam's per-image average). */
	public double meanOfMeanAccuracies() { return MatchScores.meanOfMeanAccuracies(scores); }
}
