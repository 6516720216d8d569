package io.github.samfiji.engine.plane;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * The planes of an image, numbered from 1, each a 2D {@code RandomAccessibleInterval} of a {@code RealType} or of
 * {@code ARGBType}. Adapters implement it without copying pixels.
 */
public interface PlaneSource {

	int width();

	int height();

	int planeCount();

	/** Plane {@code index} (1-based). */
	RandomAccessibleInterval<?> plane(int index);

	/** A source over a single 2D image. */
	static PlaneSource of(RandomAccessibleInterval<?> plane) {
		if (plane.numDimensions() != 2) throw new IllegalArgumentException("Expected a 2D plane (x, y), got " + plane
			.numDimensions() + " dimensions; use PlaneSource.stack for a 3D stack");
		return stack(Views.addDimension(plane, 0, 0));
	}

	/** A source over a 3D image whose last dimension indexes the planes. */
	static PlaneSource stack(RandomAccessibleInterval<?> stack) {
		if (stack.numDimensions() != 3) throw new IllegalArgumentException("Expected a 3D stack (x, y, plane), got " +
			stack.numDimensions() + " dimensions");
		RandomAccessibleInterval<?> zeroMin = Views.zeroMin(stack);
		return new PlaneSource() {

			@Override
			public int width() { return (int) zeroMin.dimension(0); }

			@Override
			public int height() { return (int) zeroMin.dimension(1); }

			@Override
			public int planeCount() { return (int) zeroMin.dimension(2); }

			@Override
			public RandomAccessibleInterval<?> plane(int index) {
				if (index < 1 || index > planeCount()) throw new IllegalArgumentException("Plane " + index +
					" does not exist: the image has planes 1-" + planeCount());
				return Views.hyperSlice(zeroMin, 2, index - 1);
			}
		};
	}
}
