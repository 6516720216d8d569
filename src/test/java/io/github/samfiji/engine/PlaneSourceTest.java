package io.github.samfiji.engine;

import io.github.samfiji.engine.plane.PlaneSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

/** Planes of 2D images and 3D stacks, numbered from 1, without copying. */
class PlaneSourceTest {

	@Test
	void singlePlaneImageHasOnePlane() {
		PlaneSource s = PlaneSource.of(ArrayImgs.unsignedBytes(7, 5));
		assertEquals(7, s.width());
		assertEquals(5, s.height());
		assertEquals(1, s.planeCount());
		assertEquals(2, s.plane(1).numDimensions());
	}

	@Test
	void stackPlaneKShowsTheKthSliceFromZero() {
		byte[] data = new byte[4 * 3 * 3];
		for (int z = 0; z < 3; z++)
			data[z * 12 + 1 * 4 + 2] = (byte) (10 * (z + 1));
		// translated so that the stack does not start at 0: planes are still numbered from 1 and pixels from 0
		RandomAccessibleInterval<UnsignedByteType> stack = Views.translate(ArrayImgs.unsignedBytes(data, 4, 3, 3), 100,
			-50, 7);
		PlaneSource s = PlaneSource.stack(stack);
		assertEquals(3, s.planeCount());
		for (int k = 1; k <= 3; k++) {
			@SuppressWarnings("unchecked")
			RandomAccess<UnsignedByteType> ra = ((RandomAccessibleInterval<UnsignedByteType>) s.plane(k))
				.randomAccess();
			ra.setPosition(new long[] { 2, 1 });
			assertEquals(10 * k, ra.get().get());
			assertEquals(0, s.plane(k).min(0));
		}
	}

	@Test
	void missingPlaneIsRefusedWithTheRange() {
		PlaneSource s = PlaneSource.stack(ArrayImgs.unsignedBytes(4, 3, 2));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.plane(3));
		assertEquals("Plane 3 does not exist: the image has planes 1-2", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> s.plane(0));
	}

	@Test
	void stackMustBeThreeDimensional() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaneSource.stack(ArrayImgs
			.unsignedBytes(4, 3)));
		assertEquals("Expected a 3D stack (x, y, plane), got 2 dimensions", e.getMessage());
	}
}
