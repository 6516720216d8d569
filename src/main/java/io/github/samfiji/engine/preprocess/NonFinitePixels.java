package io.github.samfiji.engine.preprocess;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Counts the pixels of float planes that are NaN or infinite, which every {@link IntensityMapping} leaves out of its
 * range (NaN and -Infinity become black, +Infinity white). Integer and RGB planes have none and are not read.
 */
public final class NonFinitePixels {

	private NonFinitePixels() {}

	/** The NaN and infinite pixels of a 2D plane; 0 without reading for integer and RGB types. */
	public static long count(RandomAccessibleInterval<?> plane) {
		Object type = Util.getTypeFromInterval(plane);
		if (!(type instanceof RealType) || type instanceof IntegerType) return 0;
		long n = 0;
		Cursor<?> c = Views.flatIterable(plane).cursor();
		while (c.hasNext())
			if (!Double.isFinite(((RealType<?>) c.next()).getRealDouble())) n++;
		return n;
	}
}
