package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.ObjectMask;

/**
 * A mask proposed by one decoder run of adaptive prompting that passed the filters, with the prompt that made it,
 * its predicted IoU and stability score, and where it came from (the pass and the prompt's index in it).
 */
final class Proposal {

	final ObjectPrompt prompt;
	final ObjectMask mask;
	final float iou;
	final float stability;
	final int index;
	/** The part of the plane it was decoded on ({@code whole}, {@code crop:...}, {@code tile:...}). */
	final String region;

	Proposal(ObjectPrompt prompt, ObjectMask mask, float iou, float stability, int index) {
		this(prompt, mask, iou, stability, index, "whole");
	}

	Proposal(ObjectPrompt prompt, ObjectMask mask, float iou, float stability, int index, String region) {
		this.region = region;
		this.prompt = prompt;
		this.mask = mask;
		this.iou = iou;
		this.stability = stability;
		this.index = index;
	}

	/** The box {@code {x0, y0, x1, y1}} (pixel edges) of the mask. */
	double[] box() {
		return new double[] { mask.boundsX(), mask.boundsY(), mask.boundsX() + mask.boundsWidth(), mask.boundsY() + mask
			.boundsHeight() };
	}
}
