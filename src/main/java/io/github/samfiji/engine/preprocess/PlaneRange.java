package io.github.samfiji.engine.preprocess;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Resolves an {@link IntensityMapping} that depends on a plane's statistics (percentiles) into the fixed range it
 * gives on that whole plane. Crops and tiles converted with the resolved mapping get exactly the values the whole
 * plane's conversion gives their pixels, so neighbouring tiles agree and a crop looks like the plane it came from.
 */
public final class PlaneRange {

	private PlaneRange() {}

	/**
	 * {@code mapping} itself when it uses no statistics (a fixed range; RGB; 8-bit under auto), else the fixed range
	 * of {@code mapping}'s percentiles over {@code plane} (a constant plane gives a range that maps it to 0, as the
	 * whole plane's conversion does). Reads the plane once; 16-bit planes are counted without a copy.
	 *
	 * @throws IllegalArgumentException for a pixel type other than real or ARGB, or a float plane too large to sort
	 */
	public static IntensityMapping fixedFor(RandomAccessibleInterval<?> plane, IntensityMapping mapping) {
		Object type = Util.getTypeFromInterval(plane);
		if (mapping.kind() == IntensityMapping.Kind.FIXED || type instanceof ARGBType) return mapping;
		if (!(type instanceof RealType)) throw new IllegalArgumentException("Unsupported pixel type " + type.getClass()
			.getSimpleName() + ": use 8, 16 or 32-bit grey or RGB images");
		if (mapping.kind() == IntensityMapping.Kind.AUTO && type instanceof UnsignedByteType) return mapping;
		long n = plane.dimension(0) * plane.dimension(1);
		double[] range;
		if (type instanceof UnsignedShortType) range = Percentiles.ofHistogram(histogram(plane), (int) n, mapping.low(),
			mapping.high());
		else {
			if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("The plane has " + n +
				" pixels, too many for a percentile intensity mapping: give a fixed range (intensity=fixed:MIN:MAX)");
			float[] values = new float[(int) n];
			Cursor<?> c = Views.flatIterable(plane).cursor();
			for (int i = 0; c.hasNext(); i++)
				values[i] = ((RealType<?>) c.next()).getRealFloat();
			range = Percentiles.of(values, mapping.low(), mapping.high());
		}
		return range[0] < range[1] ? IntensityMapping.fixed(range[0], range[1]) : IntensityMapping.fixed(range[0],
			range[0] + 1);
	}

	private static int[] histogram(RandomAccessibleInterval<?> plane) {
		int[] h = new int[65536];
		Cursor<?> c = Views.flatIterable(plane).cursor();
		while (c.hasNext())
			h[((UnsignedShortType) c.next()).get()]++;
		return h;
	}
}
