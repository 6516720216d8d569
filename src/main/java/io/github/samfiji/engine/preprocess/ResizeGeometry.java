package io.github.samfiji.engine.preprocess;

import io.github.samfiji.engine.model.Preprocessing;

/**
 * How an original plane of {@code originalWidth x originalHeight} pixels sits in the model's square input.
 * <p>
 * Coordinates are continuous: pixel column {@code i} covers {@code [i, i+1)} and its centre is {@code i + 0.5}.
 * A position {@code x} in the original maps to {@code x * scaleX()} in the model frame, exactly; the resized image
 * occupies {@code [0, scaledWidth) x [0, scaledHeight)} and the rest of the input is padding. For the
 * longest-side rule the scaled size is {@code floor(side * inputSize / longestSide + 0.5)}, as in SAM's
 * {@code ResizeLongestSide.get_preprocess_shape}, so {@code scaleX()} and {@code scaleY()} can differ slightly.
 */
public final class ResizeGeometry {

	private final int originalWidth;
	private final int originalHeight;
	private final int inputSize;
	private final int scaledWidth;
	private final int scaledHeight;
	private final boolean stretched;

	private ResizeGeometry(int originalWidth, int originalHeight, int inputSize, int scaledWidth, int scaledHeight,
		boolean stretched)
	{
		this.originalWidth = originalWidth;
		this.originalHeight = originalHeight;
		this.inputSize = inputSize;
		this.scaledWidth = scaledWidth;
		this.scaledHeight = scaledHeight;
		this.stretched = stretched;
	}

	/** The geometry of a {@code width x height} plane under a model's preprocessing. */
	public static ResizeGeometry of(int width, int height, Preprocessing preprocessing) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Image is empty: " + width + "x" + height);
		boolean stretch = preprocessing.resizeRule() == Preprocessing.ResizeRule.STRETCH;
		return new ResizeGeometry(width, height, 1, 1, 1, stretch).withInputSize(preprocessing.inputSize());
	}

	/**
	 * The same plane under the same resize rule in a square frame of another size, e.g. the 1024 frame in which
	 * EfficientViT-SAM's decoder takes prompts while its encoder sees a 512 input. The scaled size is computed
	 * afresh by the rule (not scaled from this one), as the reference code does.
	 */
	public ResizeGeometry withInputSize(int size) {
		if (size <= 0) throw new IllegalArgumentException("Input size must be positive: " + size);
		if (stretched) return new ResizeGeometry(originalWidth, originalHeight, size, size, size, true);
		double scale = size / (double) Math.max(originalWidth, originalHeight);
		int w = Math.min(size, (int) (originalWidth * scale + 0.5));
		int h = Math.min(size, (int) (originalHeight * scale + 0.5));
		return new ResizeGeometry(originalWidth, originalHeight, size, Math.max(1, w), Math.max(1, h), false);
	}

	/**
	 * A geometry from its stored parts, e.g. read back from an embedding file.
	 *
	 * @throws IllegalArgumentException when the parts are not a valid geometry (non-positive sizes, or a scaled
	 *           size larger than the input)
	 */
	public static ResizeGeometry restore(int originalWidth, int originalHeight, int inputSize, int scaledWidth,
		int scaledHeight, boolean stretched)
	{
		if (originalWidth <= 0 || originalHeight <= 0 || inputSize <= 0 || scaledWidth <= 0 || scaledHeight <= 0 ||
			scaledWidth > inputSize || scaledHeight > inputSize) throw new IllegalArgumentException("Not a resize geometry: " +
				originalWidth + "x" + originalHeight + " -> " + scaledWidth + "x" + scaledHeight + " in " + inputSize);
		return new ResizeGeometry(originalWidth, originalHeight, inputSize, scaledWidth, scaledHeight, stretched);
	}

	public int originalWidth() { return originalWidth; }

	public int originalHeight() { return originalHeight; }

	/** Side of the square model input. */
	public int inputSize() { return inputSize; }

	public int scaledWidth() { return scaledWidth; }

	public int scaledHeight() { return scaledHeight; }

	/** True for the stretch rule (the plane fills the whole input), false for longest side with padding. */
	public boolean stretched() { return stretched; }

	public double scaleX() { return scaledWidth / (double) originalWidth; }

	public double scaleY() { return scaledHeight / (double) originalHeight; }

	/** Original continuous x to the model input frame. */
	public double toModelX(double x) { return x * scaleX(); }

	/** Original continuous y to the model input frame. */
	public double toModelY(double y) { return y * scaleY(); }

	/** Model-frame x back to original continuous x. */
	public double toOriginalX(double modelX) { return modelX / scaleX(); }

	/** Model-frame y back to original continuous y. */
	public double toOriginalY(double modelY) { return modelY / scaleY(); }

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof ResizeGeometry)) return false;
		ResizeGeometry g = (ResizeGeometry) o;
		return originalWidth == g.originalWidth && originalHeight == g.originalHeight && inputSize == g.inputSize &&
			scaledWidth == g.scaledWidth && scaledHeight == g.scaledHeight && stretched == g.stretched;
	}

	@Override
	public int hashCode() {
		return (((originalWidth * 31 + originalHeight) * 31 + inputSize) * 31 + scaledWidth * 7 + scaledHeight) * 2 +
			(stretched ? 1 : 0);
	}

	@Override
	public String toString() {
		return originalWidth + "x" + originalHeight + " -> " + scaledWidth + "x" + scaledHeight + " in " + inputSize +
			"x" + inputSize + (stretched ? " (stretched)" : "");
	}
}
