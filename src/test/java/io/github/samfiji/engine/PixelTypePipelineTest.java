package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.complex.ComplexFloatType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every supported pixel type segments to the same exact masks; an unsupported type is refused by name. */
class PixelTypePipelineTest {

	private static final int W = 53, H = 37;
	private static SamModel model;
	private static PromptSegmenter segmenter;
	private static final ObjectPrompt BOX = ObjectPrompt.builder().box(7, 4, 30, 20).build();
	private static final ObjectPrompt POINTS = ObjectPrompt.builder().point(40.5, 30.5, true).point(43.5, 30.5, false)
		.build();

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
		segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static void assertExactMasks(RandomAccessibleInterval<?> image) {
		SegmentationResult result = segmenter.segment(PlaneSource.of(image), Arrays.asList(BOX, POINTS),
			TaskMonitor.NONE);
		assertEquals(2, result.objects().size());
		AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(W, H, 7, 4, 30, 20), result.objects().get(0).mask());
		AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(W, H, POINTS, AnalyticMasks.R2_SINGLE), result.objects()
			.get(1).mask());
	}

	@Test
	void unsignedByteImage() {
		assertExactMasks(TestImages.unsignedBytes(W, H));
	}

	@Test
	void unsignedShortImage() {
		assertExactMasks(TestImages.unsignedShorts(W, H));
	}

	@Test
	void floatImageWithNegativeValues() {
		assertExactMasks(TestImages.floats(W, H));
	}

	@Test
	void argbImage() {
		assertExactMasks(TestImages.argbs(W, H));
	}

	@Test
	void complexImageIsRefusedWithTheTypeName() {
		RandomAccessibleInterval<ComplexFloatType> complex = ArrayImgs.complexFloats(W, H);
		List<ObjectPrompt> prompts = Arrays.asList(BOX);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> segmenter.segment(PlaneSource
			.of(complex), prompts, TaskMonitor.NONE));
		assertTrue(e.getMessage().contains("Unsupported pixel type ComplexFloatType"), e.getMessage());
		assertTrue(e.getMessage().contains("8, 16 or 32-bit grey or RGB"), e.getMessage());
	}
}
