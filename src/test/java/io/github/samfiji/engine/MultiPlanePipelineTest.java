package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stacks: prompts name their plane, each plane with prompts is encoded once, and labels land on that plane. */
class MultiPlanePipelineTest {

	private static final int W = 64, H = 48, PLANES = 3;
	private static SamModel model;
	private static PromptSegmenter segmenter;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
		segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
	}

	@AfterAll
	static void close() {
		model.close();
	}

	/** Plane k (1-based) is constant 40 * k. */
	private static ArrayImg<UnsignedByteType, ByteArray> stack() {
		byte[] data = new byte[W * H * PLANES];
		for (int k = 0; k < PLANES; k++)
			Arrays.fill(data, k * W * H, (k + 1) * W * H, (byte) (40 * (k + 1)));
		return ArrayImgs.unsignedBytes(data, W, H, PLANES);
	}

	@Test
	void promptsOnSliceTwoAndThreeGiveMasksOnThosePlanes() {
		ObjectPrompt a = ObjectPrompt.builder().box(2, 3, 10, 5).slice(3).name("a").build();
		ObjectPrompt b = ObjectPrompt.builder().box(20, 10, 8, 8).slice(2).name("b").build();
		ObjectPrompt c = ObjectPrompt.builder().point(40.5, 30.5, true).slice(3).name("c").build();
		long runsBefore = model.encoder().runCount();

		SegmentationResult result = segmenter.segment(PlaneSource.stack(stack()), Arrays.asList(a, b, c),
			TaskMonitor.NONE);

		assertEquals(2, model.encoder().runCount() - runsBefore, "one encoder run per plane with prompts");
		assertEquals(3, result.planeCount());
		assertEquals(Arrays.asList(1, 2, 3), Arrays.asList(result.objects().get(0).id(), result.objects().get(1).id(),
			result.objects().get(2).id()));
		assertEquals(Arrays.asList("a", "b", "c"), Arrays.asList(result.objects().get(0).name(), result.objects().get(1)
			.name(), result.objects().get(2).name()));
		assertEquals(Arrays.asList(3, 2, 3), Arrays.asList(result.objects().get(0).slice(), result.objects().get(1)
			.slice(), result.objects().get(2).slice()));

		SegmentationResult.LabelStack labels = result.labels();
		short[] expected1 = new short[W * H];
		short[] expected2 = new short[W * H];
		short[] expected3 = new short[W * H];
		paint(expected2, AnalyticMasks.rectangle(W, H, 20, 10, 8, 8), 2);
		paint(expected3, AnalyticMasks.rectangle(W, H, 2, 3, 10, 5), 1);
		paint(expected3, AnalyticMasks.mask(W, H, c, AnalyticMasks.R2_SINGLE), 3);
		assertArrayEquals(expected1, labels.plane(1));
		assertArrayEquals(expected2, labels.plane(2));
		assertArrayEquals(expected3, labels.plane(3));
	}

	private static void paint(short[] labels, boolean[] mask, int value) {
		for (int i = 0; i < mask.length; i++)
			if (mask[i] && labels[i] == 0) labels[i] = (short) value;
	}

	@Test
	void segmentReadsEachPromptedPlaneOnceInOrderOfFirstPrompt() {
		PlaneSource stack = PlaneSource.stack(stack());
		List<Integer> read = new ArrayList<>();
		PlaneSource recording = new PlaneSource() {

			@Override
			public int width() { return stack.width(); }

			@Override
			public int height() { return stack.height(); }

			@Override
			public int planeCount() { return stack.planeCount(); }

			@Override
			public RandomAccessibleInterval<?> plane(int index) {
				read.add(index);
				return stack.plane(index);
			}
		};
		List<ObjectPrompt> prompts = Arrays.asList(ObjectPrompt.builder().box(1, 1, 5, 5).slice(3).build(),
			ObjectPrompt.builder().box(1, 1, 5, 5).slice(2).build(), ObjectPrompt.builder().box(9, 9, 5, 5).slice(3)
				.build());
		segmenter.segment(recording, prompts, TaskMonitor.NONE);
		assertEquals(Arrays.asList(3, 2), read);
	}

	@Test
	void encodingPlaneTwoSeesPlaneTwoPixels() {
		// 64x48 scales by exactly 16 to 1024x768; the tiny encoder averages 16x16 blocks, so each embedding cell of
		// the image region holds the normalised plane value and the padding rows hold 0
		ModelDescriptor d = model.descriptor();
		float[] mean = d.preprocessing().pixelMean(), std = d.preprocessing().pixelStd();
		ImageEmbedding e = segmenter.encode(PlaneSource.stack(stack()).plane(2));
		float[] t = e.tensor(0);
		for (int c = 0; c < 3; c++) {
			float expected = (80 - mean[c]) / std[c];
			assertEquals(expected, t[c * 64 * 64 + 10 * 64 + 20], 1e-4f, "channel " + c + ", image region");
			assertEquals(0f, t[c * 64 * 64 + 50 * 64 + 20], 0f, "channel " + c + ", padding");
		}
	}

	@Test
	void promptsOnOnePlaneOfAStackEncodeOnlyThatPlaneOnce() {
		List<ObjectPrompt> prompts = Arrays.asList(ObjectPrompt.builder().box(1, 1, 5, 5).slice(2).build(), ObjectPrompt
			.builder().point(30.5, 20.5, true).slice(2).build(), ObjectPrompt.builder().box(40, 1, 5, 5).slice(2)
				.build());
		long runsBefore = model.encoder().runCount();
		SegmentationResult result = segmenter.segment(PlaneSource.stack(stack()), prompts, TaskMonitor.NONE);
		assertEquals(1, model.encoder().runCount() - runsBefore);
		assertEquals(3, result.objectsOn(2).size());
		assertEquals(0, result.objectsOn(1).size());
		assertEquals(0, result.objectsOn(3).size());
	}
}
