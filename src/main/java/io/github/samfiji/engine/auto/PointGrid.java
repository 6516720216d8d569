package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.prompt.PromptPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * SAM's regular point grid ({@code build_point_grid}): {@code n x n} points at the centres of an {@code n x n}
 * division of the region, i.e. at fractions {@code (2i + 1) / 2n} of its width and height, row by row. Positions are
 * continuous (see {@link PromptPoint}), so the grid is symmetric in the region.
 */
public final class PointGrid {

	private PointGrid() {}

	/** The grid over {@code [x, x + width) x [y, y + height)}, all points positive. */
	public static List<PromptPoint> over(double x, double y, double width, double height, int n) {
		if (n < 1) throw new IllegalArgumentException("A point grid needs at least 1 point per side, got " + n);
		List<PromptPoint> points = new ArrayList<>(n * n);
		for (int row = 0; row < n; row++)
			for (int col = 0; col < n; col++)
				points.add(new PromptPoint(x + width * (2 * col + 1) / (2.0 * n), y + height * (2 * row + 1) / (2.0 * n),
					true));
		return points;
	}
}
