package io.github.samfiji.engine.preprocess;

/**
 * The encoder's input for one plane: a {@code [1, 3, S, S]} float tensor in NCHW order, and the geometry that maps
 * the original plane into it.
 */
public final class ModelInput {

	private final float[] tensor;
	private final ResizeGeometry geometry;
	private final RgbPlane source;

	ModelInput(float[] tensor, ResizeGeometry geometry, RgbPlane source) {
		this.tensor = tensor;
		this.geometry = geometry;
		this.source = source;
	}

	/** The tensor data, {@code 3 * S * S} floats, channel-major. Not copied: do not modify. */
	public float[] tensor() { return tensor; }

	public long[] shape() {
		long s = geometry.inputSize();
		return new long[] { 1, 3, s, s };
	}

	public ResizeGeometry geometry() { return geometry; }

	/** Grey value mapped to 0 (NaN when the plane was used as it is). */
	public double mappedMin() { return source.mappedMin(); }

	/** Grey value mapped to 255 (NaN when the plane was used as it is). */
	public double mappedMax() { return source.mappedMax(); }
}
