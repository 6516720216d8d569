package io.github.samfiji.engine.prompt;

/**
 * A point prompt in original continuous pixel coordinates: pixel column {@code i} covers {@code [i, i+1)}, so the
 * centre of pixel {@code (i, j)} is {@code (i + 0.5, j + 0.5)}.
 */
public final class PromptPoint {

	private final double x;
	private final double y;
	private final boolean positive;

	public PromptPoint(double x, double y, boolean positive) {
		if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException(
			"A point needs finite coordinates, got " + x + ", " + y);
		this.x = x;
		this.y = y;
		this.positive = positive;
	}

	/** A point on the centre of pixel {@code (column, row)}. */
	public static PromptPoint atPixel(double column, double row, boolean positive) {
		return new PromptPoint(column + 0.5, row + 0.5, positive);
	}

	public double x() { return x; }

	public double y() { return y; }

	/** True for a foreground point, false for a background (negative) point. */
	public boolean positive() { return positive; }

	@Override
	public String toString() {
		return (positive ? "+" : "-") + "(" + x + ", " + y + ")";
	}
}
