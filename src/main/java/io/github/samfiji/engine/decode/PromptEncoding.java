package io.github.samfiji.engine.decode;

import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;

import java.util.List;

/**
 * An object's points and box as the {@code point_coords} / {@code point_labels} pair that SAM-family decoders take:
 * labels 1 (positive), 0 (negative), 2 and 3 (box corners), -1 (padding). Coordinates are in the model input
 * frame minus 0.5, because every SAM-family graph adds 0.5 (it expects pixel indices); a continuous position
 * {@code c} is therefore fed as {@code c * scale - 0.5}. A box becomes two corners on the centres of its first and
 * last pixels (SAM's training convention, see {@link #boundaryPixelCentres}).
 */
final class PromptEncoding {

	private final float[] coords;
	private final float[] labels;

	private PromptEncoding(float[] coords, float[] labels) {
		this.coords = coords;
		this.labels = labels;
	}

	/**
	 * @param padWithoutBox append the padding point {@code (0, 0)} labelled -1 when there is no box, as the official
	 *          SAM predictor does before its ONNX decoder
	 */
	static PromptEncoding of(ObjectPrompt prompt, ResizeGeometry g, boolean padWithoutBox) {
		List<PromptPoint> points = prompt.points();
		PromptBox b = prompt.box();
		int n = points.size() + (b != null ? 2 : padWithoutBox ? 1 : 0);
		float[] coords = new float[2 * n];
		float[] labels = new float[n];
		int i = 0;
		for (PromptPoint p : points)
			set(coords, labels, i++, g.toModelX(p.x()) - 0.5, g.toModelY(p.y()) - 0.5, p.positive() ? 1 : 0);
		if (b != null) {
			double[] xs = boundaryPixelCentres(b.x(), b.maxX()), ys = boundaryPixelCentres(b.y(), b.maxY());
			set(coords, labels, i++, g.toModelX(xs[0]) - 0.5, g.toModelY(ys[0]) - 0.5, 2);
			set(coords, labels, i, g.toModelX(xs[1]) - 0.5, g.toModelY(ys[1]) - 0.5, 3);
		}
		else if (padWithoutBox) set(coords, labels, i, 0, 0, -1);
		return new PromptEncoding(coords, labels);
	}

	/**
	 * SAM was trained with boxes whose corners are the first and last pixel of the object (inclusive pixel
	 * indices, as {@code batched_mask_to_box} computes them), so the edges {@code [lo, hi)} are fed as the centres
	 * of their first and last pixels, {@code lo + 0.5} and {@code hi - 0.5}; a box narrower than a pixel is fed as
	 * its middle.
	 */
	static double[] boundaryPixelCentres(double lo, double hi) {
		if (hi - lo < 1) return new double[] { (lo + hi) / 2, (lo + hi) / 2 };
		return new double[] { lo + 0.5, hi - 0.5 };
	}

	private static void set(float[] coords, float[] labels, int i, double x, double y, int label) {
		coords[2 * i] = (float) x;
		coords[2 * i + 1] = (float) y;
		labels[i] = label;
	}

	int count() { return labels.length; }

	/** {@code count * 2} values, x then y per point. Not a copy. */
	float[] coords() { return coords; }

	float[] labels() { return labels; }

	/** Whether some point has this label. */
	boolean has(int label) {
		for (float l : labels)
			if (l == label) return true;
		return false;
	}

	/** The same prompt with coordinates divided by the given scales (back from the model frame, for graphs that rescale). */
	PromptEncoding dividedBy(double scaleX, double scaleY) {
		float[] c = new float[coords.length];
		for (int i = 0; i < c.length; i += 2) {
			c[i] = (float) (coords[i] / scaleX);
			c[i + 1] = (float) (coords[i + 1] / scaleY);
		}
		return new PromptEncoding(c, labels);
	}
}
