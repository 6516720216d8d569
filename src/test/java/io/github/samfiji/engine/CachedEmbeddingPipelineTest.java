package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A segmenter with a cache never encodes the same plane content twice for the same model and mapping. */
class CachedEmbeddingPipelineTest {

	private static final int W = 40, H = 30;
	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	/** Three planes; planes 1 and 3 have the same pixels. */
	private static ArrayImg<UnsignedShortType, ShortArray> stack() {
		short[] data = new short[W * H * 3];
		for (int i = 0; i < W * H; i++) {
			data[i] = data[2 * W * H + i] = (short) (i % 500);
			data[W * H + i] = (short) (i % 300);
		}
		return ArrayImgs.unsignedShorts(data, W, H, 3);
	}

	private static List<ObjectPrompt> boxesOnEveryPlane() {
		return Arrays.asList(ObjectPrompt.builder().box(2, 3, 10, 5).slice(1).build(), ObjectPrompt.builder().box(5, 5,
			8, 8).slice(2).build(), ObjectPrompt.builder().box(20, 10, 6, 9).slice(3).build());
	}

	@Test
	void reRunningAndRepromptingDoNotEncodeAgain() {
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(
			1 << 30, null));
		long before = model.encoder().runCount();
		SegmentationResult first = segmenter.segment(PlaneSource.stack(stack()), boxesOnEveryPlane(), TaskMonitor.NONE);
		assertEquals(2, model.encoder().runCount() - before, "planes 1 and 3 share content, so one embedding");

		SegmentationResult again = segmenter.segment(PlaneSource.stack(stack()), boxesOnEveryPlane(), TaskMonitor.NONE);
		segmenter.segment(PlaneSource.stack(stack()), Collections.singletonList(ObjectPrompt.builder().point(30.5, 20.5,
			true).slice(2).build()), TaskMonitor.NONE);
		assertEquals(2, model.encoder().runCount() - before, "re-running and re-prompting reuse the embeddings");
		for (int z = 1; z <= 3; z++)
			assertArrayEquals(first.labels().plane(z), again.labels().plane(z));
	}

	@Test
	void anotherIntensityMappingOrEditedPixelsEncodeAgain() {
		EmbeddingCache cache = new EmbeddingCache(1 << 30, null);
		ArrayImg<UnsignedShortType, ShortArray> image = stack();
		PlaneSource planes = PlaneSource.stack(image);
		long before = model.encoder().runCount();
		new PromptSegmenter(model, SegmentationOptions.defaults(), cache).encode(planes.plane(2));
		new PromptSegmenter(model, SegmentationOptions.defaults().withIntensityMapping(IntensityMapping.fixed(0, 400)),
			cache).encode(planes.plane(2));
		assertEquals(2, model.encoder().runCount() - before);

		image.update(null).setValue(W * H + 7, (short) 9);
		new PromptSegmenter(model, SegmentationOptions.defaults(), cache).encode(planes.plane(2));
		assertEquals(3, model.encoder().runCount() - before, "an edited plane is a different plane");
	}
}
