package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Prefs;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionTable;

import java.awt.Color;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tool's options live in the ImageJ preferences; the shared ones are the other dialogs' starting values. */
class SamOptionsTest {

	private static final String[] KEYS = { "samfiji.model", "samfiji.threads", "samfiji.intensity",
		"samfiji.tool.multimask", "samfiji.tool.overlay", "samfiji.tool.opacity", "samfiji.encoding", "samfiji.tile_size",
		"samfiji.tile_halo", "samfiji.crop_margin" };
	private final String[] saved = new String[KEYS.length];

	@BeforeEach
	void keep() {
		for (int i = 0; i < KEYS.length; i++) {
			saved[i] = Prefs.get(KEYS[i], null);
			Prefs.set(KEYS[i], (String) null);
		}
	}

	@AfterEach
	void restore() {
		for (int i = 0; i < KEYS.length; i++)
			Prefs.set(KEYS[i], saved[i]);
	}

	@Test
	void optionsSurviveASaveAndAreSharedWithTheOtherDialogs() {
		SamOptions o = SamOptions.load().withMacroOptions(
			"model=[my model] threads=2 intensity=fixed:0:4000 multimask=single overlay=#ff8000 opacity=65");
		o.save();
		SamOptions back = SamOptions.load();
		assertEquals("my model", back.model());
		assertEquals(2, back.engineOptions().threads());
		assertEquals(IntensityMapping.fixed(0, 4000), back.segmentationOptions().intensityMapping());
		assertEquals(MultimaskMode.SINGLE, back.segmentationOptions().multimask());
		assertEquals(new Color(0xff8000), back.overlayColor());
		assertEquals(65, back.overlayOpacity());
		assertEquals("my model", FijiOptions.remembered(Operation.SEGMENT).get(OptionTable.MODEL),
			"the Segment with Prompts dialog starts from it");
		assertEquals(o.toMacroOptions(), back.toMacroOptions());
	}

	@Test
	void theEncodingIsKeptWhereTheOtherDialogsFindItAndLeftOutKeysKeepTheirValues() {
		SamOptions o = SamOptions.load().withMacroOptions("encoding=tiles tile_size=512 tile_halo=64");
		o.save();
		assertEquals(512, FijiOptions.remembered(Operation.EVERYTHING).get(OptionTable.TILE_SIZE));
		SamOptions back = SamOptions.load().withMacroOptions("crop_margin=32");
		assertEquals(EncodingMode.TILES, back.segmentationOptions().encoding().mode());
		assertEquals(64, back.segmentationOptions().encoding().tileHalo());
		assertEquals(32, back.segmentationOptions().encoding().cropMargin());
		assertTrue(back.toMacroOptions().contains(" encoding=tiles tile_size=512 tile_halo=64 crop_margin=32 "), back
			.toMacroOptions());
	}

	@Test
	void unreadablePreferencesFallBackToDefaults() {
		Prefs.set("samfiji.intensity", "sometimes");
		Prefs.set("samfiji.tool.multimask", "all");
		Prefs.set("samfiji.tool.opacity", "400");
		SamOptions o = SamOptions.load();
		assertEquals(IntensityMapping.auto(), o.segmentationOptions().intensityMapping());
		assertEquals(MultimaskMode.BEST, o.segmentationOptions().multimask(), "the tool shows one mask at a time");
		assertEquals(40, o.overlayOpacity());
	}

	@Test
	void badMacroValuesSayWhatToGive() {
		SamOptions o = SamOptions.load();
		assertEquals("opacity must be in 0-100, got 101", assertThrows(IllegalArgumentException.class, () -> o
			.withMacroOptions("opacity=101")).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> o.withMacroOptions("overlay=blurple")).getMessage()
			.startsWith("overlay must be a colour name (yellow, red,"));
		assertEquals("multimask must be one of best, single, smallest, largest, not 'all'", assertThrows(IllegalArgumentException.class,
			() -> o.withMacroOptions("multimask=all")).getMessage());
	}
}
