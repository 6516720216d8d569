package io.github.samfiji.engine.region;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;

/**
 * The continuous bounds {@code {x0, y0, x1, y1}} of an object's prompts: all its points (positive and negative)
 * and its box, in plane coordinates. A region that contains them can take the whole prompt.
 */
public final class PromptBounds {

	private PromptBounds() {}

	/** The bounds clipped to a {@code planeWidth x planeHeight} plane (a box may reach beyond the plane). */
	public static double[] of(ObjectPrompt prompt, int planeWidth, int planeHeight) {
		double[] b = of(prompt);
		return new double[] { Math.max(0, b[0]), Math.max(0, b[1]), Math.min(planeWidth, b[2]), Math.min(planeHeight,
			b[3]) };
	}

	public static double[] of(ObjectPrompt prompt) {
		double[] b = { Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
			Double.NEGATIVE_INFINITY };
		for (PromptPoint p : prompt.points())
			include(b, p.x(), p.y(), p.x(), p.y());
		if (prompt.box() != null) include(b, prompt.box().x(), prompt.box().y(), prompt.box().maxX(), prompt.box()
			.maxY());
		return b;
	}

	/** {@code bounds} grown by {@code margin} on every side and clipped to the plane. */
	static double[] grown(double[] bounds, double margin, int planeWidth, int planeHeight) {
		return new double[] { Math.max(0, bounds[0] - margin), Math.max(0, bounds[1] - margin), Math.min(planeWidth,
			bounds[2] + margin), Math.min(planeHeight, bounds[3] + margin) };
	}

	/** The smallest bounds holding both. */
	public static double[] union(double[] a, double[] b) {
		return new double[] { Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3]) };
	}

	private static void include(double[] b, double x0, double y0, double x1, double y1) {
		b[0] = Math.min(b[0], x0);
		b[1] = Math.min(b[1], y0);
		b[2] = Math.max(b[2], x1);
		b[3] = Math.max(b[3], y1);
	}
}
