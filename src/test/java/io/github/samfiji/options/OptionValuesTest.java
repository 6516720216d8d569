package io.github.samfiji.options;

import static io.github.samfiji.options.OptionTable.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.preprocess.IntensityMapping;

import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionValuesTest {

	private static Map<String, String> map(String... keyValues) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
		return m;
	}

	@Test
	void givenValuesAreParsedAndTheRestDefault() {
		OptionValues v = OptionValues.parse(Operation.SEGMENT, Front.CLI, map("image", "a.tif", "prompts", "p.csv",
			"out", "o", "tile-size", "512", "intensity", "ct-lung", "every-plane", null));
		assertEquals(512, v.get(TILE_SIZE));
		assertEquals(IntensityMapping.parse("ct-lung"), v.get(INTENSITY));
		assertEquals(Paths.get("p.csv"), v.get(PROMPT_FILE));
		assertTrue(v.get(EVERY_PLANE));
		assertEquals(128, v.get(TILE_HALO));
		assertEquals("best", v.get(MULTIMASK));
		assertTrue(v.isGiven(TILE_SIZE));
		assertFalse(v.isGiven(TILE_HALO));
		assertNull(v.get(CACHE_DIRECTORY));
	}

	@Test
	void anOptionOfAnotherOperationIsNamedWithTheOperation() {
		OptionException e = assertThrows(OptionException.class, () -> OptionValues.parse(Operation.EVERYTHING,
			Front.CLI, map("image", "a.tif", "out", "o", "propagation-prompt", "box")));
		assertEquals("sam everything does not take --propagation-prompt", e.getMessage());
		e = assertThrows(OptionException.class, () -> OptionValues.parse(Operation.EVERYTHING, Front.FIJI, map(
			"propagation_prompt", "box")));
		assertEquals("Segment Everything does not take propagation_prompt", e.getMessage());
	}

	@Test
	void anUnknownOptionIsNamed() {
		OptionException e = assertThrows(OptionException.class, () -> OptionValues.parse(Operation.SEGMENT, Front.FIJI,
			map("tilesize", "3")));
		assertEquals("Segment with Prompts: unknown option tilesize", e.getMessage());
	}

	@Test
	void badValuesSayWhatIsWrongAndWhatIsAccepted() {
		assertEquals("slice must be a whole number, not '2.9'", message(Operation.OBJECT, Front.FIJI, "slice", "2.9"));
		assertEquals("--min-iou must be a finite number, not 'NaN'", message(Operation.PROPAGATE, Front.CLI, "min-iou",
			"NaN"));
		assertEquals("--threads must be in 0-" + OptionTable.maxThreads() + ", got 100000", message(Operation.SEGMENT,
			Front.CLI, "threads", "100000"));
		assertEquals("encoding must be one of auto, whole, tiles, not 'crop'", message(Operation.EVERYTHING, Front.FIJI,
			"encoding", "crop"));
		assertTrue(message(Operation.SEGMENT, Front.FIJI, "intensity", "loud").startsWith(
			"intensity: Unknown intensity mapping 'loud': use auto"));
		assertEquals("tile_size needs a value: tile_size=64-16384", message(Operation.SEGMENT, Front.FIJI, "tile_size",
			null));
	}

	private static String message(Operation op, Front front, String key, String text) {
		Map<String, String> m = front == Front.CLI ? map("image", "a", "prompts", "p", "out", "o") : map();
		m.put(key, text);
		return assertThrows(OptionException.class, () -> OptionValues.parse(op, front, m)).getMessage();
	}

	@Test
	void aRequiredOptionLeftOutIsNamedWithItsForm() {
		OptionException e = assertThrows(OptionException.class, () -> OptionValues.parse(Operation.SEGMENT, Front.CLI,
			map("image", "a.tif", "out", "o")));
		assertEquals("sam segment needs --prompts FILE", e.getMessage());
	}

	@Test
	void absentOptionsTakeTheFallbackText() {
		OptionValues v = OptionValues.parse(Operation.SEGMENT, Front.FIJI, map("tile_size", "256", "tile_halo", "64"),
			o -> o.type().kind() == ValueType.Kind.BOOLEAN ? "false" : o == MODEL ? "sam-vit-b" : null);
		assertFalse(v.get(LABEL_IMAGE));
		assertEquals("sam-vit-b", v.get(MODEL));
		assertEquals(256, v.get(TILE_SIZE));
		assertEquals(64, EngineSettings.encoding(v).tileHalo());
	}

	@Test
	void valuesWriteMacroOptionsThatReadBack() {
		OptionValues v = OptionValues.defaults(Operation.SEGMENT).with(PROMPT_SOURCE, "Active selection").with(
			CACHE_DIRECTORY, Paths.get("/data/my cache")).with(ADD_TO_MANAGER, false);
		String macro = v.toMacroOptions(OptionTable.of(Operation.SEGMENT, Front.FIJI));
		assertTrue(macro.contains("prompts=[Active selection]"), macro);
		assertTrue(macro.contains("cache_directory=[/data/my cache]"), macro);
		assertTrue(macro.contains(" label_image "), macro);
		assertFalse(macro.contains("add_to_manager"), macro);
		OptionValues back = OptionValues.parse(Operation.SEGMENT, Front.FIJI, MacroOptionText.parse(macro),
			o -> o.type().kind() == ValueType.Kind.BOOLEAN ? "false" : null);
		for (Option<?> o : OptionTable.of(Operation.SEGMENT, Front.FIJI))
			assertEquals(v.get(o), back.get(o), o.name());
	}

	@Test
	void engineRecordsCarryTheValues() {
		OptionValues v = OptionValues.parse(Operation.PROPAGATE, Front.FIJI, map("axis", "t", "max_area_change", "4",
			"threads", "2", "device", "CUDA"));
		assertEquals("t", EngineSettings.propagation(v).axis());
		assertEquals(4.0, EngineSettings.propagation(v).maxAreaRatio());
		assertEquals(2, EngineSettings.engine(v).threads());
		assertEquals("cuda", v.get(DEVICE));
		OptionValues e = OptionValues.defaults(Operation.EVERYTHING);
		assertEquals(io.github.samfiji.engine.auto.AutomaticOptions.defaults().toString(), EngineSettings.automatic(e)
			.toString());
	}

	@Test
	void emptyValuesOfRequiredOrNamingOptionsAreRefused() {
		assertEquals("--out needs a value: --out DIR", assertThrows(OptionException.class, () -> OptionValues.parse(
			Operation.SEGMENT, Front.CLI, map("image", "a", "prompts", "p", "out", ""))).getMessage());
		assertEquals("--model must not be empty: give ID|DESCRIPTOR.json", message(Operation.SEGMENT, Front.CLI, "model",
			" "));
		assertEquals("model is given twice", assertThrows(OptionException.class, () -> MacroOptionText.parse(
			"model=a threads=1 model=b")).getMessage());
	}
}
