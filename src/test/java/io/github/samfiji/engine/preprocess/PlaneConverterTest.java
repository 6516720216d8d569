package io.github.samfiji.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.ConstantUtils;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

/** Grey and RGB planes to 0-255 RGB under each intensity mapping, with exact expected values. */
class PlaneConverterTest {

	private static void assertChannel(double[] expected, float[] actual) {
		assertEquals(expected.length, actual.length);
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], 1e-3, "pixel " + i);
	}

	@Test
	void autoUsesUnsignedBytesAsTheyAre() {
		byte[] data = new byte[16 * 16];
		for (int i = 0; i < data.length; i++)
			data[i] = (byte) i;
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.unsignedBytes(data, 16, 16), IntensityMapping.auto());
		assertEquals(16, rgb.width());
		assertEquals(16, rgb.height());
		for (int i = 0; i < 256; i++)
			assertEquals(i, rgb.channel(0)[i], 0f);
		assertSame(rgb.channel(0), rgb.channel(1));
		assertSame(rgb.channel(0), rgb.channel(2));
		assertTrue(Double.isNaN(rgb.mappedMin()));
		assertTrue(Double.isNaN(rgb.mappedMax()));
	}

	@Test
	void autoMapsUnsignedShortsFromTheirPercentiles() {
		// 1000 distinct values 100, 110, ..., 10090 in scrambled order; n - 1 = 999:
		// p0.1 -> index round(0.999) = 1 -> 110; p99.9 -> index round(998.001) = 998 -> 10080
		int n = 1000;
		short[] data = new short[n];
		double[] expected = new double[n];
		for (int i = 0; i < n; i++) {
			int v = 100 + 10 * ((i * 377) % n);
			data[i] = (short) v;
			expected[i] = Math.max(0, Math.min(255, (v - 110) * 255.0 / (10080 - 110)));
		}
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.unsignedShorts(data, 40, 25), IntensityMapping.auto());
		assertEquals(110, rgb.mappedMin(), 0);
		assertEquals(10080, rgb.mappedMax(), 0);
		assertChannel(expected, rgb.channel(0));
	}

	@Test
	void percentilesOfAFloatPlaneIgnoreNanAndClip() {
		float[] data = { -5, -3, Float.NaN, 0, 1, 2, 4, 8, 16, 32, 64, 128 };
		// 11 numbers: p10 -> index 1 -> -3, p90 -> index 9 -> 64; NaN becomes 0
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.floats(data, 4, 3), IntensityMapping.percentiles(10, 90));
		assertEquals(-3, rgb.mappedMin(), 0);
		assertEquals(64, rgb.mappedMax(), 0);
		double s = 255.0 / 67;
		assertChannel(new double[] { 0, 0, 0, 3 * s, 4 * s, 5 * s, 7 * s, 11 * s, 19 * s, 35 * s, 255, 255 }, rgb
			.channel(0));
	}

	@Test
	void infinitePixelsAreLeftOutOfTheRangeAndClipped() {
		float inf = Float.POSITIVE_INFINITY;
		float[] data = { inf, 0, -inf, 10, inf, Float.NaN, 20, inf, 30, inf, 40, inf };
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.floats(data, 4, 3), IntensityMapping.percentiles(0, 100));
		assertEquals(0, rgb.mappedMin(), 0);
		assertEquals(40, rgb.mappedMax(), 0);
		assertChannel(new double[] { 255, 0, 0, 63.75, 255, 0, 127.5, 255, 191.25, 255, 255, 255 }, rgb.channel(0));
		RgbPlane auto = PlaneConverter.toRgb(ArrayImgs.floats(data, 4, 3), IntensityMapping.auto());
		assertEquals(40, auto.mappedMax(), 0);
	}

	@Test
	void autoOnFloatsUsesPointOneAndNinetyNinePointNinePercentiles() {
		// 2001 values -1000..1000: p0.1 -> index 2 -> -998, p99.9 -> index 1998 -> 998
		float[] data = new float[2001];
		for (int i = 0; i < data.length; i++)
			data[i] = i - 1000;
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.floats(data, 2001, 1), IntensityMapping.auto());
		assertEquals(-998, rgb.mappedMin(), 0);
		assertEquals(998, rgb.mappedMax(), 0);
		assertEquals(127.5, rgb.channel(0)[1000], 1e-4);
		assertEquals(0, rgb.channel(0)[0], 0);
		assertEquals(255, rgb.channel(0)[2000], 0);
	}

	@Test
	void fixedWindowWithNegativeValuesOnSignedShorts() {
		// a CT soft-tissue window in Hounsfield units
		short[] hu = { -1000, -160, -60, 40, 140, 240, 1000, 0 };
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.shorts(hu, 4, 2), IntensityMapping.parse("fixed:-160:240"));
		assertEquals(-160, rgb.mappedMin(), 0);
		assertEquals(240, rgb.mappedMax(), 0);
		assertChannel(new double[] { 0, 0, 63.75, 127.5, 191.25, 255, 255, 102 }, rgb.channel(0));
	}

	@Test
	void fixedWindowAppliesToUnsignedBytesToo() {
		byte[] data = { 0, 50, 100, (byte) 200 };
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.unsignedBytes(data, 2, 2), IntensityMapping.fixed(0, 100));
		assertChannel(new double[] { 0, 127.5, 255, 255 }, rgb.channel(0));
	}

	@Test
	void explicitPercentilesRemapUnsignedBytes() {
		// 101 values 0..100: p10 -> 10, p90 -> 90
		byte[] data = new byte[101];
		for (int i = 0; i < data.length; i++)
			data[i] = (byte) i;
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.unsignedBytes(data, 101, 1), IntensityMapping.percentiles(10,
			90));
		assertEquals(10, rgb.mappedMin(), 0);
		assertEquals(90, rgb.mappedMax(), 0);
		assertEquals(127.5, rgb.channel(0)[50], 1e-4);
		assertEquals(0, rgb.channel(0)[5], 0);
		assertEquals(255, rgb.channel(0)[95], 0);
	}

	@Test
	void nanBecomesZeroUnderAFixedWindow() {
		float[] data = { Float.NaN, 5, Float.NaN, 10 };
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.floats(data, 2, 2), IntensityMapping.fixed(0, 10));
		assertChannel(new double[] { 0, 127.5, 0, 255 }, rgb.channel(0));
	}

	@Test
	void constantPlaneBecomesZeros() {
		short[] data = new short[30];
		java.util.Arrays.fill(data, (short) 500);
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.unsignedShorts(data, 6, 5), IntensityMapping.auto());
		assertEquals(500, rgb.mappedMin(), 0);
		assertEquals(500, rgb.mappedMax(), 0);
		assertArrayEquals(new float[30], rgb.channel(0));
	}

	@Test
	void allNanPlaneBecomesZeros() {
		float[] data = new float[6];
		java.util.Arrays.fill(data, Float.NaN);
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.floats(data, 3, 2), IntensityMapping.auto());
		assertArrayEquals(new float[6], rgb.channel(0));
	}

	@Test
	void argbIsSplitIntoRedGreenBlueAndNeverRemapped() {
		int[] data = { ARGBType.rgba(1, 2, 3, 4), ARGBType.rgba(250, 128, 0, 255) };
		for (IntensityMapping m : new IntensityMapping[] { IntensityMapping.auto(), IntensityMapping.fixed(0, 1) }) {
			RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.argbs(data, 2, 1), m);
			assertArrayEquals(new float[] { 1, 250 }, rgb.channel(0));
			assertArrayEquals(new float[] { 2, 128 }, rgb.channel(1));
			assertArrayEquals(new float[] { 3, 0 }, rgb.channel(2));
			assertTrue(Double.isNaN(rgb.mappedMin()));
		}
	}

	@Test
	void unsignedShortAndFloatPlanesWithTheSameValuesMapAlike() {
		// the 16-bit histogram path and the sorting path of floats must agree
		Random random = new Random(7);
		int w = 97, h = 61;
		short[] shorts = new short[w * h];
		float[] floats = new float[w * h];
		for (int i = 0; i < shorts.length; i++) {
			int v = random.nextInt(4000) + (i % 50 == 0 ? 60000 : 0);
			shorts[i] = (short) v;
			floats[i] = v;
		}
		RgbPlane a = PlaneConverter.toRgb(ArrayImgs.unsignedShorts(shorts, w, h), IntensityMapping.auto());
		RgbPlane b = PlaneConverter.toRgb(ArrayImgs.floats(floats, w, h), IntensityMapping.auto());
		assertEquals(b.mappedMin(), a.mappedMin(), 0);
		assertEquals(b.mappedMax(), a.mappedMax(), 0);
		assertArrayEquals(b.channel(0), a.channel(0));
	}

	@Test
	void rowMajorOrderIsKeptForViews() {
		// a transposed view: the converter must follow the view's x and y, not the storage order
		byte[] data = { 1, 2, 3, 4, 5, 6 }; // 3x2, row-major
		RandomAccessibleInterval<?> transposed = Views.permute(ArrayImgs.unsignedBytes(data, 3, 2), 0, 1);
		RgbPlane rgb = PlaneConverter.toRgb(transposed, IntensityMapping.auto());
		assertEquals(2, rgb.width());
		assertEquals(3, rgb.height());
		assertArrayEquals(new float[] { 1, 4, 2, 5, 3, 6 }, rgb.channel(0));
	}

	@Test
	void threeDimensionalPlaneIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaneConverter.toRgb(ArrayImgs
			.unsignedBytes(4, 3, 2), IntensityMapping.auto()));
		assertEquals("Expected a 2D plane, got 3 dimensions: choose one slice, channel and frame", e.getMessage());
	}

	@Test
	void complexPlaneIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaneConverter.toRgb(ArrayImgs
			.complexFloats(4, 3), IntensityMapping.auto()));
		assertEquals("Unsupported pixel type ComplexFloatType: use 8, 16 or 32-bit grey or RGB images", e
			.getMessage());
	}

	@Test
	void emptyPlaneIsRefused() {
		RandomAccessibleInterval<?> empty = Views.interval(ArrayImgs.unsignedBytes(4, 3), new long[] { 0, 0 },
			new long[] { -1, 2 });
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaneConverter.toRgb(empty,
			IntensityMapping.auto()));
		assertEquals("The plane is empty (0x3)", e.getMessage());
	}

	@Test
	void aPlaneTooLargeToConvertSaysHowToSegmentItAnyway() {
		RandomAccessibleInterval<UnsignedByteType> huge = ConstantUtils.constantRandomAccessibleInterval(
			new UnsignedByteType(7), new FinalInterval(50000, 50000));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaneConverter.toRgb(huge,
			IntensityMapping.auto()));
		assertTrue(e.getMessage().startsWith("The plane is too large to encode whole: 50000x50000 needs 9536 MB, more " +
			"than a Java array holds. Encode it in tiles or crops"), e.getMessage());
		IllegalArgumentException heap = assertThrows(IllegalArgumentException.class, () -> PlaneConverter.checkMemory(
			20000, 10000, 3, () -> 1L << 30));
		assertTrue(heap.getMessage().contains("20000x10000 needs 2288 MB, but Java has 1024 MB free"), heap.getMessage());
		PlaneConverter.checkMemory(20000, 10000, 1, () -> 1L << 30);
	}
}
