package io.github.samfiji.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;

/** CT windows by name or width/level, on 32-bit and signed 16-bit data with negative Hounsfield units. */
class IntensityPresetsTest {

	@Test
	void presetsAreTheUsualWindows() {
		assertEquals(IntensityMapping.fixed(-160, 240), IntensityMapping.parse("ct-soft-tissue"));
		assertEquals(IntensityMapping.fixed(-1350, 150), IntensityMapping.parse("CT_Lung"));
		assertEquals(IntensityMapping.fixed(-500, 1300), IntensityMapping.parse("ct-bone"));
		assertEquals(IntensityMapping.fixed(0, 80), IntensityMapping.parse("ct-brain"));
		assertEquals(IntensityMapping.fixed(-160, 240), IntensityMapping.parse("window:400:40"));
		assertEquals(IntensityMapping.window(1500, -600), IntensityMapping.PRESETS.get("ct-lung"));
	}

	@Test
	void aPresetKeepsItsNameInTextButIsKeyedByItsNumbers() {
		IntensityMapping lung = IntensityMapping.parse("ct-lung");
		assertEquals("ct-lung", lung.toString());
		assertEquals("fixed:-1350:150", lung.canonical());
		assertEquals("ct-lung (fixed:-1350:150)", lung.describe());
		assertEquals(lung, IntensityMapping.parse(lung.toString()));
		assertEquals("window:400:40 is fixed:-160:240", "window:400:40 is " + IntensityMapping.parse("window:400:40"));
	}

	@Test
	void negativeHounsfieldUnitsIn32BitMapThroughTheWindow() {
		float[] hu = { -1000, -160, -60, 40, 240, 3000, Float.NaN, 140 };
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.floats(hu, 4, 2), IntensityMapping.parse("ct-soft-tissue"));
		assertArrayEquals(new float[] { 0, 0, 63.75f, 127.5f, 255, 255, 0, 191.25f }, rgb.channel(0), 1e-4f);
		assertEquals(-160, rgb.mappedMin());
		assertEquals(240, rgb.mappedMax());
	}

	@Test
	void lungWindowOnSigned16BitData() {
		short[] hu = { -1350, -600, 150, -1024 };
		RgbPlane rgb = PlaneConverter.toRgb(ArrayImgs.shorts(hu, 2, 2), IntensityMapping.parse("ct-lung"));
		assertArrayEquals(new float[] { 0, 127.5f, 255, 55.42f }, rgb.channel(1), 1e-4f);
	}

	@Test
	void unknownNamesListThePresets() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntensityMapping.parse(
			"ct-kidney"));
		assertTrue(e.getMessage().contains("ct-soft-tissue, ct-lung, ct-bone"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> IntensityMapping.parse("window:0:40"));
	}
}
