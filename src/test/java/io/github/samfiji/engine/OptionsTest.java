package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.segment.SegmentationOptions;

import org.junit.jupiter.api.Test;

/** Engine and segmentation options: defaults, immutability and validation. */
class OptionsTest {

	@Test
	void engineDefaultsUseAllCores() {
		assertEquals(0, EngineOptions.defaults().threads());
		assertEquals(3, EngineOptions.defaults().withThreads(3).threads());
	}

	@Test
	void negativeThreadCountIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineOptions.defaults()
			.withThreads(-1));
		assertEquals("threads must be 0 (all cores) or 1 to " + EngineOptions.maxThreads() + " (4 per core), not -1", e
			.getMessage());
	}

	@Test
	void threadCountIsBoundedByFourPerCore() {
		// 100000 threads hung in onnxruntime's session creation
		int max = EngineOptions.maxThreads();
		assertEquals(4 * Runtime.getRuntime().availableProcessors(), max);
		assertEquals(max, EngineOptions.defaults().withThreads(max).threads());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineOptions.defaults()
			.withThreads(100000));
		assertEquals("threads must be 0 (all cores) or 1 to " + max + " (4 per core), not 100000", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> EngineOptions.defaults().withThreads(max + 1));
	}

	@Test
	void segmentationDefaultsAreAutoMappingAndBestMask() {
		SegmentationOptions d = SegmentationOptions.defaults();
		assertEquals(IntensityMapping.auto(), d.intensityMapping());
		assertEquals(MultimaskMode.BEST, d.multimask());
	}

	@Test
	void withersReturnChangedCopies() {
		SegmentationOptions d = SegmentationOptions.defaults();
		SegmentationOptions changed = d.withMultimask(MultimaskMode.ALL).withIntensityMapping(IntensityMapping.fixed(
			-160, 240));
		assertEquals(MultimaskMode.ALL, changed.multimask());
		assertEquals("fixed:-160:240", changed.intensityMapping().toString());
		assertEquals(MultimaskMode.BEST, d.multimask());
		assertEquals(IntensityMapping.auto(), d.intensityMapping());
	}
}
