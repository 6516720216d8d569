package io.github.samfiji.engine.prompt;

/**
 * A box prompt in original continuous pixel coordinates: {@code x, y} is the top-left corner, so the box
 * {@code (x=2, y=3, width=4, height=5)} covers pixel columns 2-5 and rows 3-7 exactly, as an ImageJ rectangle does.
 * Every number is finite; the width and height are positive.
 */
public final class PromptBox {

	private final double x;
	private final double y;
	private final double width;
	private final double height;

	public PromptBox(double x, double y, double width, double height) {
		if (!(width > 0 && width < Double.POSITIVE_INFINITY) || !(height > 0 && height < Double.POSITIVE_INFINITY))
			throw new IllegalArgumentException("A box needs a finite, positive width and height, got " + width + "x" +
				height);
		if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException(
			"A box needs a finite position, got " + x + ", " + y);
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
	}

	public double x() { return x; }

	public double y() { return y; }

	public double width() { return width; }

	public double height() { return height; }

	public double maxX() { return x + width; }

	public double maxY() { return y + height; }

	@Override
	public String toString() {
		return "box(" + x + ", " + y + ", " + width + "x" + height + ")";
	}
}
