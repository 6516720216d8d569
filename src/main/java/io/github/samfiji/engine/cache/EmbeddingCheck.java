package io.github.samfiji.engine.cache;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;

import java.util.Arrays;

/**
 * What an embedding read back from a store (a file anyone could have crafted, with a valid checksum) must be to
 * serve a request: its tensors hold as many values as their shapes say, all finite; and, where known, it was
 * computed by the expected model, for a plane of the expected geometry, with the shapes the model's encoder gives
 * ({@code -1} for a dimension the model leaves open). Immutable.
 */
public final class EmbeddingCheck {

	private static final EmbeddingCheck CONSISTENT = new EmbeddingCheck(null, null, null);

	private final String modelId;
	private final ResizeGeometry geometry;
	private final long[][] shapes;

	private EmbeddingCheck(String modelId, ResizeGeometry geometry, long[][] shapes) {
		this.modelId = modelId;
		this.geometry = geometry;
		this.shapes = shapes;
	}

	/** Checks only that the embedding is consistent in itself (values match shapes, all finite). */
	public static EmbeddingCheck consistent() { return CONSISTENT; }

	/**
	 * @param modelId the model's id ({@link ImageEmbedding#modelId()})
	 * @param geometry the geometry of the plane or region the embedding is wanted for
	 * @param shapes the encoder's output shapes, {@code -1} for open dimensions
	 */
	public static EmbeddingCheck of(String modelId, ResizeGeometry geometry, long[][] shapes) {
		long[][] copy = new long[shapes.length][];
		for (int i = 0; i < shapes.length; i++) copy[i] = shapes[i].clone();
		return new EmbeddingCheck(modelId, geometry, copy);
	}

	/** Why {@code e} cannot serve, e.g. "it holds NaN or infinite values"; {@code null} when it can. */
	public String problem(ImageEmbedding e) {
		if (modelId != null && !modelId.equals(e.modelId())) return "it was computed by model '" + e.modelId() +
			"', not '" + modelId + "'";
		if (geometry != null && !geometry.equals(e.geometry())) return "its geometry (" + e.geometry() +
			") is not the plane's (" + geometry + ")";
		if (shapes != null && shapes.length != e.tensorCount()) return "it has " + e.tensorCount() +
			" tensor(s), the model's encoder gives " + shapes.length;
		for (int t = 0; t < e.tensorCount(); t++) {
			String problem = tensorProblem(e, t);
			if (problem != null) return problem;
		}
		return null;
	}

	private String tensorProblem(ImageEmbedding e, int t) {
		long[] shape = e.shape(t);
		long count = 1;
		for (long d : shape) {
			if (d < 0 || count > Integer.MAX_VALUE) return "tensor " + (t + 1) + " has the shape " + Arrays.toString(shape);
			count *= d;
		}
		if (count != e.tensor(t).length) return "tensor " + (t + 1) + " has the shape " + Arrays.toString(shape) +
			" but " + e.tensor(t).length + " values";
		if (shapes != null && !fits(shape, shapes[t])) return "tensor " + (t + 1) + " has the shape " + Arrays.toString(
			shape) + ", the model's encoder gives " + Arrays.toString(shapes[t]);
		for (float v : e.tensor(t))
			if (!Float.isFinite(v)) return "tensor " + (t + 1) + " holds NaN or infinite values";
		return null;
	}

	private static boolean fits(long[] shape, long[] expected) {
		if (shape.length != expected.length) return false;
		for (int d = 0; d < shape.length; d++)
			if (expected[d] >= 0 && expected[d] != shape[d]) return false;
		return true;
	}
}
