package io.github.samfiji.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.model.Preprocessing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where an image sits in the square model input, and how coordinates map between the two frames. */
class ResizeGeometryTest {

	private static final Preprocessing SAM = Preprocessing.samDefault();
	private static final Preprocessing STRETCH = new Preprocessing(1024, Preprocessing.ResizeRule.STRETCH,
		new float[] { 0, 0, 0 }, new float[] { 1, 1, 1 });

	@ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
	@CsvSource({
		// expected sizes are floor(side * 1024 / longest + 0.5), worked out by hand
		"640, 480, 1024, 768",
		"480, 640, 768, 1024",
		"1024, 1024, 1024, 1024",
		"4096, 4096, 1024, 1024",
		"53, 37, 1024, 715", // 37888 / 53 = 714.87
		"37, 53, 715, 1024",
		"101, 67, 1024, 679", // 68608 / 101 = 679.29
		"9, 7, 1024, 796", // 7168 / 9 = 796.44
		"20, 13, 1024, 666", // 665.6
		"1500, 2000, 768, 1024",
		"2000, 1200, 1024, 614", // 614.4
		"1, 1000, 1, 1024", // 1.024
		"1000, 1, 1024, 1",
		"2048, 3, 1024, 2", // exactly 1.5 rounds up
		"1, 1, 1024, 1024" })
	void longestSideSizes(int w, int h, int scaledW, int scaledH) {
		ResizeGeometry g = ResizeGeometry.of(w, h, SAM);
		assertEquals(w, g.originalWidth());
		assertEquals(h, g.originalHeight());
		assertEquals(1024, g.inputSize());
		assertEquals(scaledW, g.scaledWidth());
		assertEquals(scaledH, g.scaledHeight());
		assertEquals(scaledW / (double) w, g.scaleX(), 0);
		assertEquals(scaledH / (double) h, g.scaleY(), 0);
	}

	@Test
	void mappingScalesContinuousCoordinates() {
		ResizeGeometry g = ResizeGeometry.of(640, 480, SAM);
		assertEquals(1.6, g.scaleX(), 1e-15);
		assertEquals(16.0, g.toModelX(10), 1e-12);
		assertEquals(0.8, g.toModelY(0.5), 1e-12);
		assertEquals(1024.0, g.toModelX(640), 1e-12);
		assertEquals(768.0, g.toModelY(480), 1e-12);
		assertEquals(10.0, g.toOriginalX(16), 1e-12);
		assertEquals(0.5, g.toOriginalY(0.8), 1e-12);
	}

	@Test
	void imageCornerMapsOntoTheScaledCornerForOddSizes() {
		ResizeGeometry g = ResizeGeometry.of(53, 37, SAM);
		assertEquals(1024.0, g.toModelX(53), 1e-9);
		assertEquals(715.0, g.toModelY(37), 1e-9);
		// the two axes scale slightly differently because the height was rounded
		assertEquals(1024.0 / 53, g.scaleX(), 1e-15);
		assertEquals(715.0 / 37, g.scaleY(), 1e-15);
		assertEquals(12.25, g.toOriginalX(g.toModelX(12.25)), 1e-12);
		assertEquals(30.5, g.toOriginalY(g.toModelY(30.5)), 1e-12);
	}

	@Test
	void stretchFillsTheWholeInput() {
		ResizeGeometry g = ResizeGeometry.of(640, 480, STRETCH);
		assertEquals(1024, g.scaledWidth());
		assertEquals(1024, g.scaledHeight());
		assertEquals(1024.0 / 480, g.scaleY(), 1e-15);
	}

	@Test
	void otherInputSizes() {
		Preprocessing small = new Preprocessing(8, Preprocessing.ResizeRule.LONGEST_SIDE, new float[] { 0, 0, 0 },
			new float[] { 1, 1, 1 });
		ResizeGeometry g = ResizeGeometry.of(5, 3, small);
		assertEquals(8, g.inputSize());
		assertEquals(8, g.scaledWidth());
		assertEquals(5, g.scaledHeight()); // 3 * 8 / 5 = 4.8
	}

	@Test
	void emptyImageIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResizeGeometry.of(0, 10, SAM));
		assertEquals("Image is empty: 0x10", e.getMessage());
	}

	@Test
	void equalityAndText() {
		assertEquals(ResizeGeometry.of(640, 480, SAM), ResizeGeometry.of(640, 480, SAM));
		assertEquals(ResizeGeometry.of(640, 480, SAM).hashCode(), ResizeGeometry.of(640, 480, SAM).hashCode());
		assertNotEquals(ResizeGeometry.of(640, 480, SAM), ResizeGeometry.of(640, 480, STRETCH));
		assertNotEquals(ResizeGeometry.of(640, 480, SAM), ResizeGeometry.of(480, 640, SAM));
		assertEquals("640x480 -> 1024x768 in 1024x1024", ResizeGeometry.of(640, 480, SAM).toString());
	}
	@Test
	void anotherInputSizeRecomputesTheScaledSizeByTheRule() {
		ResizeGeometry g512 = ResizeGeometry.of(1000, 333, new Preprocessing(512, Preprocessing.ResizeRule.LONGEST_SIDE,
			new float[3], new float[] { 1, 1, 1 }));
		assertEquals(170, g512.scaledHeight()); // floor(333 * 0.512 + 0.5)
		ResizeGeometry g1024 = g512.withInputSize(1024);
		assertEquals(1024, g1024.inputSize());
		assertEquals(1024, g1024.scaledWidth());
		assertEquals(341, g1024.scaledHeight(), "floor(333 * 1.024 + 0.5), not 2 * 170");
		assertEquals(ResizeGeometry.of(1000, 333, Preprocessing.samDefault()), g1024);
		ResizeGeometry stretched = ResizeGeometry.of(30, 20, STRETCH).withInputSize(256);
		assertEquals(ResizeGeometry.restore(30, 20, 256, 256, 256, true), stretched);
	}
}
