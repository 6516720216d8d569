package io.github.samfiji.engine;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/** Small deterministic test images of every supported pixel type (row-major, x fastest). */
public final class TestImages {

	private TestImages() {}

	public static ArrayImg<UnsignedByteType, ByteArray> unsignedBytes(int w, int h) {
		byte[] data = new byte[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				data[y * w + x] = (byte) ((x * 7 + y * 13) % 256);
		return ArrayImgs.unsignedBytes(data, w, h);
	}

	public static ArrayImg<UnsignedShortType, ShortArray> unsignedShorts(int w, int h) {
		short[] data = new short[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				data[y * w + x] = (short) ((x * 131 + y * 977) % 65536);
		return ArrayImgs.unsignedShorts(data, w, h);
	}

	public static ArrayImg<FloatType, FloatArray> floats(int w, int h) {
		float[] data = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				data[y * w + x] = (float) (Math.sin(x * 0.1) * 1000 + y * 0.5 - 300);
		return ArrayImgs.floats(data, w, h);
	}

	public static ArrayImg<ARGBType, IntArray> argbs(int w, int h) {
		int[] data = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				data[y * w + x] = ARGBType.rgba(x % 256, y % 256, (x + y) % 256, 255);
		return ArrayImgs.argbs(data, w, h);
	}

	public static ArrayImg<UnsignedByteType, ByteArray> constantBytes(int w, int h, int value) {
		byte[] data = new byte[w * h];
		java.util.Arrays.fill(data, (byte) value);
		return ArrayImgs.unsignedBytes(data, w, h);
	}
}
