package io.github.samfiji.engine.preprocess;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Finds blank planes: every pixel the same value (NaN counts as equal to NaN), e.g. the empty slices padding a
 * volume or a frame that was never acquired. There is nothing to segment in them: every intensity mapping turns
 * them into a uniform black input.
 */
public final class BlankPlanes {

	private BlankPlanes() {}

	/** Whether every pixel of the 2D {@code RealType} or {@code ARGBType} plane has the same value; one pass, stops early. */
	public static boolean isBlank(RandomAccessibleInterval<?> plane) {
		Cursor<?> c = Views.flatIterable(plane).cursor();
		if (!c.hasNext()) return true;
		Object first = c.next();
		if (first instanceof ARGBType) {
			int v = ((ARGBType) first).get();
			while (c.hasNext())
				if (((ARGBType) c.next()).get() != v) return false;
			return true;
		}
		if (!(first instanceof RealType)) throw new IllegalArgumentException("Unsupported pixel type " + first.getClass()
			.getSimpleName());
		double v = ((RealType<?>) first).getRealDouble();
		while (c.hasNext()) {
			double w = ((RealType<?>) c.next()).getRealDouble();
			if (w != v && !(Double.isNaN(w) && Double.isNaN(v))) return false;
		}
		return true;
	}
}
