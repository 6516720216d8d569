package io.github.samfiji.engine.evaluate;

import io.github.samfiji.engine.plane.PlaneSource;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * A label image for evaluation: {@code planeCount} planes of {@code width x height} non-negative integer labels,
 * row-major, 0 = background. A label value names one object; in a stack the same value on several planes is one
 * 3D object (see {@link SegmentationEvaluator.Mode#VOLUME}) or one object per plane
 * ({@link SegmentationEvaluator.Mode#PER_PLANE}). The arrays are not copied: do not change them while in use.
 */
public final class LabelPlanes {

	private final int width;
	private final int height;
	private final int[][] planes;

	private LabelPlanes(int width, int height, int[][] planes) {
		if (width <= 0 || height <= 0 || planes.length == 0) throw new IllegalArgumentException(
			"A label image needs at least one plane of at least 1x1 pixels, got " + planes.length + " of " + width +
				"x" + height);
		for (int[] p : planes)
			if (p.length != (long) width * height) throw new IllegalArgumentException("A label plane of " + width + "x" +
				height + " needs " + (long) width * height + " values, got " + p.length);
		this.width = width;
		this.height = height;
		this.planes = planes;
	}

	/**
	 * Planes of {@code int} labels.
	 *
	 * @throws IllegalArgumentException when a plane has the wrong length or a negative label
	 */
	public static LabelPlanes ofInts(int width, int height, int[]... planes) {
		for (int[] plane : planes)
			for (int v : plane)
				if (v < 0) throw new IllegalArgumentException("Label images hold labels >= 0, found " + v);
		return new LabelPlanes(width, height, planes);
	}

	/** Planes of 16-bit labels, read as unsigned (ImageJ's 16-bit label images). */
	public static LabelPlanes ofUnsignedShorts(int width, int height, short[]... planes) {
		int[][] ints = new int[planes.length][];
		for (int z = 0; z < planes.length; z++) {
			ints[z] = new int[planes[z].length];
			for (int i = 0; i < ints[z].length; i++)
				ints[z][i] = planes[z][i] & 0xffff;
		}
		return new LabelPlanes(width, height, ints);
	}

	/**
	 * Every plane of a label image given as planes of any integer-valued {@code RealType} (8, 16 or 32-bit; float
	 * planes must hold whole numbers).
	 *
	 * @throws IllegalArgumentException for RGB planes, negative or fractional values, or more than 2^31 - 1
	 */
	public static LabelPlanes of(PlaneSource source) {
		int w = source.width(), h = source.height();
		int[][] planes = new int[source.planeCount()][];
		for (int z = 1; z <= source.planeCount(); z++)
			planes[z - 1] = read(source.plane(z), w, h, z);
		return new LabelPlanes(w, h, planes);
	}

	@SuppressWarnings("unchecked")
	private static int[] read(RandomAccessibleInterval<?> plane, int w, int h, int z) {
		if (!(Util.getTypeFromInterval(plane) instanceof RealType)) throw new IllegalArgumentException(
			"Plane " + z + " is not a label image (pixel type " + Util.getTypeFromInterval(plane).getClass()
				.getSimpleName() + "): use an 8, 16 or 32-bit image with one integer label per object");
		int[] labels = new int[w * h];
		Cursor<RealType<?>> c = Views.flatIterable((RandomAccessibleInterval<RealType<?>>) plane).cursor();
		for (int i = 0; c.hasNext(); i++) {
			double v = c.next().getRealDouble();
			if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) throw new IllegalArgumentException("Plane " +
				z + " is not a label image: pixel (" + i % w + ", " + i / w + ") is " + v +
				"; labels must be whole numbers >= 0");
			labels[i] = (int) v;
		}
		return labels;
	}

	public int width() { return width; }

	public int height() { return height; }

	public int planeCount() { return planes.length; }

	/** Plane {@code z} (1-based), row-major; not a copy. */
	public int[] plane(int z) {
		if (z < 1 || z > planes.length) throw new IllegalArgumentException("Plane " + z +
			" does not exist: the label image has planes 1-" + planes.length);
		return planes[z - 1];
	}
}
