package io.github.samfiji.engine.propagate;

import static io.github.samfiji.engine.propagate.BrightRectangles.rect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.RecordingMonitor;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Propagation with the tiny content decoder (mask = prompt box AND bright pixels), so every plane's mask, every
 * stop and every label is known exactly.
 */
class ObjectPropagatorTest {

	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.CONTENT);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static PropagationResult run(BrightRectangles stack, PropagationOptions options, ObjectPrompt... seeds) {
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(1 << 30,
			null));
		PlaneSource planes = PlaneSource.stack(stack.image());
		return new ObjectPropagator(segmenter, options, false).propagate(planes, PlaneAxes.zStack(planes.planeCount()),
			Arrays.asList(seeds), TaskMonitor.NONE);
	}

	private static ObjectPrompt box(int[] r, int slice, String name) {
		return ObjectPrompt.builder().box(r[0] - 1, r[1] - 1, r[2] + 2, r[3] + 2).slice(slice).name(name).build();
	}

	private static SegmentedObject on(SegmentationResult result, int id, int slice) {
		for (SegmentedObject o : result.objects())
			if (o.id() == id && o.slice() == slice) return o;
		throw new AssertionError("object " + id + " is not on plane " + slice + ": " + result.objects().size() +
			" objects");
	}

	private static void assertRect(int[] r, SegmentedObject o) {
		assertArrayEquals(BrightRectangles.mask(r).toPlane(), o.mask().toPlane(), "plane " + o.slice());
	}

	/** Planes 2-8 hold a rectangle that shrinks away from plane 5; planes 1 and 9 have none. */
	private static final int[][] SHRINKING = { null, rect(26, 22, 8, 6), rect(24, 20, 12, 10), rect(22, 18, 16, 14),
		rect(20, 16, 20, 18), rect(21, 17, 18, 16), rect(23, 19, 14, 12), rect(25, 21, 10, 8), null };

	private static BrightRectangles shrinkingStack() {
		BrightRectangles stack = new BrightRectangles();
		for (int[] r : SHRINKING)
			if (r == null) stack.plane();
			else stack.plane(r);
		return stack;
	}

	@Test
	void aShrinkingBoxIsFollowedBothWaysAndStopsWhereItEndsKeepingItsLabel() {
		PropagationResult r = run(shrinkingStack(), PropagationOptions.defaults().withMaxAreaChange(4).withMinStepIou(0).withMinPredictedIou(0), box(SHRINKING[4],
			5, "cell"));
		SegmentationResult s = r.segmentation();
		assertTrue(s.isComplete());
		assertNull(r.stoppedBecause());
		assertEquals(7, s.objects().size());
		for (int z = 2; z <= 8; z++) {
			assertRect(SHRINKING[z - 1], on(s, 1, z));
			short[] labels = s.labels().plane(z);
			assertEquals(1, labels[(SHRINKING[z - 1][1] + 1) * 64 + SHRINKING[z - 1][0] + 1], "label kept on plane " + z);
		}
		assertEquals(Arrays.asList(2, 3, 4, 5, 6, 7, 8), r.tracks().get(0).planes());
		assertEquals(Arrays.asList("z 1: empty mask", "z 9: empty mask"), r.tracks().get(0).stops());
		assertEquals("cell", r.tracks().get(0).name());
	}

	@Test
	void theBoxOfThePreviousMaskIsEnlargedByTheMargin() {
		// plane 4 from plane 5's 20x18 mask at (20,16): margin 2 x 1.8 -> box (18, 14.2)-(42, 35.8): 24 x 22 pixels
		PropagationResult r = run(shrinkingStack(), PropagationOptions.defaults().withMaxAreaChange(4).withMinStepIou(0).withMinPredictedIou(0), box(SHRINKING[4],
			5, null));
		SegmentedObject four = on(r.segmentation(), 1, 4);
		assertEquals(18, four.prompt().box().x(), 1e-9);
		assertEquals(14.2, four.prompt().box().y(), 1e-9);
		assertEquals(24, four.prompt().box().width(), 1e-9);
		assertEquals(21.6, four.prompt().box().height(), 1e-9);
		assertEquals(16 * 14 / (24.0 * 22), four.predictedIou(), 1e-6, "tiny content decoder: mask / box pixels");
	}

	@Test
	void aLowPredictedIouEndsTheObject() {
		PropagationResult r = run(shrinkingStack(), PropagationOptions.defaults().withMaxAreaChange(4).withMinStepIou(0).withMinPredictedIou(0.5), box(
			SHRINKING[4], 5, null));
		// plane 4: 224 / 528 = 0.424 < 0.5; plane 6: 18x16 in the box 24x22 (margin 2, 1.8 -> rows 14..35) = 0.545
		assertEquals(Arrays.asList(5, 6), r.tracks().get(0).planes());
		assertTrue(r.tracks().get(0).stops().get(0).startsWith("z 4: predicted IoU 0.424 < 0.5"), r.tracks().get(0)
			.stops().toString());
	}

	@Test
	void aSuddenChangeOfAreaEndsTheObject() {
		BrightRectangles stack = new BrightRectangles().plane(rect(20, 20, 4, 4)).plane(rect(20, 20, 20, 20)).plane(rect(
			20, 20, 19, 19)).plane(rect(20, 20, 21, 21));
		PropagationResult r = run(stack, PropagationOptions.defaults().withMaxAreaChange(4).withMinStepIou(0).withMinPredictedIou(0).withMaxAreaChange(1.2), box(
			rect(20, 20, 20, 20), 2, null));
		assertEquals(Arrays.asList(2, 3), r.tracks().get(0).planes());
		assertEquals(Arrays.asList("z 1: area 16 is 0.040 of the previous 400 (< 0.8333333333333334)",
			"z 4: area 441 is 1.222 times the previous 361 (> 1.2)"), r.tracks().get(0).stops());
	}

	@Test
	void twoAnnotationsOfOneObjectMeetHalfWayAndOtherObjectsKeepTheirLabels() {
		BrightRectangles stack = new BrightRectangles();
		for (int z = 1; z <= 11; z++)
			stack.plane(rect(10, 10, 12, 12), rect(36, 8, 10, 30));
		PropagationResult r = run(stack, PropagationOptions.defaults(), box(rect(10, 10, 12, 12), 2, "a"), box(rect(36,
			8, 10, 30), 6, "b"), box(rect(10, 10, 12, 12), 10, "a"));
		assertEquals(2, r.tracks().size());
		assertEquals(11, r.tracks().get(0).planes().size());
		assertEquals(Arrays.asList("z 1: end of the axis", "z 6: half-way to its annotation on z 10",
			"z 7: half-way to its annotation on z 2", "z 11: end of the axis"), sortedByPlane(r.tracks().get(0).stops()));
		assertEquals(11, r.tracks().get(1).planes().size());
		for (int z = 1; z <= 11; z++) {
			assertRect(rect(10, 10, 12, 12), on(r.segmentation(), 1, z));
			assertRect(rect(36, 8, 10, 30), on(r.segmentation(), 2, z));
			assertEquals(2, r.segmentation().labels().plane(z)[20 * 64 + 40]);
		}
	}

	private static List<String> sortedByPlane(List<String> stops) {
		String[] s = stops.toArray(new String[0]);
		Arrays.sort(s, (a, b) -> Integer.compare(Integer.parseInt(a.replaceAll("^z (\\d+):.*", "$1")), Integer.parseInt(
			b.replaceAll("^z (\\d+):.*", "$1"))));
		return Arrays.asList(s);
	}

	@Test
	void aMaskThatOverlapsThePreviousOneTooLittleEndsTheObject() {
		// plane 2 vs 3: 12x10 in 16x14 (IoU 0.536); plane 1 vs 2: 8x6 in 12x10 (0.4)
		PropagationResult r = run(shrinkingStack(), PropagationOptions.defaults().withMaxAreaChange(4).withMinPredictedIou(0)
			.withMinStepIou(0.5), box(SHRINKING[3], 4, null));
		assertEquals(Arrays.asList(3, 4), r.tracks().get(0).planes().subList(0, 2));
		assertEquals("z 2: IoU 0.400 with the previous plane < 0.5", r.tracks().get(0).stops().get(0));
	}

	@Test
	void cancellingStopsAtTheNextPlaneAndKeepsTheFinishedOnes() {
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
		PlaneSource planes = PlaneSource.stack(shrinkingStack().image());
		int[] reports = { 0 };
		TaskMonitor cancelAfterThree = new TaskMonitor() {

			@Override
			public void progress(String message, long done, long total) {
				if (message.startsWith("Propagating")) reports[0]++;
			}

			@Override
			public boolean isCancelled() { return reports[0] >= 3; }
		};
		PropagationResult r = new ObjectPropagator(segmenter, PropagationOptions.defaults().withMaxAreaChange(4).withMinStepIou(0)
			.withMinPredictedIou(0), false).propagate(planes, PlaneAxes.zStack(9), Collections.singletonList(box(SHRINKING[4],
				5, null)), cancelAfterThree);
		assertFalse(r.segmentation().isComplete());
		assertEquals("cancelled at plane 2", r.stoppedBecause());
		assertEquals(Arrays.asList(3, 4, 5), r.tracks().get(0).planes(), "planes 5, 4 and 3 were finished");
		assertRect(SHRINKING[2], on(r.segmentation(), 1, 3));
	}

	@Test
	void runningOutOfMemoryKeepsTheFinishedPlanesAndSaysWhatToDo() {
		PlaneSource planes = PlaneSource.stack(shrinkingStack().image());
		PlaneSource failing = new PlaneSource() {

			@Override
			public int width() { return planes.width(); }

			@Override
			public int height() { return planes.height(); }

			@Override
			public int planeCount() { return planes.planeCount(); }

			@Override
			public net.imglib2.RandomAccessibleInterval<?> plane(int index) {
				if (index == 7) throw new OutOfMemoryError("injected");
				return planes.plane(index);
			}
		};
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
		PropagationResult r = new ObjectPropagator(segmenter, PropagationOptions.defaults().withMaxAreaChange(4).withMinStepIou(0)
			.withMinPredictedIou(0), false).propagate(failing, PlaneAxes.zStack(9), Collections.singletonList(box(
				SHRINKING[4], 5, null)), TaskMonitor.NONE);
		assertFalse(r.segmentation().isComplete());
		assertTrue(r.stoppedBecause().startsWith("out of memory at plane 7; give Java more memory or set a disk cache"),
			r.stoppedBecause());
		assertEquals(Arrays.asList(2, 3, 4, 5, 6), r.tracks().get(0).planes(), "the down sweep and plane 6 are kept");
		assertTrue(r.failure() instanceof OutOfMemoryError);
	}

	@Test
	void aBlankPlaneEndsTheObject() {
		BrightRectangles stack = new BrightRectangles().plane(rect(20, 20, 10, 10)).blankPlane().plane(rect(20, 20, 10,
			10));
		PropagationResult r = run(stack, PropagationOptions.defaults(), box(rect(20, 20, 10, 10), 3, null));
		assertEquals(Collections.singletonList(3), r.tracks().get(0).planes());
		assertEquals(Arrays.asList("z 2: blank plane", "z 3: end of the axis"), r.tracks().get(0).stops());
	}


	@Test
	void aSeedOnABlankPlaneIsReportedAndTheOtherObjectsGoOn() {
		BrightRectangles stack = new BrightRectangles().plane(rect(20, 20, 10, 10)).blankPlane().plane(rect(20, 20, 10,
			10)).plane(rect(20, 20, 10, 10));
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(1 << 30,
			null));
		RecordingMonitor warnings = new RecordingMonitor();
		PropagationResult r = new ObjectPropagator(segmenter, PropagationOptions.defaults(), false).propagate(PlaneSource
			.stack(stack.image()), PlaneAxes.zStack(4), Arrays.asList(box(rect(20, 20, 10, 10), 2, "a"), box(rect(20, 20,
				10, 10), 4, "b")), warnings);
		assertTrue(r.segmentation().isComplete());
		assertEquals(Collections.singletonList(
			"Object 1 is annotated on plane 2, which is blank (every pixel the same value): nothing to segment there"),
			warnings.warnings);
		assertEquals(Collections.emptyList(), r.tracks().get(0).planes());
		assertEquals(Collections.singletonList("z 2: annotated on a blank plane"), r.tracks().get(0).stops());
		assertEquals(Arrays.asList(3, 4), r.tracks().get(1).planes(), "b walks down to the blank plane and stops there");
		assertEquals(Arrays.asList("z 2: blank plane", "z 4: end of the axis"), r.tracks().get(1).stops());
	}

	@Test
	void aSeedWhosePromptFindsNothingIsReported() {
		BrightRectangles stack = new BrightRectangles().plane(rect(20, 20, 10, 10)).plane(rect(20, 20, 10, 10));
		RecordingMonitor warnings = new RecordingMonitor();
		PropagationResult r = new ObjectPropagator(new PromptSegmenter(model, SegmentationOptions.defaults(),
			new EmbeddingCache(1 << 30, null)), PropagationOptions.defaults(), false).propagate(PlaneSource.stack(stack.image()), PlaneAxes.zStack(2),
				Collections.singletonList(box(rect(2, 2, 5, 5), 2, null)), warnings);
		assertEquals(Collections.singletonList("Object 1: the prompt on plane 2 gives an empty mask, so there is nothing to propagate"),
			warnings.warnings);
		assertEquals(Collections.emptyList(), r.tracks().get(0).planes());
		assertEquals(Collections.singletonList("z 2: empty mask on the annotated plane"), r.tracks().get(0).stops());
	}

	@Test
	void aMemoryCacheTooSmallForTheStackWithoutADiskCacheWarnsOnceWithWhatToDo() {
		RecordingMonitor warnings = new RecordingMonitor();
		PromptSegmenter small = new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(1, null));
		PropagationResult r = new ObjectPropagator(small, PropagationOptions.defaults().withMaxAreaChange(4)
			.withMinStepIou(0).withMinPredictedIou(0), false).propagate(PlaneSource.stack(shrinkingStack().image()),
				PlaneAxes.zStack(9), Collections.singletonList(box(SHRINKING[4], 5, null)), warnings);
		assertEquals(Arrays.asList(2, 3, 4, 5, 6, 7, 8), r.tracks().get(0).planes(), "the run itself is not affected");
		assertEquals(1, warnings.warnings.size(), warnings.warnings.toString());
		assertTrue(warnings.warnings.get(0).matches(
			"The embeddings of 9 planes \\(\\d+ MiB\\) do not fit the memory cache \\(0 MiB\\): planes visited twice may be encoded twice; set a disk cache directory to avoid it"),
			warnings.warnings.get(0));
	}

	/**
	 * The tiny 4-mask decoder: a box gives the box (single-mask token), a point discs of radius 4.5 (token 0, IoU
	 * 0.5), 2.5 (0.6), 4.5 (0.9) and 6.5 (0.7). Seeded with a 12x12 box and prompted on the next plane by the
	 * mask's most interior point: the model's choice for a point (the best, radius 4.5: 69 pixels, 0.48 of the box)
	 * ends the object on the area rule; the candidate most consistent with the box (radius 6.5: 137 pixels) goes on.
	 */
	@Test
	void theConsistentCandidateContinuesAnObjectThatTheModelsChoiceWouldEnd() throws IOException {
		PropagationOptions point = PropagationOptions.defaults().withPromptMode(PropagationOptions.PromptMode.POINT)
			.withMaxPlanes(1);
		ObjectPrompt seed = ObjectPrompt.builder().box(20, 20, 12, 12).slice(1).name("cell").build();
		try (SamModel multi = TinyModels.open(TinyModels.MULTIMASK)) {
			PromptSegmenter segmenter = new PromptSegmenter(multi, SegmentationOptions.defaults());
			PlaneSource planes = PlaneSource.stack(new BrightRectangles().plane(rect(0, 0, 1, 1)).plane(rect(0, 0, 1, 1))
				.image());
			PropagationResult model = new ObjectPropagator(segmenter, point, false).propagate(planes, PlaneAxes.zStack(2),
				Arrays.asList(seed), TaskMonitor.NONE);
			PropagationResult consistent = new ObjectPropagator(segmenter, point.withCandidateChoice(
				PropagationOptions.CandidateChoice.CONSISTENT), false).propagate(planes, PlaneAxes.zStack(2), Arrays.asList(
					seed), TaskMonitor.NONE);
			assertEquals(1, model.segmentation().objects().size());
			assertTrue(model.tracks().get(0).stops().contains("z 2: area 69 is 0.479 of the previous 144 (< 0.8)"), model
				.tracks().get(0).stops().toString());
			assertEquals(2, consistent.segmentation().objects().size());
			SegmentedObject next = on(consistent.segmentation(), 1, 2);
			assertEquals(137, next.mask().area());
			assertEquals(0.7f, next.predictedIou(), 0f);
			assertEquals(1, next.id());
		}
	}

	@Test
	void candidateChoiceParsesAndIsShown() {
		assertEquals(PropagationOptions.CandidateChoice.CONSISTENT, PropagationOptions.CandidateChoice.parse(
			" Consistent"));
		assertEquals("Unknown candidate choice 'best': use model or consistent", assertThrows(
			IllegalArgumentException.class, () -> PropagationOptions.CandidateChoice.parse("best")).getMessage());
		assertTrue(PropagationOptions.defaults().toString().contains("candidate model, box candidate best"));
		assertEquals("Propagation follows one mask per object: the box candidate choice cannot be 'all'", assertThrows(
			IllegalArgumentException.class, () -> PropagationOptions.defaults().withBoxMultimask(
				io.github.samfiji.engine.decode.MultimaskMode.ALL)).getMessage());
	}
}
