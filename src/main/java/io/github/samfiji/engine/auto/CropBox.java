package io.github.samfiji.engine.auto;

import java.util.ArrayList;
import java.util.List;

/**
 * A rectangle of the plane that is encoded on its own in "segment everything", with the crop layer it belongs to.
 * Layer 0 is the whole plane.
 */
public final class CropBox {

	private final int x;
	private final int y;
	private final int width;
	private final int height;
	private final int layer;

	public CropBox(int x, int y, int width, int height, int layer) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Empty crop " + width + "x" + height);
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
		this.layer = layer;
	}

	/**
	 * The crops of SAM's {@code generate_crop_boxes}: the whole plane, then for each layer {@code i >= 1} a grid of
	 * {@code 2^i x 2^i} crops overlapping by {@code int(overlapRatio * min(width, height) * 2 / 2^i)} pixels,
	 * each {@code ceil((side + overlap * (n - 1)) / n)} pixels wide and clipped to the plane.
	 */
	public static List<CropBox> layers(int width, int height, int layers, double overlapRatio) {
		List<CropBox> boxes = new ArrayList<>();
		boxes.add(new CropBox(0, 0, width, height, 0));
		int shortSide = Math.min(width, height);
		for (int layer = 1; layer <= layers; layer++) {
			int n = 1 << layer;
			int overlap = (int) (overlapRatio * shortSide * (2.0 / n));
			int cropW = (int) Math.ceil((overlap * (n - 1) + width) / (double) n);
			int cropH = (int) Math.ceil((overlap * (n - 1) + height) / (double) n);
			for (int i = 0; i < n; i++) // SAM's order: x outer, y inner
				for (int j = 0; j < n; j++) {
					int x0 = (cropW - overlap) * i, y0 = (cropH - overlap) * j;
					int x1 = Math.min(width, x0 + cropW), y1 = Math.min(height, y0 + cropH);
					boxes.add(new CropBox(x0, y0, x1 - x0, y1 - y0, layer));
				}
		}
		return boxes;
	}

	public int x() { return x; }

	public int y() { return y; }

	public int width() { return width; }

	public int height() { return height; }

	public int layer() { return layer; }

	public long area() { return (long) width * height; }

	/** Whether this crop is the whole {@code width x height} plane. */
	public boolean isWholePlane(int planeWidth, int planeHeight) {
		return x == 0 && y == 0 && width == planeWidth && height == planeHeight;
	}

	@Override
	public String toString() { return "crop[" + x + "," + y + " " + width + "x" + height + ", layer " + layer + "]"; }
}
