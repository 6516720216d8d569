package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;

/**
 * The tiny decoders' rule (scripts/make_tiny_models.py), evaluated independently of the engine in original
 * continuous pixel coordinates: a box reaches the decoder as the centres of its first and last pixels and the tiny
 * decoder keeps what lies within 0.25 of them, so an integer box gives exactly the pixels whose centres it covers;
 * points give discs. Every comparison is checked to lie at least {@value #MARGIN} away from its decision
 * boundary, so a test that accidentally sits on a tie fails loudly instead of depending on float rounding.
 */
public final class AnalyticMasks {

	/** Squared radius of the single-mask decoder's point discs. */
	public static final double R2_SINGLE = 20.25;
	/** Squared radii of the multimask decoder's candidates 0-3. */
	public static final double[] R2_MULTI = { 20.25, 6.25, 20.25, 42.25 };
	public static final int LOW_RES = 256;
	/** The tiny decoder widens boxes by this much on every side (BOX_MARGIN in make_tiny_models.py). */
	public static final double BOX_MARGIN = 0.25;
	private static final double MARGIN = 1e-3;

	private AnalyticMasks() {}

	/** Whether continuous position {@code (cx, cy)} is inside the object that {@code prompt} describes. */
	public static boolean inside(double cx, double cy, ObjectPrompt prompt, double r2) {
		PromptBox b = prompt.box();
		if (b != null) {
			double[] xs = boxCorners(b.x(), b.maxX()), ys = boxCorners(b.y(), b.maxY());
			double left = xs[0] - BOX_MARGIN, right = xs[1] + BOX_MARGIN;
			double top = ys[0] - BOX_MARGIN, bottom = ys[1] + BOX_MARGIN;
			guard(cx - left, "box left");
			guard(cx - right, "box right");
			guard(cy - top, "box top");
			guard(cy - bottom, "box bottom");
			return left <= cx && cx <= right && top <= cy && cy <= bottom;
		}
		boolean nearPositive = false, nearNegative = false;
		for (PromptPoint p : prompt.points()) {
			double d2 = (cx - p.x()) * (cx - p.x()) + (cy - p.y()) * (cy - p.y());
			guard(d2 - r2, "point radius");
			if (d2 < r2) {
				if (p.positive()) nearPositive = true;
				else nearNegative = true;
			}
		}
		return nearPositive && !nearNegative;
	}

	/**
	 * Where a box edge pair {@code [lo, hi)} reaches the decoder, in SAM's box convention: the centres of the first
	 * and the last pixel ({@code lo + 0.5}, {@code hi - 0.5}), or the middle for a box narrower than a pixel.
	 */
	static double[] boxCorners(double lo, double hi) {
		if (hi - lo < 1) return new double[] { (lo + hi) / 2, (lo + hi) / 2 };
		return new double[] { lo + 0.5, hi - 0.5 };
	}

	/** The expected full-resolution mask, row-major: pixel (i, j) is evaluated at its centre (i + 0.5, j + 0.5). */
	public static boolean[] mask(int width, int height, ObjectPrompt prompt, double r2) {
		boolean[] m = new boolean[width * height];
		for (int j = 0; j < height; j++)
			for (int i = 0; i < width; i++)
				m[j * width + i] = inside(i + 0.5, j + 0.5, prompt, r2);
		return m;
	}

	/** A box covering columns x..x+w-1 and rows y..y+h-1 (clipped to the plane), written without the rule. */
	public static boolean[] rectangle(int width, int height, int x, int y, int w, int h) {
		boolean[] m = new boolean[width * height];
		for (int j = Math.max(0, y); j < Math.min(height, y + h); j++)
			for (int i = Math.max(0, x); i < Math.min(width, x + w); i++)
				m[j * width + i] = true;
		return m;
	}

	/**
	 * The decoder's low-res logits without mask input: +1 / -1 on the 256 grid, cell (u, v) evaluated at
	 * {@code ((u + 0.5) * 4 / sx, (v + 0.5) * 4 / sy)} with the official resize {@code floor(side * 1024 / longest
	 * + 0.5)}, computed here in exact integer arithmetic.
	 */
	public static float[] lowRes(int width, int height, ObjectPrompt prompt, double r2) {
		int longest = Math.max(width, height);
		double sx = scaledSide(width, longest) / (double) width;
		double sy = scaledSide(height, longest) / (double) height;
		float[] logits = new float[LOW_RES * LOW_RES];
		for (int v = 0; v < LOW_RES; v++)
			for (int u = 0; u < LOW_RES; u++)
				logits[v * LOW_RES + u] = inside((u + 0.5) * 4 / sx, (v + 0.5) * 4 / sy, prompt, r2) ? 1f : -1f;
		return logits;
	}

	/** {@code floor(side * 1024 / longest + 0.5)} in integers. */
	public static int scaledSide(int side, int longest) {
		return (int) ((2L * side * 1024 + longest) / (2L * longest));
	}

	public static int area(boolean[] mask) {
		int n = 0;
		for (boolean b : mask)
			if (b) n++;
		return n;
	}

	/** Fails with the number of differing pixels and the first of them. */
	public static void assertMaskEquals(boolean[] expected, ObjectMask actual) {
		int w = actual.planeWidth();
		boolean[] got = actual.toPlane();
		if (got.length != expected.length) fail("Mask has " + got.length + " pixels, expected " + expected.length);
		int differ = 0, first = -1;
		for (int i = 0; i < got.length; i++)
			if (got[i] != expected[i]) {
				if (first < 0) first = i;
				differ++;
			}
		if (differ > 0) fail(differ + " pixels differ (expected area " + area(expected) + ", got " + actual.area() +
			"); first at column " + first % w + ", row " + first / w + ": expected " + expected[first]);
	}

	private static void guard(double distance, String what) {
		if (Math.abs(distance) < MARGIN) throw new IllegalStateException("Test input lies on the " + what +
			" decision boundary (distance " + distance + "): choose another position");
	}
}
