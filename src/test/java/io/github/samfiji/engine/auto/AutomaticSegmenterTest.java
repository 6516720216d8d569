package io.github.samfiji.engine.auto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.AnalyticMasks;
import io.github.samfiji.engine.TestImages;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.ObjectMask;
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

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Segment everything with the tiny models, whose point masks are disks (radius 4.5 for the single-mask decoder;
 * 2.5, 4.5 and 6.5 for the multimask candidates) with logits exactly +1 / -1. On a 256x256 plane one
 * low-resolution cell is one pixel, so the kept masks are exactly the analytic disks.
 */
class AutomaticSegmenterTest {

	private static final int SIZE = 256;
	private static SamModel single;
	private static SamModel multi;

	@BeforeAll
	static void open() throws IOException {
		single = TinyModels.open(TinyModels.BOX);
		multi = TinyModels.open(TinyModels.MULTIMASK);
	}

	@AfterAll
	static void close() {
		single.close();
		multi.close();
	}

	/** Thresholds the tiny models pass: their IoU is 0.8 (single) or 0.6/0.9/0.7, and offset 0.5 gives stability 1. */
	private static AutomaticOptions passing(int pointsPerSide) {
		return AutomaticOptions.defaults().withPointsPerSide(pointsPerSide).withIouThreshold(0.65)
			.withStabilityOffset(0.5);
	}

	private static AutomaticSegmenter segmenter(SamModel model, AutomaticOptions options) {
		return new AutomaticSegmenter(new PromptSegmenter(model, SegmentationOptions.defaults()), options);
	}

	private static PlaneSource plane() {
		return PlaneSource.of(TestImages.unsignedBytes(SIZE, SIZE));
	}

	@Test
	void everyGridPointGivesItsExactDiskNumberedInGridOrder() {
		SegmentationResult result = segmenter(single, passing(8)).segment(plane(), TaskMonitor.NONE);

		assertTrue(result.isComplete());
		assertEquals(64, result.objects().size());
		for (int i = 0; i < 64; i++) {
			SegmentedObject o = result.objects().get(i);
			assertEquals(i + 1, o.id());
			double x = o.prompt().points().get(0).x(), y = o.prompt().points().get(0).y();
			assertEquals(16 + 32 * (i % 8), x, 0, "grid column");
			assertEquals(16 + 32 * (i / 8), y, 0, "grid row");
			assertArrayEquals(AnalyticMasks.mask(SIZE, SIZE, o.prompt(), AnalyticMasks.R2_SINGLE), o.mask().toPlane());
			assertEquals(0.8f, o.predictedIou(), 1e-6f);
			assertEquals(1f, o.stabilityScore(), 0f);
		}
	}

	@Test
	void boxNmsDropsTheLowerScoredOfOverlappingCandidates() {
		// per point the multimask decoder offers disks of radius 2.5 (IoU 0.6, filtered), 4.5 (0.9) and 6.5 (0.7);
		// their boxes (8x8 and 12x12 pixels around the point) have IoU 64/144 = 0.44
		SegmentationResult strict = segmenter(multi, passing(4).withBoxNmsThreshold(0.4)).segment(plane(),
			TaskMonitor.NONE);
		assertEquals(16, strict.objects().size());
		for (SegmentedObject o : strict.objects())
			assertArrayEquals(AnalyticMasks.mask(SIZE, SIZE, o.prompt(), 20.25), o.mask().toPlane());

		SegmentationResult lenient = segmenter(multi, passing(4).withBoxNmsThreshold(0.5)).segment(plane(),
			TaskMonitor.NONE);
		assertEquals(32, lenient.objects().size());
		// smaller masks first: the 16 disks of radius 4.5, then those of radius 6.5, which lose their centres
		SegmentationResult.LabelStack labels = lenient.labels();
		for (int i = 0; i < 32; i++) {
			SegmentedObject o = lenient.objects().get(i);
			double r2 = i < 16 ? 20.25 : 42.25;
			assertArrayEquals(AnalyticMasks.mask(SIZE, SIZE, o.prompt(), r2), o.mask().toPlane(), "object " + (i + 1));
			assertEquals(i < 16 ? 0 : lenient.objects().get(i - 16).mask().area(), labels.overlapPixels(i));
		}
	}

	@Test
	void predictedIouAndStabilityThresholdsFilter() {
		// the single-mask decoder predicts IoU 0.8 < the paper's 0.88
		assertEquals(0, segmenter(single, AutomaticOptions.defaults().withPointsPerSide(4)).segment(plane(),
			TaskMonitor.NONE).objects().size());
		// logits are +1 / -1, so with offset 1 no pixel is above +1: stability 0
		assertEquals(0, segmenter(single, passing(4).withStabilityOffset(1)).segment(plane(), TaskMonitor.NONE)
			.objects().size());
		SegmentationResult none = segmenter(single, passing(4).withIouThreshold(0.85)).segment(plane(),
			TaskMonitor.NONE);
		assertTrue(none.isComplete());
		assertArrayEquals(new short[SIZE * SIZE], none.labels().plane(1), "an empty label image is a valid result");
	}

