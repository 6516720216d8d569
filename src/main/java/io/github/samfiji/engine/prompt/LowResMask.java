package io.github.samfiji.engine.prompt;

/**
 * Mask logits in the decoder's low-resolution frame ({@code size x size}, 256 for SAM), which covers the whole
 * model input (image and padding). A decoder returns one per mask; fed back as a mask prompt it refines the next
 * prediction.
 */
public final class LowResMask {

	private final int size;
	private final float[] logits;

	/** @param logits row-major, {@code size * size} values; not copied */
	public LowResMask(int size, float[] logits) {
		if (logits.length != size * size) throw new IllegalArgumentException("Expected " + size * size +
			" logits for a " + size + "x" + size + " mask, got " + logits.length);
		this.size = size;
		this.logits = logits;
	}

	public int size() { return size; }

	/** Row-major logits; not a copy, do not modify. */
	public float[] logits() { return logits; }
}
