package io.github.samfiji.engine.detect;

/**
 * A detected object: its seed pixel (a maximum of the distance to the background, i.e. the centre of the largest
 * disc that fits the object there), that distance, and the bounding box and area of the watershed region it grew.
 * Immutable.
 */
public final class Seed {

	private final int x;
	private final int y;
	private final float radius;
	private final int minX;
	private final int minY;
	private final int maxX;
	private final int maxY;
	private final int area;

	Seed(int x, int y, float radius, int minX, int minY, int maxX, int maxY, int area) {
		this.x = x;
		this.y = y;
		this.radius = radius;
		this.minX = minX;
		this.minY = minY;
		this.maxX = maxX;
		this.maxY = maxY;
		this.area = area;
	}

	/** Seed pixel column. */
	public int x() { return x; }

	/** Seed pixel row. */
	public int y() { return y; }

	/** Distance from the seed pixel's centre to the background, in pixels. */
	public float radius() { return radius; }

	/** Left column of the seed's region (inclusive). */
	public int minX() { return minX; }

	public int minY() { return minY; }

	/** Right column of the seed's region (inclusive). */
	public int maxX() { return maxX; }

	public int maxY() { return maxY; }

	/** Pixels of the seed's region. */
	public int area() { return area; }

	@Override
	public String toString() {
		return "seed(" + x + "," + y + " r=" + radius + " box " + minX + "," + minY + "-" + maxX + "," + maxY + ")";
	}
}