	@Test
	void cropMasksAreMappedBackIntoThePlane() {
		long before = single.encoder().runCount();
		SegmentationResult result = segmenter(single, passing(4).withCropLayers(1)).segment(plane(), TaskMonitor.NONE);
		assertEquals(5, single.encoder().runCount() - before, "the plane and its four crops");
		assertTrue(result.objects().size() >= 16);
		List<SegmentedObject> objects = result.objects();
		for (SegmentedObject o : objects) {
			double x = o.prompt().points().get(0).x(), y = o.prompt().points().get(0).y();
			ObjectMask expected = ObjectMask.of(AnalyticMasks.mask(SIZE, SIZE, o.prompt(), AnalyticMasks.R2_SINGLE),
				SIZE, SIZE);
			assertTrue(o.mask().iou(expected) > 0.85, "disk around " + x + "," + y + ": IoU " + o.mask().iou(expected));
			assertTrue(o.region().matches("whole|crop:\\d+,\\d+,\\d+,\\d+"), o.region());
		}
		assertTrue(objects.stream().anyMatch(o -> o.region().startsWith("crop:")), "smaller crops win duplicates");
		for (int a = 0; a < objects.size(); a++)
			for (int b = a + 1; b < objects.size(); b++)
				assertTrue(BoxNms.iou(box(objects.get(a).mask()), box(objects.get(b).mask())) <= 0.7, "duplicates removed");
	}

	@Test
	void aGridDenserThanThePixelsStillGivesDistinctObjects() {
		SegmentationResult result = segmenter(single, passing(16)).segment(PlaneSource.of(TestImages.unsignedBytes(6,
			6)), TaskMonitor.NONE);
		assertFalse(result.objects().isEmpty());
		List<SegmentedObject> objects = result.objects();
		for (int a = 0; a < objects.size(); a++)
			for (int b = a + 1; b < objects.size(); b++)
				assertTrue(BoxNms.iou(box(objects.get(a).mask()), box(objects.get(b).mask())) <= 0.7);
	}

	@Test
	void cancellingKeepsTheFinishedPlanesOnly() {
		PlaneSource stack = PlaneSource.stack(ArrayImgs.unsignedBytes(SIZE, SIZE, 2));
		TaskMonitor cancelInPlaneTwo = new TaskMonitor() {

			long done;

			@Override
			public void progress(String message, long d, long total) {
				done = d;
			}

			@Override
			public boolean isCancelled() { return done >= 16 + 5; }
		};
		SegmentationResult result = segmenter(single, passing(4)).segment(stack, cancelInPlaneTwo);
		assertFalse(result.isComplete());
		assertEquals(16, result.objects().size());
		assertEquals(16, result.objectsOn(1).size());
		assertEquals(Collections.emptyList(), result.objectsOn(2));
	}

	@Test
	void aMissingPlaneIsReported() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> segmenter(single, passing(4))
			.segment(plane(), Arrays.asList(1, 2), TaskMonitor.NONE));
		assertEquals("Plane 2 does not exist: the image has planes 1-1", e.getMessage());
	}

	@Test
	void candidatesPerPointKeepsThatManyMultimaskCandidatesByPredictedIou() {
		// one grid point; IoU 0.6 (radius 2.5), 0.9 (4.5), 0.7 (6.5) all pass 0.55; the disks' boxes overlap < 0.7
		ObjectPrompt centre = ObjectPrompt.builder().point(SIZE / 2.0, SIZE / 2.0, true).build();
		int[] disk = new int[4];
		for (int k = 1; k < 4; k++)
			disk[k] = AnalyticMasks.area(AnalyticMasks.mask(SIZE, SIZE, centre, AnalyticMasks.R2_MULTI[k]));
		int[][] areas = { { disk[2] }, { disk[2], disk[3] }, { disk[1], disk[2], disk[3] } };
		for (int n = 1; n <= 3; n++) {
			AutomaticOptions options = passing(1).withIouThreshold(0.55).withCandidatesPerPoint(n);
			List<SegmentedObject> objects = segmenter(multi, options).segment(plane(), TaskMonitor.NONE).objects();
			int[] got = new int[objects.size()];
			for (int i = 0; i < got.length; i++) got[i] = objects.get(i).mask().area();
			assertArrayEquals(areas[n - 1], got, n + " per point (numbered smallest first)");
		}
		assertEquals(1, segmenter(single, passing(1).withCandidatesPerPoint(3)).segment(plane(), TaskMonitor.NONE)
			.objects().size(), "a single-mask decoder gives its one mask");
		assertEquals("Candidates per point must be 1-3, got 4", assertThrows(IllegalArgumentException.class,
			() -> AutomaticOptions.defaults().withCandidatesPerPoint(4)).getMessage());
	}

	private static double[] box(ObjectMask m) {
		return new double[] { m.boundsX(), m.boundsY(), m.boundsX() + m.boundsWidth(), m.boundsY() + m
			.boundsHeight() };
	}
}
