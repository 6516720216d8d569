package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Prefs;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;

import java.awt.Color;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The options live in the ImageJ preferences, under the keys "Segment with Prompts" also uses. */
class SamOptionsTest {

	private static final String[] KEYS = { "samfiji.segment.model", "samfiji.segment.threads",
		"samfiji.segment.intensity", "samfiji.segment.multimask", "samfiji.tool.color", "samfiji.tool.opacity",
		"samfiji.segment.encoding", "samfiji.segment.tileSize", "samfiji.segment.tileHalo", "samfiji.segment.cropMargin" };
	private final String[] saved = new String[KEYS.length];

	@BeforeEach
	void keep() {
		for (int i = 0; i < KEYS.length; i++)
			saved[i] = Prefs.get(KEYS[i], null);
	}

	@AfterEach
	void restore() {
		for (int i = 0; i < KEYS.length; i++)
			Prefs.set(KEYS[i], saved[i]);
	}

	@Test
	void optionsSurviveASaveAndAreSharedWithSegmentWithPrompts() {
		SamOptions o = SamOptions.load().withMacroOptions(
			"model=[my model] threads=2 intensity=fixed:0:4000 multimask=single overlay=#ff8000 opacity=65");
		o.save();
		SamOptions back = SamOptions.load();
		assertEquals("my model", back.model);
		assertEquals(2, back.threads);
		assertEquals(IntensityMapping.fixed(0, 4000).toString(), back.intensity.toString());
		assertEquals(MultimaskMode.SINGLE, back.multimask);
		assertEquals(new Color(0xff8000), back.overlayColor);
		assertEquals(65, back.overlayOpacity);
		assertEquals("my model", new SegmentParameters().model, "the Segment with Prompts dialog starts from it");
		assertEquals(o.toMacroOptions(), back.toMacroOptions());
		assertEquals(2, back.engineOptions().threads());
		assertEquals(MultimaskMode.SINGLE, back.segmentationOptions().multimask());
	}

	@Test
	void theEncodingIsKeptWhereSegmentWithPromptsFindsIt() {
		SamOptions o = SamOptions.load().withMacroOptions("encoding=tiles tile_size=512 tile_halo=64");
		assertEquals("encoding=tiles tile_size=512 tile_halo=64 crop_margin=128", o.encoding.toString());
		o.save();
		assertEquals("tiles", Prefs.get("samfiji.segment.encoding", ""), "the Segment with Prompts dialog starts from it");
		assertEquals(512, (int) Prefs.get("samfiji.segment.tileSize", 0));
		SamOptions back = SamOptions.load();
		assertEquals(o.encoding.toString(), back.encoding.toString());
		assertEquals(EncodingMode.TILES, back.segmentationOptions().encoding().mode());
		assertTrue(back.toMacroOptions().contains(" encoding=tiles tile_size=512 tile_halo=64 crop_margin=128 "));
		assertEquals("encoding=tiles tile_size=512 tile_halo=64 crop_margin=32", back.withMacroOptions("crop_margin=32")
			.encoding.toString(), "keys left out keep their values");
		Prefs.set("samfiji.segment.tileHalo", 400);
		assertEquals(EncodingOptions.defaults().toString(), SamOptions.load().encoding.toString(),
			"a halo of more than half the tile falls back to the defaults");
		assertEquals("tile_halo (300) must be less than half of tile_size (512), or tiles would not advance; e.g. tile_size=1024 tile_halo=128",
			assertThrows(IllegalArgumentException.class, () -> back.withMacroOptions("tile_halo=300")).getMessage());
	}

	@Test
	void unreadablePreferencesFallBackToDefaults() {
		Prefs.set("samfiji.segment.intensity", "sometimes");
		Prefs.set("samfiji.segment.multimask", "all");
		Prefs.set("samfiji.tool.opacity", 400);
		SamOptions o = SamOptions.load();
		assertEquals("auto", o.intensity.toString());
		assertEquals(MultimaskMode.BEST, o.multimask, "the tool shows one mask at a time");
		assertEquals(100, o.overlayOpacity);
	}

	@Test
	void badMacroValuesSayWhatToGive() {
		SamOptions o = new SamOptions();
		assertEquals("threads must be >= 0 (0 = all cores), got -1", assertThrows(IllegalArgumentException.class,
			() -> o.withMacroOptions("threads=-1")).getMessage());
		assertEquals("opacity must lie in 0-100, got 101", assertThrows(IllegalArgumentException.class, () -> o
			.withMacroOptions("opacity=101")).getMessage());
		assertEquals("Unknown overlay colour 'blurple': use a name such as yellow or a hex value such as #ff8000",
			assertThrows(IllegalArgumentException.class, () -> o.withMacroOptions("overlay=blurple")).getMessage());
		assertEquals("The interactive tool shows one mask at a time: use multimask=best or multimask=single",
			assertThrows(IllegalArgumentException.class, () -> o.withMacroOptions("multimask=all")).getMessage());
	}
}
