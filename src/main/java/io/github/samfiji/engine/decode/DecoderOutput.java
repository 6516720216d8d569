package io.github.samfiji.engine.decode;

import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.LowResMask;

/**
 * The raw result of one decoder run for one object: {@code K} candidate masks as logits at the original plane size
 * (threshold 0), their predicted IoU, and their low-resolution logits.
 */
public final class DecoderOutput {

	private final int count;
	private final int width;
	private final int height;
	private final float[] masks;
	private final float[] iou;
	private final int lowResSize;
	private final float[] lowRes;

	/**
	 * @param masks {@code count * height * width} logits, candidate-major then row-major; not copied
	 * @param lowRes {@code count * lowResSize * lowResSize} logits; not copied
	 */
	public DecoderOutput(int count, int width, int height, float[] masks, float[] iou, int lowResSize,
		float[] lowRes)
	{
		if (masks.length != (long) count * width * height || iou.length != count || lowRes.length != (long) count *
			lowResSize * lowResSize) throw new IllegalArgumentException("Decoder output sizes do not match " + count +
				" masks of " + width + "x" + height);
		this.count = count;
		this.width = width;
		this.height = height;
		this.masks = masks;
		this.iou = iou;
		this.lowResSize = lowResSize;
		this.lowRes = lowRes;
	}

	/** Number of candidate masks {@code K}. */
	public int count() { return count; }

	public int width() { return width; }

	public int height() { return height; }

	/** All mask logits; candidate {@code k} starts at {@link #maskOffset(int)}. Not a copy. */
	public float[] maskLogits() { return masks; }

	public int maskOffset(int k) { return k * width * height; }

	public float predictedIou(int k) { return iou[k]; }

	/** The low-resolution part of this output (sharing its arrays). */
	public LowResOutput lowResOutput(ResizeGeometry geometry) {
		return new LowResOutput(count, lowResSize, lowRes, iou, geometry);
	}

	/** Candidate {@code k}'s low-resolution logits (a copy, safe to keep). */
	public LowResMask lowRes(int k) {
		int n = lowResSize * lowResSize;
		float[] copy = new float[n];
		System.arraycopy(lowRes, k * n, copy, 0, n);
		return new LowResMask(lowResSize, copy);
	}
}
