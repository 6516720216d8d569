package io.github.samfiji.engine.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores a predicted label image against a truth label image of the same size (see {@link MatchScores} for the
 * measures and {@link InstanceMatcher} for the matching). The two images are only read; label values need not
 * correspond between them.
 */
public final class SegmentationEvaluator {

	/** How the planes of a stack are scored. */
	public enum Mode {
		/** Each plane on its own: a label on two planes is two objects. One score per plane. */
		PER_PLANE,
		/** The stack as one volume: a label is one 3D object across planes, IoU counted in voxels. One score. */
		VOLUME;

		/** Parses {@code per_plane} (or {@code plane}) and {@code volume} (or {@code 3d}), case-insensitive. */
		public static Mode parse(String text) {
			String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
			if (t.equals("per_plane") || t.equals("plane")) return PER_PLANE;
			if (t.equals("volume") || t.equals("3d")) return VOLUME;
			throw new IllegalArgumentException("Unknown evaluation mode '" + text + "': use per_plane or volume");
		}
	}

	private SegmentationEvaluator() {}

	/**
	 * @throws IllegalArgumentException when the two images differ in width, height or number of planes
	 */
	public static Evaluation evaluate(LabelPlanes truth, LabelPlanes predicted, Mode mode) {
		if (truth.width() != predicted.width() || truth.height() != predicted.height() || truth
			.planeCount() != predicted.planeCount()) throw new IllegalArgumentException("The label images differ in size: " +
				describe(truth) + " (truth) vs " + describe(predicted) + " (prediction); evaluate images of the same size");
		List<MatchScores> scores = new ArrayList<>();
		if (mode == Mode.VOLUME) {
			ObjectOverlaps overlaps = new ObjectOverlaps();
			for (int z = 1; z <= truth.planeCount(); z++)
				overlaps.add(truth.plane(z), predicted.plane(z));
			scores.add(MatchScores.of(overlaps));
		}
		else for (int z = 1; z <= truth.planeCount(); z++) {
			ObjectOverlaps overlaps = new ObjectOverlaps();
			overlaps.add(truth.plane(z), predicted.plane(z));
			scores.add(MatchScores.of(overlaps));
		}
		return new Evaluation(mode, scores);
	}

	/** Scores one pair of 16-bit label planes (unsigned, row-major), e.g. two {@code SegmentationResult} planes. */
	public static MatchScores evaluate(short[] truth, short[] predicted, int width, int height) {
		return evaluate(LabelPlanes.ofUnsignedShorts(width, height, truth), LabelPlanes.ofUnsignedShorts(width, height,
			predicted), Mode.PER_PLANE).scores().get(0);
	}

	private static String describe(LabelPlanes l) {
		return l.width() + "x" + l.height() + (l.planeCount() > 1 ? "x" + l.planeCount() : "");
	}
}
