package io.github.samfiji.engine.preprocess;

/**
 * The encoder's input for one plane: a float tensor and its shape (usually {@code [1, 3, S, S]} in NCHW order;
 * see {@link io.github.samfiji.engine.model.Preprocessing.InputLayout} for the others), and the geometry that maps
 * the original plane into the model frame.
 */
public final class ModelInput {

	/** Tensor values and shape. */
	static final class Tensor {

		final float[] values;
		final long[] shape;

		Tensor(float[] values, long[] shape) {
			this.values = values;
			this.shape = shape;
		}
	}

	private final Tensor tensor;
	private final ResizeGeometry geometry;
	private final RgbPlane source;

	ModelInput(Tensor tensor, ResizeGeometry geometry, RgbPlane source) {
		this.tensor = tensor;
		this.geometry = geometry;
		this.source = source;
	}

	/** The tensor data in the order of {@link #shape()}. Not copied: do not modify. */
	public float[] tensor() { return tensor.values; }

	/** The tensor's shape, e.g. {@code [1, 3, 1024, 1024]}. */
	public long[] shape() { return tensor.shape.clone(); }

	public ResizeGeometry geometry() { return geometry; }

	/** Grey value mapped to 0 (NaN when the plane was used as it is). */
	public double mappedMin() { return source.mappedMin(); }

	/** Grey value mapped to 255 (NaN when the plane was used as it is). */
	public double mappedMax() { return source.mappedMax(); }
}
