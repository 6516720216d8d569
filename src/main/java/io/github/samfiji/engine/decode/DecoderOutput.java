package io.github.samfiji.engine.decode;

import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.LowResMask;

import java.util.function.IntFunction;

/**
 * The raw result of one decoder run for one object: {@code K} candidate masks as logits at the original plane size
 * (threshold 0), their predicted IoU, and their low-resolution logits (absent for decoders that take no mask
 * prompt). Candidate 0 is either the single-mask output, followed by the multimask candidates (the official SAM
 * export), or the first of the multimask candidates (SAM2 and EfficientSAM exports); see {@link #hasSingleMask()}.
 * The full-resolution logits may be computed lazily, candidate by candidate, when first asked for
 * ({@link #logits(int)}), so that a caller keeping one candidate of four pays for one upsampling.
 */
public final class DecoderOutput {

	private final int count;
	private final int width;
	private final int height;
	private final float[][] masks;
	private final IntFunction<float[]> upsampler;
	private final float[] iou;
	private final int lowResSize;
	private final float[] lowRes;
	private final boolean singleMask;

	/**
	 * Output in the official SAM layout: one candidate (the single mask), or the single mask followed by the
	 * multimask candidates.
	 *
	 * @param masks {@code count * height * width} logits, candidate-major then row-major; copied
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
		this(count, width, height, (IntFunction<float[]>) null, iou, lowResSize, lowRes, singleMask);
		if (masks.length != (long) count * width * height) throw mismatch();
		for (int k = 0; k < count; k++)
			this.masks[k] = java.util.Arrays.copyOfRange(masks, k * width * height, (k + 1) * width * height);
	}

	/**
	 * Output whose full-resolution logits are made on demand from the low-resolution ones.
	 *
	 * @param upsampler candidate index -> its {@code height * width} logits, called at most once per candidate
	 * @param lowRes {@code count * lowResSize * lowResSize} logits; not copied
	 */
	public DecoderOutput(int count, int width, int height, IntFunction<float[]> upsampler, float[] iou,
		int lowResSize, float[] lowRes, boolean singleMask)
	{
		if (iou.length != count || lowRes != null && lowRes.length != (long) count * lowResSize * lowResSize)
			throw mismatch(count, width, height);
		this.count = count;
		this.width = width;
		this.height = height;
		this.masks = new float[count][];
		this.upsampler = upsampler;
		this.iou = iou;
		this.lowResSize = lowResSize;
		this.lowRes = lowRes;
		this.singleMask = singleMask || count == 1;
	}

	private IllegalArgumentException mismatch() {
		return mismatch(count, width, height);
	}

	private static IllegalArgumentException mismatch(int count, int width, int height) {
		return new IllegalArgumentException("Decoder output sizes do not match " + count + " masks of " + width + "x" +
			height);
	}

	/** Number of candidate masks {@code K}. */
	public int count() { return count; }

	public int width() { return width; }

	public int height() { return height; }

	/** All mask logits (a new array, every candidate computed); candidate {@code k} starts at {@link #maskOffset}. */
	public float[] maskLogits() {
		float[] all = new float[count * width * height];
		for (int k = 0; k < count; k++)
			System.arraycopy(logits(k), 0, all, maskOffset(k), width * height);
		return all;
	}

	/** Candidate {@code k}'s {@code height * width} logits, row-major; computed on first use. Not a copy. */
	public synchronized float[] logits(int k) {
		if (masks[k] == null) {
			float[] m = upsampler.apply(k);
			if (m.length != width * height) throw mismatch();
			masks[k] = m;
		}
		return masks[k];
	}

	public int maskOffset(int k) { return k * width * height; }

	public float predictedIou(int k) { return iou[k]; }

	/** Number of pixels of candidate {@code k} (logit above 0). */
	public int area(int k) {
		int n = 0;
		for (float v : logits(k))
			if (v > 0) n++;
		return n;
	}

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
