package io.github.samfiji.engine.onnx;

import io.github.samfiji.engine.preprocess.ResizeGeometry;

import java.util.Arrays;

/**
 * The encoder's output for one plane, with the geometry that maps the plane into the model input. One embedding
 * serves any number of prompts on that plane. Holds the encoder outputs as plain float arrays (no native memory),
 * in the order the model descriptor lists them.
 */
public final class ImageEmbedding {

	private final String modelId;
	private final ResizeGeometry geometry;
	private final float[][] tensors;
	private final long[][] shapes;

	public ImageEmbedding(String modelId, ResizeGeometry geometry, float[][] tensors, long[][] shapes) {
		if (tensors.length == 0 || tensors.length != shapes.length) throw new IllegalArgumentException(
			"An embedding needs one shape per tensor");
		this.modelId = modelId;
		this.geometry = geometry;
		this.tensors = tensors;
		this.shapes = shapes;
	}

	/** Id of the model that computed it; an embedding only fits that model's decoder. */
	public String modelId() { return modelId; }

	public ResizeGeometry geometry() { return geometry; }

	public int tensorCount() { return tensors.length; }

	/** Encoder output {@code i}; not a copy, do not modify. */
	public float[] tensor(int i) { return tensors[i]; }

	public long[] shape(int i) { return shapes[i].clone(); }

	/** Memory held by the tensors, in bytes. */
	public long sizeInBytes() {
		long n = 0;
		for (float[] t : tensors) n += 4L * t.length;
		return n;
	}

	@Override
	public String toString() {
		return "ImageEmbedding[" + modelId + ", " + geometry + ", " + Arrays.deepToString(shapes) + "]";
	}
}
