package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;

import org.junit.jupiter.api.Test;

/** The encoding keys of "Segment with Prompts" and "Segment Everything". */
class EncodingParametersTest {

	@Test
	void keysReachTheSegmentationOptions() {
		SegmentParameters p = SegmentParameters.fromMacroOptions(
			"prompts=File prompt_file=/tmp/p.csv encoding=tiles tile_size=512 tile_halo=200 crop_margin=40");
		EncodingOptions e = p.segmentationOptions().encoding();
		assertSame(EncodingMode.TILES, e.mode());
		assertEquals(512, e.tileSize());
		assertEquals(200, e.tileHalo(), "a halo above the default halo of a smaller tile: keys are checked together");
		assertEquals(40, e.cropMargin());
		EverythingParameters q = EverythingParameters.fromMacroOptions("encoding=whole tile_size=2048");
		assertSame(EncodingMode.WHOLE, q.segmentationOptions().encoding().mode());
		assertEquals(2048, q.segmentationOptions().encoding().tileSize());
	}

	@Test
	void leftOutKeysChooseAutomatically() {
		EncodingOptions e = SegmentParameters.fromMacroOptions("").segmentationOptions().encoding();
		assertEquals(EncodingOptions.defaults().toString(), e.toString());
		assertEquals("encoding=auto tile_size=1024 tile_halo=128 crop_margin=128", e.toString());
		assertSame(EncodingMode.AUTO, EverythingParameters.fromMacroOptions("").encoding.mode());
	}

	@Test
	void badValuesNameTheirKey() {
		assertEquals("Unknown encoding 'zoom': use auto, whole, crop or tiles", assertThrows(
			IllegalArgumentException.class, () -> SegmentParameters.fromMacroOptions("encoding=zoom")).getMessage());
		assertEquals("tile_size must be a whole number, not 'big'", assertThrows(IllegalArgumentException.class,
			() -> SegmentParameters.fromMacroOptions("tile_size=big")).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SegmentParameters.fromMacroOptions(
			"tile_size=256 tile_halo=128")).getMessage().startsWith("tile_halo (128) must be less than half of tile_size"));
		assertEquals("encoding=crop needs prompts; Segment Everything takes encoding=auto, whole or tiles", assertThrows(
			IllegalArgumentException.class, () -> EverythingParameters.fromMacroOptions("encoding=crop")).getMessage());
	}
}
