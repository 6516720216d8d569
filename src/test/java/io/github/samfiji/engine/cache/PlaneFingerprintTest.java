package io.github.samfiji.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class PlaneFingerprintTest {

	private static ArrayImg<UnsignedShortType, ShortArray> ramp(int w, int h) {
		short[] data = new short[w * h];
		for (int i = 0; i < data.length; i++) data[i] = (short) (i * 7);
		return ArrayImgs.unsignedShorts(data, w, h);
	}

	@Test
	void sameContentGivesTheSameFingerprintWhateverTheImage() {
		assertEquals(PlaneFingerprint.of(ramp(30, 20)), PlaneFingerprint.of(ramp(30, 20)));
		assertEquals(64, PlaneFingerprint.of(ramp(30, 20)).length());
	}

	@Test
	void oneChangedPixelChangesIt() {
		ArrayImg<UnsignedShortType, ShortArray> edited = ramp(30, 20);
		edited.randomAccess().setPositionAndGet(5, 4).set(1);
		assertNotEquals(PlaneFingerprint.of(ramp(30, 20)), PlaneFingerprint.of(edited));
	}

	@Test
	void sizeAndTypeArePartOfIt() {
		assertNotEquals(PlaneFingerprint.of(ramp(30, 20)), PlaneFingerprint.of(ramp(20, 30)));
		float[] floats = new float[30 * 20];
		for (int i = 0; i < floats.length; i++) floats[i] = (i * 7) & 0xffff;
		assertNotEquals(PlaneFingerprint.of(ramp(30, 20)), PlaneFingerprint.of(ArrayImgs.floats(floats, 30, 20)));
	}

	@Test
	void anOffsetViewOfTheSameValuesHasTheSameFingerprint() {
		assertEquals(PlaneFingerprint.of(ramp(30, 20)), PlaneFingerprint.of(Views.translate(ramp(30, 20), 5, 9)));
	}

	@Test
	void rgbPlanesAreSupportedAndOtherDimensionsRejected() {
		assertEquals(64, PlaneFingerprint.of(ArrayImgs.argbs(new int[] { 1, 2, 3, 4 }, 2, 2)).length());
		assertThrows(IllegalArgumentException.class, () -> PlaneFingerprint.of(ArrayImgs.unsignedShorts(2, 2, 2)));
	}
}
