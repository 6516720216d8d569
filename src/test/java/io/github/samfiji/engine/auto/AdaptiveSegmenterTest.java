package io.github.samfiji.engine.auto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.RecordingMonitor;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.auto.AdaptiveOptions.SeedPrompt;
import io.github.samfiji.engine.decode.DecoderPool;
import io.github.samfiji.engine.detect.Detection;
import io.github.samfiji.engine.detect.NucleusDetector;
import io.github.samfiji.engine.detect.Seed;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adaptive prompting with the tiny single-mask model, whose point masks are discs of radius 4.5 around the point
 * (69 pixels for a point on a pixel centre), whose box masks are the box, with predicted IoU 0.8 (points) or 0.9
 * (boxes) and logits of exactly +1 / -1 (stability 1 at offset 0.5). On a 256x256 plane a low-resolution cell is
 * one pixel, so masks are exact. The plane shows bright discs of radius 4 on a dark background.
 */
class AdaptiveSegmenterTest {

	private static final int SIZE = 256;
	private static final int[][] NUCLEI = { { 200, 200 }, { 40, 40 }, { 120, 60 } };
	private static final int DISC_PIXELS = 69;
	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	/** Options the tiny model passes, with no extra passes unless a test turns them on. */
	private static AdaptiveOptions bare() {
		return AdaptiveOptions.defaults().withIouThreshold(0.75).withStabilityOffset(0.5).withRefineBelow(0)
			.withCoverage(false).withGridPointsPerSide(0).withSeedPrompt(SeedPrompt.POINT);
	}

	private static SegmentationResult run(AdaptiveOptions options, PlaneSource image) {
		try (DecoderPool pool = DecoderPool.of(model.decoder())) {
			return segmenter(options, pool).segment(image, TaskMonitor.NONE);
		}
	}

	private static AdaptiveSegmenter segmenter(AdaptiveOptions options, DecoderPool pool) {
		return new AdaptiveSegmenter(new PromptSegmenter(model, SegmentationOptions.defaults()), options, pool);
	}

