package io.github.samfiji.engine.result;

import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;

/** One segmented object: its number (also its label value), plane, mask, predicted IoU and low-res logits. */
public final class SegmentedObject {

	private final int id;
	private final ObjectPrompt prompt;
	private final ObjectMask mask;
	private final float predictedIou;
	private final LowResMask lowRes;
	private final float stabilityScore;
	private final String region;

	/** An object without a measured stability score. */
	public SegmentedObject(int id, ObjectPrompt prompt, ObjectMask mask, float predictedIou, LowResMask lowRes) {
		this(id, prompt, mask, predictedIou, lowRes, Float.NaN);
	}

	/** @param stabilityScore SAM's stability score, or NaN when not measured */
	public SegmentedObject(int id, ObjectPrompt prompt, ObjectMask mask, float predictedIou, LowResMask lowRes,
		float stabilityScore)
	{
		this(id, prompt, mask, predictedIou, lowRes, stabilityScore, null);
	}

	/**
	 * @param region the part of the plane that was encoded to find it ({@code whole}, {@code crop:x,y,w,h} or
	 *          {@code tile:x,y,w,h}), or null when not recorded
	 */
	public SegmentedObject(int id, ObjectPrompt prompt, ObjectMask mask, float predictedIou, LowResMask lowRes,
		float stabilityScore, String region)
	{
		this.region = region;
		this.id = id;
		this.prompt = prompt;
		this.mask = mask;
		this.predictedIou = predictedIou;
		this.lowRes = lowRes;
		this.stabilityScore = stabilityScore;
	}

	/** The same object with another number. */
	public SegmentedObject withId(int newId) {
		return new SegmentedObject(newId, prompt, mask, predictedIou, lowRes, stabilityScore, region);
	}

	/** Object number from 1, in prompt order; the object's value in the label image. */
	public int id() { return id; }

	/** 1-based plane index. */
	public int slice() { return prompt.slice(); }

	public ObjectPrompt prompt() { return prompt; }

	public ObjectMask mask() { return mask; }

	/** The model's own estimate of the mask's IoU with the true object. */
	public float predictedIou() { return predictedIou; }

	/**
	 * SAM's stability score (IoU of the mask thresholded at logit +1 and -1, by default), measured by segment
	 * everything; NaN for prompted objects.
	 */
	public float stabilityScore() { return stabilityScore; }

	/**
	 * The part of the plane that was encoded to find this object: {@code whole}, {@code crop:x,y,w,h} or
	 * {@code tile:x,y,w,h}; null when not recorded.
	 */
	public String region() { return region; }

	/** Low-resolution logits, to feed back as a mask prompt for refinement (in the frame of {@link #region()}). */
	public LowResMask lowRes() { return lowRes; }

	/** A name for ROIs and tables: the prompt's name, or {@code object-ID}. */
	public String name() {
		return prompt.name() != null && !prompt.name().isEmpty() ? prompt.name() : String.format("object-%04d", id);
	}
}
