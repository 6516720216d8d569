package io.github.samfiji.engine.result;

import java.util.BitSet;

/**
 * A binary mask of one object in a {@code planeWidth x planeHeight} plane, stored as bits inside its bounding box.
 * An empty mask has area 0 and an empty bounding box.
 */
public final class ObjectMask {

	private final int planeWidth;
	private final int planeHeight;
	private final int x;
	private final int y;
	private final int width;
	private final int height;
	private final BitSet bits;
	private final int area;

	private ObjectMask(int planeWidth, int planeHeight, int x, int y, int width, int height, BitSet bits) {
		this.planeWidth = planeWidth;
		this.planeHeight = planeHeight;
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
		this.bits = bits;
		this.area = bits.cardinality();
	}

	/**
	 * The pixels whose logit is strictly greater than {@code threshold}.
	 *
	 * @param logits row-major plane starting at {@code offset}
	 */
	public static ObjectMask threshold(float[] logits, int offset, int planeWidth, int planeHeight,
		float threshold)
	{
		int minX = planeWidth, minY = planeHeight, maxX = -1, maxY = -1;
		for (int j = 0; j < planeHeight; j++) {
			int row = offset + j * planeWidth;
			for (int i = 0; i < planeWidth; i++)
				if (logits[row + i] > threshold) {
					if (i < minX) minX = i;
					if (i > maxX) maxX = i;
					if (j < minY) minY = j;
					maxY = j;
				}
		}
		if (maxX < 0) return new ObjectMask(planeWidth, planeHeight, 0, 0, 0, 0, new BitSet());
		int w = maxX - minX + 1, h = maxY - minY + 1;
		BitSet bits = new BitSet(w * h);
		for (int j = 0; j < h; j++) {
			int row = offset + (j + minY) * planeWidth + minX;
			for (int i = 0; i < w; i++)
				if (logits[row + i] > threshold) bits.set(j * w + i);
		}
		return new ObjectMask(planeWidth, planeHeight, minX, minY, w, h, bits);
	}

	/** A mask from a row-major boolean plane. */
	public static ObjectMask of(boolean[] plane, int planeWidth, int planeHeight) {
		float[] f = new float[plane.length];
		for (int i = 0; i < plane.length; i++) f[i] = plane[i] ? 1 : 0;
		return threshold(f, 0, planeWidth, planeHeight, 0.5f);
	}

	public int planeWidth() { return planeWidth; }

	public int planeHeight() { return planeHeight; }

	/** Bounding box left column (0 for an empty mask). */
	public int boundsX() { return x; }

	public int boundsY() { return y; }

	public int boundsWidth() { return width; }

	public int boundsHeight() { return height; }

	/** Number of pixels in the mask. */
	public int area() { return area; }

	public boolean isEmpty() { return area == 0; }

	/** Whether pixel {@code (column, row)} of the plane belongs to the mask. */
	public boolean contains(int column, int row) {
		int i = column - x, j = row - y;
		return i >= 0 && j >= 0 && i < width && j < height && bits.get(j * width + i);
	}

	/** The mask as a row-major boolean plane. */
	public boolean[] toPlane() {
		boolean[] plane = new boolean[planeWidth * planeHeight];
		for (int b = bits.nextSetBit(0); b >= 0; b = bits.nextSetBit(b + 1))
			plane[(y + b / width) * planeWidth + x + b % width] = true;
		return plane;
	}

	/**
	 * A mask from a row-major boolean array covering the rectangle {@code (x, y, width, height)} of a
	 * {@code planeWidth x planeHeight} plane (its bounding box is recomputed; the rectangle must lie in the plane).
	 */
	public static ObjectMask inRectangle(boolean[] local, int x, int y, int width, int height, int planeWidth,
		int planeHeight)
	{
		if (x < 0 || y < 0 || x + width > planeWidth || y + height > planeHeight || local.length != width * height)
			throw new IllegalArgumentException("Rectangle " + x + "," + y + " " + width + "x" + height +
				" does not fit a " + planeWidth + "x" + planeHeight + " plane");
		int minX = width, minY = height, maxX = -1, maxY = -1;
		for (int j = 0; j < height; j++)
			for (int i = 0; i < width; i++)
				if (local[j * width + i]) {
					minX = Math.min(minX, i);
					maxX = Math.max(maxX, i);
					minY = Math.min(minY, j);
					maxY = j;
				}
		if (maxX < 0) return new ObjectMask(planeWidth, planeHeight, 0, 0, 0, 0, new BitSet());
		int w = maxX - minX + 1, h = maxY - minY + 1;
		BitSet bits = new BitSet(w * h);
		for (int j = 0; j < h; j++)
			for (int i = 0; i < w; i++)
				if (local[(j + minY) * width + i + minX]) bits.set(j * w + i);
		return new ObjectMask(planeWidth, planeHeight, x + minX, y + minY, w, h, bits);
	}

	/** The mask inside its bounding box, row-major ({@code boundsWidth() * boundsHeight()}). */
	public boolean[] toBoundsArray() {
		boolean[] local = new boolean[width * height];
		for (int b = bits.nextSetBit(0); b >= 0; b = bits.nextSetBit(b + 1))
			local[b] = true;
		return local;
	}

	/**
	 * The same pixels moved by {@code (dx, dy)} into a {@code newPlaneWidth x newPlaneHeight} plane, e.g. from a crop
	 * into the plane it was cut from.
	 *
	 * @throws IllegalArgumentException when the moved mask does not fit the new plane
	 */
	public ObjectMask placedIn(int newPlaneWidth, int newPlaneHeight, int dx, int dy) {
		if (isEmpty()) return new ObjectMask(newPlaneWidth, newPlaneHeight, 0, 0, 0, 0, new BitSet());
		if (x + dx < 0 || y + dy < 0 || x + dx + width > newPlaneWidth || y + dy + height > newPlaneHeight)
			throw new IllegalArgumentException("The mask moved by " + dx + "," + dy + " leaves the " + newPlaneWidth +
				"x" + newPlaneHeight + " plane");
		return new ObjectMask(newPlaneWidth, newPlaneHeight, x + dx, y + dy, width, height, bits);
	}

	/** Calls {@code visitor} for every pixel of the mask, row by row. */
	public void forEachPixel(PixelVisitor visitor) {
		for (int b = bits.nextSetBit(0); b >= 0; b = bits.nextSetBit(b + 1))
			visitor.visit(x + b % width, y + b / width);
	}

	/** Pixels in both masks. */
	public int intersectionArea(ObjectMask other) {
		int[] count = { 0 };
		forEachPixel((i, j) -> {
			if (other.contains(i, j)) count[0]++;
		});
		return count[0];
	}

	/** Intersection over union; 0 when both are empty. */
	public double iou(ObjectMask other) {
		int inter = intersectionArea(other);
		int union = area + other.area - inter;
		return union == 0 ? 0 : inter / (double) union;
	}

	/** Receives pixel coordinates. */
	@FunctionalInterface
	public interface PixelVisitor {
		void visit(int column, int row);
	}
}