	static byte[] discs(int value, int[]... centres) {
		byte[] p = new byte[SIZE * SIZE];
		Arrays.fill(p, (byte) 20);
		for (int[] c : centres)
			for (int y = c[1] - 4; y <= c[1] + 4; y++)
				for (int x = c[0] - 4; x <= c[0] + 4; x++)
					if ((x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]) <= 16) p[y * SIZE + x] = (byte) value;
		return p;
	}

	private static PlaneSource plane(byte[] pixels) {
		return PlaneSource.of(ArrayImgs.unsignedBytes(pixels, SIZE, SIZE));
	}

	/** The tiny model's disc for a point on the centre of pixel {@code (x, y)}. */
	private static ObjectMask disc(int x, int y) {
		return discAround(x + 0.5, y + 0.5);
	}

	/** The tiny model's disc for a point at {@code (cx, cy)}: pixels whose centre is nearer than 4.5. */
	private static ObjectMask discAround(double cx, double cy) {
		boolean[] m = new boolean[SIZE * SIZE];
		for (int j = 0; j < SIZE; j++)
			for (int i = 0; i < SIZE; i++)
				m[j * SIZE + i] = (i + 0.5 - cx) * (i + 0.5 - cx) + (j + 0.5 - cy) * (j + 0.5 - cy) < 20.25;
		return ObjectMask.of(m, SIZE, SIZE);
	}

	private static void assertSameMask(ObjectMask expected, ObjectMask actual) {
		assertArrayEquals(expected.toPlane(), actual.toPlane());
	}

	@Test
	void eachDetectedNucleusIsDecodedOnceAtItsCentreAndNumberedInReadingOrder() {
		SegmentationResult r = run(bare(), plane(discs(200, NUCLEI)));
		assertTrue(r.isComplete());
		List<SegmentedObject> objects = r.objects();
		assertEquals(3, objects.size());
		int[][] reading = { { 40, 40 }, { 120, 60 }, { 200, 200 } };
		for (int i = 0; i < 3; i++) {
			SegmentedObject o = objects.get(i);
			assertEquals(i + 1, o.id());
			assertSameMask(disc(reading[i][0], reading[i][1]), o.mask());
			assertEquals(reading[i][0] + 0.5, o.prompt().points().get(0).x(), 0);
			assertEquals(0.8f, o.predictedIou(), 1e-6f);
			assertEquals(1f, o.stabilityScore(), 0f);
		}
		assertEquals(Arrays.asList("Adaptive prompts on plane 1: 3 decoder runs (3 seeds, 0 refinements, 0 uncovered, " +
			"0 grid), 3 objects"), r.notes());
	}

	@Test
	void boxPromptsGiveTheDetectedRegionsBoxes() {
		AdaptiveOptions options = bare().withSeedPrompt(SeedPrompt.BOX).withBoxMargin(0);
		byte[] pixels = discs(200, NUCLEI);
		SegmentationResult r = run(options, plane(pixels));
		float[] grey = new float[pixels.length];
		for (int i = 0; i < grey.length; i++) grey[i] = pixels[i] & 0xff;
		Detection d = NucleusDetector.defaults().detect(new float[][] { grey }, SIZE, SIZE, null);
		assertEquals(3, r.objects().size());
		for (Seed s : d.seeds()) {
			SegmentedObject o = objectAt(r, s.x(), s.y());
			assertEquals(s.minX(), o.mask().boundsX());
			assertEquals(s.maxY() - s.minY() + 1, o.mask().boundsHeight());
			assertEquals((s.maxX() - s.minX() + 1) * (s.maxY() - s.minY() + 1), o.mask().area());
			assertEquals(0.9f, o.predictedIou(), 1e-6f);
		}
	}

	@Test
	void boxRefinementDecodesEachMaskAgainWithItsOwnBox() {
		SegmentationResult r = run(bare().withRefineBelow(1), plane(discs(200, NUCLEI)));
		assertEquals(3, r.objects().size());
		for (SegmentedObject o : r.objects()) {
			assertEquals(81, o.mask().area(), "the 9x9 box of the disc"); // the tiny model's box mode ignores points
			assertEquals(9, o.mask().boundsWidth());
			assertEquals(0.9f, o.predictedIou(), 1e-6f);
			assertTrue(o.prompt().box() != null && o.prompt().points().size() == 1, o.prompt().toString());
		}
		assertTrue(r.notes().get(0).contains(": 6 decoder runs (3 seeds, 3 refinements,"), r.notes().toString());
	}

	@Test
	void areaLimitsAndTheMaximumFractionDropMasks() {
		PlaneSource image = plane(discs(200, NUCLEI));
		assertEquals(3, run(bare().withMinArea(DISC_PIXELS).withMaxArea(DISC_PIXELS), image).objects().size());
		assertEquals(0, run(bare().withMinArea(DISC_PIXELS + 1), image).objects().size());
		assertEquals(0, run(bare().withMaxArea(DISC_PIXELS - 1), image).objects().size());
		double fraction = (DISC_PIXELS - 1) / (double) (SIZE * SIZE);
		assertEquals(0, run(bare().withMaxObjectFraction(fraction), image).objects().size());
		assertEquals(0, run(bare().withIouThreshold(0.81), image).objects().size());
		assertEquals(0, run(bare().withStabilityOffset(1.0), image).objects().size(), "stability 0 at offset 1");
	}

	@Test
	void onAPlaneWithoutObjectsTheCoarseGridPromptsEveryPoint() {
		byte[] blank = new byte[SIZE * SIZE];
		SegmentationResult r = run(bare().withGridPointsPerSide(4), plane(blank));
		assertEquals(16, r.objects().size());
		assertSameMask(discAround(32, 32), r.objects().get(0).mask()); // grid points lie on pixel corners
		assertTrue(r.notes().get(0).contains(": 16 decoder runs (0 seeds, 0 refinements, 0 uncovered, 16 grid)"));
	}

	@Test
	void gridPointsInKeptObjectsOrConfidentBackgroundAreSkipped() {
		// a nucleus on the grid point (96, 96); every other grid point lies in confident background
		SegmentationResult r = run(bare().withGridPointsPerSide(4), plane(discs(200, new int[] { 96, 96 })));
		assertEquals(1, r.objects().size());
		assertTrue(r.notes().get(0).contains(": 1 decoder runs (1 seeds, 0 refinements, 0 uncovered, 0 grid)"), r
			.notes().toString());
	}

	@Test
	void uncoveredForegroundIsPromptedAtItsInnermostPixel() {
		byte[] square = new byte[SIZE * SIZE];
		Arrays.fill(square, (byte) 20);
		for (int y = 100; y < 140; y++)
			for (int x = 100; x < 140; x++) square[y * SIZE + x] = (byte) 200;
		SegmentationResult r = run(bare().withCoverage(true), plane(square));
		assertTrue(r.notes().get(0).contains(": 2 decoder runs (1 seeds, 0 refinements, 1 uncovered, 0 grid), 2 objects"),
			r.notes().toString());
		for (SegmentedObject o : r.objects()) {
			double x = o.prompt().points().get(0).x(), y = o.prompt().points().get(0).y();
			assertTrue(x > 100 && x < 140 && y > 100 && y < 140, o.prompt().toString());
		}
		assertEquals(0, r.objects().get(0).mask().intersectionArea(r.objects().get(1).mask()), "kept objects own pixels");
	}

	@Test
	void aRegionOfInterestLimitsPromptsAndClipsMasks() {
		boolean[] left = new boolean[SIZE * SIZE];
		for (int y = 0; y < SIZE; y++)
			for (int x = 0; x < 122; x++) left[y * SIZE + x] = true;
		SegmentationResult r;
		try (DecoderPool pool = DecoderPool.of(model.decoder())) {
			r = segmenter(bare(), pool).withRegion(left).segment(plane(discs(200, NUCLEI)), TaskMonitor.NONE);
		}
		assertEquals(2, r.objects().size()); // (40, 40) and (120, 60), clipped at column 121
		ObjectMask clipped = r.objects().get(1).mask();
		assertEquals(121, clipped.boundsX() + clipped.boundsWidth() - 1);
		clipped.forEachPixel((x, y) -> assertTrue(x < 122));
	}

	@Test
	void seedsCanComeFromALabelImage() {
		short[] labels = new short[SIZE * SIZE];
		for (int y = 10; y < 21; y++)
			for (int x = 50; x < 61; x++) labels[y * SIZE + x] = 7; // centre (55, 15)
		for (int y = 100; y < 103; y++)
			for (int x = 30; x < 33; x++) labels[y * SIZE + x] = 3; // centre (31, 101)
		SegmentationResult r;
		try (DecoderPool pool = DecoderPool.of(model.decoder())) {
			r = segmenter(bare(), pool).withSeedLabels(PlaneSource.of(ArrayImgs.unsignedShorts(labels, SIZE, SIZE)))
				.segment(plane(new byte[SIZE * SIZE]), TaskMonitor.NONE);
		}
		assertEquals(2, r.objects().size());
		assertSameMask(disc(55, 15), r.objects().get(0).mask());
		assertSameMask(disc(31, 101), r.objects().get(1).mask());
		assertTrue(r.notes().get(0).contains(": 2 decoder runs (2 seeds,"));
	}

	@Test
	void severalDecodersGiveTheSameObjectsAsOne() throws IOException {
		AdaptiveOptions options = bare().withRefineBelow(1).withCoverage(true).withGridPointsPerSide(6);
		PlaneSource image = PlaneSource.stack(ArrayImgs.unsignedBytes(concat(discs(200, NUCLEI), new byte[SIZE *
			SIZE]), SIZE, SIZE, 2));
		SegmentationResult one = run(options, image), three;
		try (DecoderPool pool = DecoderPool.open(model.descriptor(), EngineOptions.defaults(), 3)) {
			three = segmenter(options, pool).segment(image, TaskMonitor.NONE);
		}
		assertEquals(one.notes(), three.notes());
		assertEquals(one.objects().size(), three.objects().size());
		for (int i = 0; i < one.objects().size(); i++) {
			assertEquals(one.objects().get(i).id(), three.objects().get(i).id());
			assertSameMask(one.objects().get(i).mask(), three.objects().get(i).mask());
		}
		for (int z = 1; z <= 2; z++) assertArrayEquals(one.labels().plane(z), three.labels().plane(z));
		assertTrue(one.notes().get(2).startsWith("Adaptive prompts: "), one.notes().toString());
	}

	@Test
	void cancellingKeepsTheFinishedPlanes() {
		PlaneSource image = PlaneSource.stack(ArrayImgs.unsignedBytes(concat(discs(200, NUCLEI), discs(200, NUCLEI)),
			SIZE, SIZE, 2));
		RecordingMonitor cancelOnPlaneTwo = new RecordingMonitor(messages -> messages.stream().anyMatch(m -> m.contains(
			"plane 2, detector seeds")));
		SegmentationResult r;
		try (DecoderPool pool = DecoderPool.of(model.decoder())) {
			r = segmenter(bare(), pool).segment(image, cancelOnPlaneTwo);
		}
		assertFalse(r.isComplete());
		assertEquals("cancelled at plane 2", r.stoppedBecause());
		assertEquals(3, r.objects().size());
		assertEquals(3, r.objectsOn(1).size());
		assertTrue(cancelOnPlaneTwo.progress.contains("Adaptive prompts: plane 1, detector seeds"));
	}

	@Test
	void largePlanesAreDecodedOnTilesEachEncodedOnce() {
		int w = 1700, h = 200;
		byte[] p = new byte[w * h];
		Arrays.fill(p, (byte) 20);
		int[][] centres = { { 100, 100 }, { 850, 60 }, { 1600, 150 } };
		for (int[] c : centres)
			for (int y = c[1] - 6; y <= c[1] + 6; y++)
				for (int x = c[0] - 6; x <= c[0] + 6; x++)
					if ((x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]) <= 36) p[y * w + x] = (byte) 200;
		long encoderRuns = model.encoder().runCount();
		SegmentationResult r = run(bare(), PlaneSource.of(ArrayImgs.unsignedBytes(p, w, h)));
		assertEquals(3, r.objects().size(), r.notes().toString());
		for (int[] c : centres) {
			SegmentedObject o = objectAt(r, c[0], c[1]);
			assertTrue(o.region().startsWith("tile:") || o.region().startsWith("crop:"), o.region());
		}
		long regionsEncoded = model.encoder().runCount() - encoderRuns;
		assertTrue(regionsEncoded >= 2 && r.notes().get(0).endsWith("3 objects, " + regionsEncoded + " regions encoded"),
			regionsEncoded + " " + r.notes());
	}

	@Test
	void badInputIsRefused() {
		PlaneSource image = plane(new byte[SIZE * SIZE]);
		try (DecoderPool pool = DecoderPool.of(model.decoder())) {
			AdaptiveSegmenter s = segmenter(bare(), pool);
			assertEquals("Plane 2 does not exist: the image has planes 1-1", assertThrows(IllegalArgumentException.class,
				() -> s.segment(image, Arrays.asList(2), TaskMonitor.NONE)).getMessage());
			assertEquals("The region of interest does not fit the 256x256 image", assertThrows(
				IllegalArgumentException.class, () -> s.withRegion(new boolean[5]).segment(image, TaskMonitor.NONE))
					.getMessage());
		}
		assertThrows(IllegalArgumentException.class, () -> AdaptiveOptions.defaults().withMaxObjectFraction(0));
		assertThrows(IllegalArgumentException.class, () -> AdaptiveOptions.defaults().withGridPointsPerSide(65));
		assertEquals(SeedPrompt.BOX_POINT, SeedPrompt.parse("box+point"));
	}

	private static SegmentedObject objectAt(SegmentationResult r, int x, int y) {
		for (SegmentedObject o : r.objects())
			if (o.mask().contains(x, y)) return o;
		throw new AssertionError("no object at " + x + "," + y);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] c = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}
}
