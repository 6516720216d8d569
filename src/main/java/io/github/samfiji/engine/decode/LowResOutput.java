package io.github.samfiji.engine.decode;

import io.github.samfiji.engine.model.ModelDescriptor.MaskUpsampling;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.LowResMask;

/**
 * A decoder run's candidates at low resolution only: {@code K} square {@code size x size} logit maps covering the
 * model's padded input frame (for SAM, 256x256 over 1024x1024), their predicted IoU, and the geometry that maps
 * them back to the plane. Cheaper than a {@link DecoderOutput}: filters that discard most masks (segment
 * everything) look at these, and only the masks they keep are brought to full resolution with
 * {@link MaskUpsampler}.
 */
public final class LowResOutput {

	private final int count;
	private final int size;
	private final float[] logits;
	private final float[] iou;
	private final ResizeGeometry geometry;
	private final boolean singleMask;
	private final MaskUpsampling upsampling;

	/**
	 * Output in the official SAM layout (candidate 0 the single-mask output when there are several), upsampled as
	 * logits.
	 *
	 * @param logits {@code count * size * size}, candidate-major then row-major; not copied
	 */
	public LowResOutput(int count, int size, float[] logits, float[] iou, ResizeGeometry geometry) {
		this(count, size, logits, iou, geometry, true, MaskUpsampling.LOGITS);
	}

	/**
	 * @param singleMask whether candidate 0 is the single-mask output (false for SAM2 and EfficientSAM exports)
	 * @param upsampling how {@link #fullResolution} interpolates (the model descriptor's choice)
	 */
	public LowResOutput(int count, int size, float[] logits, float[] iou, ResizeGeometry geometry, boolean singleMask,
		MaskUpsampling upsampling)
	{
		if (logits.length != (long) count * size * size || iou.length != count) throw new IllegalArgumentException(
			"Low-resolution output sizes do not match " + count + " masks of " + size + "x" + size);
		this.count = count;
		this.size = size;
		this.logits = logits;
		this.iou = iou;
		this.geometry = geometry;
		this.singleMask = singleMask || count == 1;
		this.upsampling = upsampling;
	}

	/** Whether candidate 0 is the single-mask output (see {@link DecoderOutput#hasSingleMask()}). */
	public boolean hasSingleMask() { return singleMask; }

	public int count() { return count; }

	/** Side of each low-resolution map. */
	public int size() { return size; }

	/** All logits; candidate {@code k} starts at {@link #offset(int)}. Not a copy. */
	public float[] logits() { return logits; }

	public int offset(int k) { return k * size * size; }

	public float predictedIou(int k) { return iou[k]; }

	/** Number of low-resolution cells of candidate {@code k} above 0 within the valid (unpadded) part. */
	public int area(int k) {
		int n = 0, w = validWidth(), h = validHeight();
		for (int y = 0; y < h; y++)
			for (int x = 0, i = offset(k) + y * size; x < w; x++, i++)
				if (logits[i] > 0) n++;
		return n;
	}

	public ResizeGeometry geometry() { return geometry; }

	/** Number of low-resolution columns that cover the resized plane (the rest is padding). */
	public int validWidth() { return validExtent(geometry.scaledWidth()); }

	/** Number of low-resolution rows that cover the resized plane. */
	public int validHeight() { return validExtent(geometry.scaledHeight()); }

	private int validExtent(int scaled) {
		return Math.min(size, (int) Math.ceil(scaled * (double) size / geometry.inputSize()));
	}

	/** Candidate {@code k} as a mask prompt (a copy). */
	public LowResMask mask(int k) {
		float[] copy = new float[size * size];
		System.arraycopy(logits, offset(k), copy, 0, copy.length);
		return new LowResMask(size, copy);
	}

	/** Candidate {@code k}'s logits at the plane's full resolution (see {@link MaskUpsampler}). */
	public float[] fullResolution(int k) {
		return MaskUpsampler.toPlane(logits, offset(k), size, geometry, upsampling);
	}
}
