package io.github.samfiji.engine.decode;

import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.LowResMask;

/**
 * The raw result of one decoder run for one object: {@code K} candidate masks as logits at the original plane size
 * (threshold 0), their predicted IoU, and their low-resolution logits (absent for decoders that take no mask
 * prompt). Candidate 0 is either the single-mask output, followed by the multimask candidates (the official SAM
 * export), or the first of the multimask candidates (SAM2 and EfficientSAM exports); see {@link #hasSingleMask()}.
 */
public final class DecoderOutput {

	private final int count;
	private final int width;
	private final int height;
	private final float[] masks;
	private final float[] iou;
	private final int lowResSize;
	private final float[] lowRes;
	private final boolean singleMask;

	/**
	 * Output in the official SAM layout: one candidate (the single mask), or the single mask followed by the
	 * multimask candidates.
	 *
	 * @param masks {@code count * height * width} logits, candidate-major then row-major; not copied
	 * @param lowRes {@code count * lowResSize * lowResSize} logits; not copied
	 */
	public DecoderOutput(int count, int width, int height, float[] masks, float[] iou, int lowResSize,
		float[] lowRes)
	{
		this(count, width, height, masks, iou, lowResSize, lowRes, true);
	}

	/**
	 * @param lowRes {@code count * lowResSize * lowResSize} logits, or {@code null} when the decoder returns none
	 * @param singleMask whether candidate 0 is the single-mask output (false: all candidates are multimask ones)
	 */
	public DecoderOutput(int count, int width, int height, float[] masks, float[] iou, int lowResSize,
		float[] lowRes, boolean singleMask)
	{
		if (masks.length != (long) count * width * height || iou.length != count || lowRes != null && lowRes
			.length != (long) count * lowResSize * lowResSize) throw new IllegalArgumentException(
				"Decoder output sizes do not match " + count + " masks of " + width + "x" + height);
		this.count = count;
		this.width = width;
		this.height = height;
		this.masks = masks;
		this.iou = iou;
		this.lowResSize = lowResSize;
		this.lowRes = lowRes;
		this.singleMask = singleMask || count == 1;
	}

	/** Number of candidate masks {@code K}. */
	public int count() { return count; }

	public int width() { return width; }

	public int height() { return height; }

	/** All mask logits; candidate {@code k} starts at {@link #maskOffset(int)}. Not a copy. */
	public float[] maskLogits() { return masks; }

	public int maskOffset(int k) { return k * width * height; }

	public float predictedIou(int k) { return iou[k]; }

	/** Whether candidate 0 is the single-mask output (always true with one candidate). */
	public boolean hasSingleMask() { return singleMask; }

	/** Index of the first multimask candidate: 1 after a single-mask output, else 0. */
	public int firstMultimask() { return singleMask && count > 1 ? 1 : 0; }

	/**
	 * The low-resolution part of this output (sharing its arrays).
	 *
	 * @throws IllegalStateException when the decoder returns no low-resolution masks (EfficientSAM)
	 */
	public LowResOutput lowResOutput(ResizeGeometry geometry) {
		if (lowRes == null) throw new IllegalStateException(
			"This model's decoder returns no low-resolution masks; use a model of another family for this");
		return new LowResOutput(count, lowResSize, lowRes, iou, geometry, singleMask,
			io.github.samfiji.engine.model.ModelDescriptor.MaskUpsampling.LOGITS);
	}

	/** Candidate {@code k}'s low-resolution logits (a copy, safe to keep), or {@code null} when the decoder gives none. */
	public LowResMask lowRes(int k) {
		if (lowRes == null) return null;
		int n = lowResSize * lowResSize;
		float[] copy = new float[n];
		System.arraycopy(lowRes, k * n, copy, 0, n);
		return new LowResMask(lowResSize, copy);
	}
}
