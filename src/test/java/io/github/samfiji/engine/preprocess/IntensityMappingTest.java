package io.github.samfiji.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The textual form of intensity mappings and their validation. */
class IntensityMappingTest {

	@ParameterizedTest
	@ValueSource(strings = { "auto", "percentiles:0.1:99.9", "percentiles:0:100", "percentiles:2.5:97.5",
		"fixed:-160:240", "fixed:0:65535", "fixed:-0.5:0.25", "fixed:-1000000:3000000" })
	void toStringParsesBackToTheSameMapping(String text) {
		IntensityMapping m = IntensityMapping.parse(text);
		assertEquals(text, m.toString());
		assertEquals(m, IntensityMapping.parse(m.toString()));
	}

	@Test
	void parsedValuesAndKinds() {
		IntensityMapping ct = IntensityMapping.parse("fixed:-160:240");
		assertEquals(IntensityMapping.Kind.FIXED, ct.kind());
		assertEquals(-160, ct.low(), 0);
		assertEquals(240, ct.high(), 0);
		IntensityMapping p = IntensityMapping.parse("percentiles:1:99");
		assertEquals(IntensityMapping.Kind.PERCENTILES, p.kind());
		assertEquals(1, p.low(), 0);
		assertEquals(99, p.high(), 0);
		IntensityMapping auto = IntensityMapping.auto();
		assertEquals(IntensityMapping.Kind.AUTO, auto.kind());
		assertEquals(0.1, auto.low(), 0);
		assertEquals(99.9, auto.high(), 0);
	}

	@Test
	void parsingIgnoresCaseAndSurroundingSpaces() {
		assertEquals(IntensityMapping.fixed(-160, 240), IntensityMapping.parse("  FIXED:-160:240 "));
		assertEquals(IntensityMapping.auto(), IntensityMapping.parse("Auto"));
	}

	@Test
	void emptyOrNullTextMeansAuto() {
		assertEquals(IntensityMapping.auto(), IntensityMapping.parse(""));
		assertEquals(IntensityMapping.auto(), IntensityMapping.parse(null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "linear", "fixed:1", "fixed:a:b", "percentiles:1:2:3", "fixed::5" })
	void unknownTextIsRefusedWithTheAcceptedForms(String text) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntensityMapping.parse(text));
		assertEquals("Unknown intensity mapping '" + text +
			"': use auto, percentiles:LOW:HIGH (e.g. percentiles:0.1:99.9), fixed:MIN:MAX (e.g. fixed:-160:240), " +
			"window:WIDTH:LEVEL (e.g. window:400:40) or a preset: ct-soft-tissue, ct-lung, ct-bone, ct-brain, ct-liver, " +
			"ct-mediastinum, ct-stroke", e.getMessage());
	}

	@Test
	void rangeMustIncrease() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntensityMapping.fixed(240,
			-160));
		assertEquals("The intensity range needs low < high, got 240.0 and -160.0", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> IntensityMapping.fixed(5, 5));
		assertThrows(IllegalArgumentException.class, () -> IntensityMapping.fixed(Double.NaN, 5));
	}

	@Test
	void rangeMustBeFinite() {
		// an infinite bound scales every pixel by 0 and Infinity - Infinity gives NaN pixels
		assertEquals("The intensity range needs finite numbers, got -Infinity and 5.0", assertThrows(
			IllegalArgumentException.class, () -> IntensityMapping.fixed(Double.NEGATIVE_INFINITY, 5)).getMessage());
		assertEquals("The intensity range needs finite numbers, got -1.0E308 and 1.0E308", assertThrows(
			IllegalArgumentException.class, () -> IntensityMapping.fixed(-1e308, 1e308)).getMessage());
		assertThrows(IllegalArgumentException.class, () -> IntensityMapping.window(Double.POSITIVE_INFINITY, 0));
	}

	@Test
	void percentilesMustLieInZeroToHundred() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntensityMapping.parse(
			"percentiles:-1:50"));
		assertEquals("Percentiles must lie in 0-100, got -1.0 and 50.0", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> IntensityMapping.percentiles(1, 100.5));
	}

	@Test
	void equalityFollowsTheTextualForm() {
		assertEquals(IntensityMapping.percentiles(1, 99), IntensityMapping.parse("percentiles:1.0:99.0"));
		assertEquals(IntensityMapping.percentiles(1, 99).hashCode(), IntensityMapping.parse("percentiles:1:99")
			.hashCode());
		assertNotEquals(IntensityMapping.percentiles(1, 99), IntensityMapping.fixed(1, 99));
		assertNotEquals(IntensityMapping.auto(), IntensityMapping.percentiles(0.1, 99.9));
	}
}
