package io.github.samfiji.engine.preprocess;

/**
 * A plane as three float channels (R, G, B) in the 0-255 range, row-major, plus the grey range that was mapped to
 * 0-255 to obtain it ({@code NaN} for planes used as they are).
 */
public final class RgbPlane {

	private final int width;
	private final int height;
	private final float[][] channels;
	private final double mappedMin;
	private final double mappedMax;

	RgbPlane(int width, int height, float[][] channels, double mappedMin, double mappedMax) {
		this.width = width;
		this.height = height;
		this.channels = channels;
		this.mappedMin = mappedMin;
		this.mappedMax = mappedMax;
	}

	public int width() { return width; }

	public int height() { return height; }

	/** Channel {@code c} (0 red, 1 green, 2 blue), row-major; grey planes share one array for all three. */
	public float[] channel(int c) { return channels[c]; }

	/** The grey value mapped to 0, or NaN when values were used as they are. */
	public double mappedMin() { return mappedMin; }

	/** The grey value mapped to 255, or NaN when values were used as they are. */
	public double mappedMax() { return mappedMax; }
}
