package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;

/** {@link ImagePlusPlanes}: stack planes wrapped as imglib2 images over the same pixel arrays, without copying. */
class ImagePlusPlanesTest {

	/** The array an imglib2 ArrayImg stores its pixels in. */
	private static Object storage(RandomAccessibleInterval<?> plane) {
		ArrayImg<?, ?> img = assertInstanceOf(ArrayImg.class, plane, "a plane is an ArrayImg over the pixel array");
		return ((ArrayDataAccess<?>) img.update(null)).getCurrentStorageArray();
	}

	private static Object at(RandomAccessibleInterval<?> plane, int x, int y) {
		RandomAccess<?> ra = plane.randomAccess();
		ra.setPosition(new long[] { x, y });
		return ra.get();
	}

	@Test
	void eightBitPlaneIsTheStackArrayItself() {
		ByteProcessor bp = new ByteProcessor(5, 3);
		bp.set(4, 2, 200);
		ImagePlus image = new ImagePlus("8-bit", bp);
		ImagePlusPlanes planes = new ImagePlusPlanes(image);
		assertEquals(5, planes.width());
		assertEquals(3, planes.height());
		assertEquals(1, planes.planeCount());

		RandomAccessibleInterval<?> plane = planes.plane(1);
		assertSame(bp.getPixels(), storage(plane), "no copy: the view reads ImageJ's own array");
		assertEquals(2, plane.numDimensions());
		assertEquals(5, plane.dimension(0));
		assertEquals(3, plane.dimension(1));
		UnsignedByteType v = assertInstanceOf(UnsignedByteType.class, at(plane, 4, 2));
		assertEquals(200, v.get(), "8-bit values are unsigned");

		// a change through ImageJ is seen through the view (same memory)
		bp.set(1, 1, 77);
		assertEquals(77, ((UnsignedByteType) at(plane, 1, 1)).get());
	}

	@Test
	void sixteenBitPlaneIsUnsignedAndShared() {
		ShortProcessor sp = new ShortProcessor(4, 4);
		sp.set(3, 1, 40000);
		ImagePlus image = new ImagePlus("16-bit", sp);
		RandomAccessibleInterval<?> plane = new ImagePlusPlanes(image).plane(1);
		assertSame(sp.getPixels(), storage(plane));
		UnsignedShortType v = assertInstanceOf(UnsignedShortType.class, at(plane, 3, 1));
		assertEquals(40000, v.get());
		sp.set(0, 0, 65535);
		assertEquals(65535, ((UnsignedShortType) at(plane, 0, 0)).get());
	}

	@Test
	void floatPlaneIsShared() {
		FloatProcessor fp = new FloatProcessor(3, 2);
		fp.setf(2, 1, -1.25f);
		ImagePlus image = new ImagePlus("32-bit", fp);
		RandomAccessibleInterval<?> plane = new ImagePlusPlanes(image).plane(1);
		assertSame(fp.getPixels(), storage(plane));
		FloatType v = assertInstanceOf(FloatType.class, at(plane, 2, 1));
		assertEquals(-1.25f, v.get());
	}

	@Test
	void rgbPlaneIsSharedAsArgb() {
		ColorProcessor cp = new ColorProcessor(3, 3);
		cp.set(1, 2, 0x123456);
		ImagePlus image = new ImagePlus("rgb", cp);
		RandomAccessibleInterval<?> plane = new ImagePlusPlanes(image).plane(1);
		assertSame(cp.getPixels(), storage(plane));
		ARGBType v = assertInstanceOf(ARGBType.class, at(plane, 1, 2));
		assertEquals(0x12, ARGBType.red(v.get()));
		assertEquals(0x34, ARGBType.green(v.get()));
		assertEquals(0x56, ARGBType.blue(v.get()));
	}

	@Test
	void stackPlanesAreTheSlicesInStackOrder() {
		ImagePlus image = IjTestFixtures.grey8("stack", 6, 4, 3);
		ImageStack stack = image.getStack();
		ImagePlusPlanes planes = new ImagePlusPlanes(image);
		assertEquals(3, planes.planeCount());
		for (int s = 1; s <= 3; s++)
			assertSame(stack.getPixels(s), storage(planes.plane(s)), "plane " + s);
	}

	@Test
	void hyperstackPlaneIndexIsTheStackIndex() {
		ImagePlus image = IJ.createImage("hyper", "16-bit black", 4, 4, 2, 3, 2); // C=2, Z=3, T=2
		assertTrue(image.isHyperStack());
		ImagePlusPlanes planes = new ImagePlusPlanes(image);
		assertEquals(12, planes.planeCount());
		int index = image.getStackIndex(2, 3, 1); // channel 2, slice 3, frame 1
		assertEquals(6, index);
		assertSame(image.getStack().getPixels(index), storage(planes.plane(index)));
	}

	@Test
	void missingPlaneIsRefusedWithTheValidRange() {
		ImagePlusPlanes planes = new ImagePlusPlanes(IjTestFixtures.grey8("stack", 4, 4, 3));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> planes.plane(4));
		assertEquals("Slice 4 does not exist: the image has slices 1-3", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> planes.plane(0));
		assertEquals("Slice 0 does not exist: the image has slices 1-3", e.getMessage());
	}

	@Test
	void indexedColourImagesAreRefusedWithAHint() {
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			r[i] = (byte) (i * 7);
			g[i] = (byte) (i * 13);
			b[i] = (byte) (255 - i);
		}
		ByteProcessor bp = new ByteProcessor(4, 4);
		bp.setLut(new LUT(r, g, b));
		ImagePlus image = new ImagePlus("indexed", bp);
		image.setTypeToColor256();
		assertEquals(ImagePlus.COLOR_256, image.getType(), "precondition: an 8-bit colour (indexed) image");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ImagePlusPlanes(image));
		assertEquals("8-bit colour (indexed) images are not supported: convert with Image > Type > RGB Color first", e
			.getMessage());
	}

	@Test
	void wrapRefusesOtherArrays() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImagePlusPlanes.wrap(
			new double[4], 2, 2));
		assertEquals("Unsupported pixel array: double[]", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ImagePlusPlanes.wrap(null, 2, 2));
		assertEquals("Unsupported pixel array: none", e.getMessage());
	}

	@Test
	void wrapDoesNotCopy() {
		short[] pixels = new short[6];
		RandomAccessibleInterval<?> view = ImagePlusPlanes.wrap(pixels, 3, 2);
		assertSame(pixels, storage(view));
		pixels[5] = (short) 50000;
		assertEquals(50000, ((UnsignedShortType) at(view, 2, 1)).get(), "row-major: index 5 is (2, 1)");
	}
}
