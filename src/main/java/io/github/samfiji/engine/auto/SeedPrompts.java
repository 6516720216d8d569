package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.detect.Seed;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;

/** Builds the prompts of adaptive prompting, in plane coordinates. */
final class SeedPrompts {

	private SeedPrompts() {}

	/** A detected seed's prompt: a point on its pixel, the box of its region (grown by the margin), or both. */
	static ObjectPrompt of(Seed s, AdaptiveOptions.SeedPrompt kind, double margin, int width, int height, int slice) {
		return of(s.x(), s.y(), s.minX(), s.minY(), s.maxX(), s.maxY(), kind, margin, width, height, slice);
	}

	/** The same for a seed pixel {@code (x, y)} whose region spans columns {@code minX-maxX} and rows {@code minY-maxY}. */
	static ObjectPrompt of(int x, int y, int minX, int minY, int maxX, int maxY, AdaptiveOptions.SeedPrompt kind,
		double margin, int width, int height, int slice)
	{
		ObjectPrompt.Builder b = ObjectPrompt.builder().slice(slice);
		if (kind != AdaptiveOptions.SeedPrompt.POINT) b.box(box(minX, minY, maxX + 1, maxY + 1, margin, width, height));
		if (kind != AdaptiveOptions.SeedPrompt.BOX) b.point(PromptPoint.atPixel(x, y, true));
		return b.build();
	}

	/** A positive point on pixel {@code (x, y)}. */
	static ObjectPrompt point(int x, int y, int slice) {
		return ObjectPrompt.builder().point(PromptPoint.atPixel(x, y, true)).slice(slice).build();
	}

	/** The refinement of a mask: its tight box plus the points of the prompt that made it. */
	static ObjectPrompt refinement(ObjectPrompt made, ObjectMask mask) {
		return ObjectPrompt.builder().box(mask.boundsX(), mask.boundsY(), mask.boundsWidth(), mask.boundsHeight())
			.points(made.points()).slice(made.slice()).build();
	}

	/** Edges {@code [x0, x1) x [y0, y1)} grown by {@code margin} of their size on each side, clipped to the plane. */
	static io.github.samfiji.engine.prompt.PromptBox box(double x0, double y0, double x1, double y1, double margin,
		int width, int height)
	{
		double mx = margin * (x1 - x0), my = margin * (y1 - y0);
		double a = Math.max(0, x0 - mx), b = Math.max(0, y0 - my);
		double c = Math.min(width, x1 + mx), d = Math.min(height, y1 + my);
		return new io.github.samfiji.engine.prompt.PromptBox(a, b, c - a, d - b);
	}
}
