package io.github.samfiji.engine.propagate;

import io.github.samfiji.engine.result.ObjectMask;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * 64x64 8-bit stacks of bright (255) rectangles on black, for the tiny content decoder, for which each pixel of a
 * 64x64 plane is one embedding cell: a box prompt then gives exactly the bright pixels inside the box. Every plane
 * also holds a bright 6x6 square in the corner (50-55), away from the objects, so that no plane is blank.
 */
final class BrightRectangles {

	static final int SIZE = 64;

	private final List<int[][]> planes = new ArrayList<>();

	/** Adds a plane with the given rectangles, each {x, y, width, height}. */
	BrightRectangles plane(int[]... rectangles) {
		planes.add(rectangles);
		return this;
	}

	/** Adds a plane that is entirely black. */
	BrightRectangles blankPlane() {
		planes.add(null);
		return this;
	}

	ArrayImg<UnsignedByteType, ByteArray> image() {
		byte[] data = new byte[SIZE * SIZE * planes.size()];
		for (int z = 0; z < planes.size(); z++) {
			if (planes.get(z) == null) continue;
			fill(data, z, new int[] { 50, 50, 6, 6 });
			for (int[] r : planes.get(z))
				fill(data, z, r);
		}
		return ArrayImgs.unsignedBytes(data, SIZE, SIZE, planes.size());
	}

	private static void fill(byte[] data, int z, int[] r) {
		for (int y = r[1]; y < r[1] + r[3]; y++)
			for (int x = r[0]; x < r[0] + r[2]; x++)
				data[z * SIZE * SIZE + y * SIZE + x] = (byte) 255;
	}

	/** The rectangle {x, y, width, height} as a mask of a 64x64 plane. */
	static ObjectMask mask(int[] r) {
		boolean[] plane = new boolean[SIZE * SIZE];
		for (int y = r[1]; y < r[1] + r[3]; y++)
			for (int x = r[0]; x < r[0] + r[2]; x++)
				plane[y * SIZE + x] = true;
		return ObjectMask.of(plane, SIZE, SIZE);
	}

	static int[] rect(int x, int y, int width, int height) {
		return new int[] { x, y, width, height };
	}
}
