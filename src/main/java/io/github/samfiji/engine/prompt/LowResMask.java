package io.github.samfiji.engine.prompt;

/**
 * Mask logits in the decoder's low-resolution frame ({@code size x size}, 256 for SAM), which covers the whole
 * model input (image and padding). A decoder returns one per mask; fed back as a mask prompt it refines the next
 * prediction.
 * <p>
 * The model input is made from the whole plane, or from a crop or tile of it: {@link #frame()} records which
 * rectangle of the plane, so that a mask fed back on another region can be resampled into that region's frame
 * (the engine does this when it chooses the region, see {@code engine.region}).
 */
public final class LowResMask {

	private final int size;
	private final float[] logits;
	private final int[] frame;

	/** Logits in the frame of the whole plane. @param logits row-major, {@code size * size} values; not copied */
	public LowResMask(int size, float[] logits) {
		this(size, logits, null);
	}

	private LowResMask(int size, float[] logits, int[] frame) {
		if (logits.length != size * size) throw new IllegalArgumentException("Expected " + size * size +
			" logits for a " + size + "x" + size + " mask, got " + logits.length);
		this.size = size;
		this.logits = logits;
		this.frame = frame;
	}

	/**
	 * The same logits (shared), marked as belonging to the model input made from the rectangle
	 * {@code (x, y, width, height)} of the plane.
	 */
	public LowResMask inFrame(int x, int y, int width, int height) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Empty frame " + width + "x" + height);
		return new LowResMask(size, logits, new int[] { x, y, width, height });
	}

	/** The plane rectangle {@code {x, y, width, height}} these logits belong to, or null for the whole plane. */
	public int[] frame() { return frame == null ? null : frame.clone(); }

	public int size() { return size; }

	/** Row-major logits; not a copy, do not modify. */
	public float[] logits() { return logits; }
}
