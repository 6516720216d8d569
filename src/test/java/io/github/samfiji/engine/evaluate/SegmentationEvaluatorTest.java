package io.github.samfiji.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.evaluate.SegmentationEvaluator.Mode;
import io.github.samfiji.engine.plane.PlaneSource;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;

/** Exact scores on hand-made label planes whose IoUs are known fractions. */
class SegmentationEvaluatorTest {

	private static final double EPS = 1e-12;

	/** Plane of width {@code w} from rows of characters: '.' is 0, a digit or letter its value (a=10, ...). */
	static int[] plane(int w, String... rows) {
		int[] p = new int[w * rows.length];
		for (int y = 0; y < rows.length; y++)
			for (int x = 0; x < w; x++) {
				char c = rows[y].charAt(x);
				p[y * w + x] = c == '.' ? 0 : Character.digit(c, 36);
			}
		return p;
	}

	private static MatchScores score(int w, int h, int[] truth, int[] predicted) {
		return SegmentationEvaluator.evaluate(LabelPlanes.ofInts(w, h, truth), LabelPlanes.ofInts(w, h, predicted),
			Mode.PER_PLANE).scores().get(0);
	}

	private static long[] truePositives(MatchScores s) {
		long[] tp = new long[MatchScores.THRESHOLDS.size()];
		for (int i = 0; i < tp.length; i++) tp[i] = s.truePositivesAt(i);
		return tp;
	}

	@Test
	void identicalImagesScoreOne() {
		int[] labels = plane(4, "11..", "..22", "3...");
		MatchScores s = score(4, 3, labels, labels);
		assertEquals(3, s.truePositives());
		assertEquals(0, s.falsePositives());
		assertEquals(0, s.falseNegatives());
		assertEquals(1, s.meanAccuracy(), EPS);
		assertEquals(1, s.f1(), EPS);
		assertEquals(1, s.meanMatchedIou(), EPS);
	}

	/** IoU 12/20 = 0.6 (a 4x4 square shifted by one column) and 9/10 = 0.9 (one pixel missing), label values unrelated. */
	@Test
	void partialOverlapsCountAtEachThresholdTheyReach() {
		int[] truth = plane(10, //
			"1111..2222", //
			"1111..2222", //
			"1111..22..", //
			"1111......");
		int[] predicted = plane(10, //
			".5555.7777", //
			".5555.7777", //
			".5555.7...", //
			".5555.....");
		MatchScores s = score(10, 4, truth, predicted);
		assertArrayEquals(new long[] { 2, 2, 2, 1, 1, 1, 1, 1, 1, 0 }, truePositives(s));
		assertEquals(1, s.accuracy50(), EPS);
		assertEquals(1 / 3.0, s.accuracyAt(3), EPS); // 1 / (1 + 1 + 1) at 0.65
		assertEquals(0, s.accuracyAt(9), EPS);
		assertEquals((3 * 1 + 6 / 3.0 + 0) / 10, s.meanAccuracy(), EPS); // 0.5
		assertEquals((0.6 + 0.9) / 2, s.meanMatchedIou(), EPS);
		assertEquals(1, s.precision(), EPS);
		assertEquals(1, s.recall(), EPS);
	}

	@Test
	void anIouExactlyAtAThresholdCountsThere() {
		int[] truth = plane(10, "1111111111", "1111111111", "..........");
		int[] predicted = plane(10, "1111111111", "1.........", "222222222.");
		// intersection 11, union 20 (truth 20 pixels, prediction 1 has 11 inside it); 2 lies on background
		MatchScores s = score(10, 3, truth, predicted);
		assertEquals(11 / 20.0, s.meanMatchedIou(), EPS);
		assertArrayEquals(new long[] { 1, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, truePositives(s));
		assertEquals(1, s.falsePositives()); // object 2 overlaps nothing
	}

	@Test
	void onePredictionOverTwoNucleiMatchesTheLargerOnly() {
		int[] truth = plane(8, "111111.2");
		int[] predicted = plane(8, "44444444");
		MatchScores s = score(8, 1, truth, predicted);
		// IoU with 1: 6 / 8 = 0.75; with 2: 1 / 8
		assertEquals(1, s.truePositives());
		assertEquals(0, s.falsePositives());
		assertEquals(1, s.falseNegatives());
		assertEquals(6 / 8.0, s.meanMatchedIou(), EPS);
		assertEquals(2 / 3.0, s.f1(), EPS);
		assertEquals(0.5, s.accuracy50(), EPS);
	}

	@Test
	void twoPredictionsSplittingOneNucleusGiveOneMatchAndOneFalsePositive() {
		int[] truth = plane(4, "1111", "....");
		int[] predicted = plane(4, "2223", "....");
		MatchScores s = score(4, 2, truth, predicted);
		assertEquals(1, s.truePositives());
		assertEquals(1, s.falsePositives());
		assertEquals(0, s.falseNegatives());
		assertEquals(0.75, s.meanMatchedIou(), EPS);
	}

	@Test
	void aPredictionThatIsTheUnionOfTwoEqualNucleiMatchesOneOfThemAtExactlyHalf() {
		int[] truth = plane(4, "1122");
		int[] predicted = plane(4, "3333");
		MatchScores s = score(4, 1, truth, predicted);
		assertEquals(1, s.truePositives());
		assertEquals(1, s.falseNegatives());
		assertEquals(0.5, s.meanMatchedIou(), EPS);
		assertArrayEquals(new long[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, truePositives(s));
	}

	@Test
	void belowHalfIsNoMatch() {
		int[] truth = plane(5, "11111");
		int[] predicted = plane(5, "22...");
		MatchScores s = score(5, 1, truth, predicted);
		assertEquals(0, s.truePositives());
		assertEquals(0, s.meanAccuracy(), EPS);
		assertTrue(Double.isNaN(s.meanMatchedIou()));
	}

	@Test
	void emptyImages() {
		int[] empty = new int[6], some = plane(3, "1.2", "...");
		MatchScores both = score(3, 2, empty, empty);
		assertEquals(1, both.meanAccuracy(), EPS);
		assertEquals(1, both.f1(), EPS);
		MatchScores nothingFound = score(3, 2, some, empty);
		assertEquals(1, nothingFound.precision(), EPS);
		assertEquals(0, nothingFound.recall(), EPS);
		assertEquals(0, nothingFound.f1(), EPS);
		assertEquals(0, nothingFound.meanAccuracy(), EPS);
		assertEquals(2, nothingFound.falseNegatives());
		MatchScores nothingThere = score(3, 2, empty, some);
		assertEquals(0, nothingThere.precision(), EPS);
		assertEquals(1, nothingThere.recall(), EPS);
		assertEquals(2, nothingThere.falsePositives());
		assertEquals(0, nothingThere.meanAccuracy(), EPS);
	}

	/** Label 1 spans two planes; the prediction finds it on plane 1 only. */
	@Test
	void stacksScorePerPlaneOrAsThreeDimensionalObjects() {
		LabelPlanes truth = LabelPlanes.ofInts(3, 2, plane(3, "11.", "11."), plane(3, "11.", "112"));
		LabelPlanes predicted = LabelPlanes.ofInts(3, 2, plane(3, "77.", "77."), plane(3, "...", "..9"));
		Evaluation perPlane = SegmentationEvaluator.evaluate(truth, predicted, Mode.PER_PLANE);
		assertEquals(2, perPlane.scores().size());
		assertEquals(1, perPlane.scores().get(0).meanAccuracy(), EPS);
		MatchScores second = perPlane.scores().get(1); // truth 1 and 2, prediction 9 = truth 2
		assertEquals(1, second.truePositives());
		assertEquals(1, second.falseNegatives());
		MatchScores pooled = perPlane.pooled();
		assertEquals(3, pooled.truthObjects());
		assertEquals(2, pooled.truePositives());
		assertEquals((1 + 0.5) / 2, perPlane.meanOfMeanAccuracies(), EPS);

		Evaluation volume = SegmentationEvaluator.evaluate(truth, predicted, Mode.VOLUME);
		assertEquals(1, volume.scores().size());
		MatchScores v = volume.scores().get(0);
		assertEquals(2, v.truthObjects());
		assertEquals(2, v.predictedObjects());
		assertEquals(2, v.truePositives()); // 1-7: IoU 4/8 = 0.5; 2-9 exact
		assertArrayEquals(new long[] { 2, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, truePositives(v));
		assertEquals(0.75, v.meanMatchedIou(), EPS);
	}

	@Test
	void labelImagesFromPlaneSourcesOfAnyIntegerType() {
		PlaneSource floats = PlaneSource.stack(ArrayImgs.floats(new float[] { 0, 3, 3, 0, 0, 5, 5, 5 }, 2, 2, 2));
		LabelPlanes l = LabelPlanes.of(floats);
		assertEquals(2, l.planeCount());
		assertArrayEquals(new int[] { 0, 5, 5, 5 }, l.plane(2));
		LabelPlanes shorts = LabelPlanes.of(PlaneSource.of(ArrayImgs.unsignedShorts(new short[] { (short) 65535, 0 },
			2, 1)));
		assertArrayEquals(new int[] { 65535, 0 }, shorts.plane(1));
	}

	@Test
	void badInputIsRefusedWithOneClearLine() {
		IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class, () -> LabelPlanes.of(PlaneSource
			.of(ArrayImgs.floats(new float[] { 0, 1.5f }, 2, 1))));
		assertEquals("Plane 1 is not a label image: pixel (1, 0) is 1.5; labels must be whole numbers >= 0", fraction
			.getMessage());
		IllegalArgumentException rgb = assertThrows(IllegalArgumentException.class, () -> LabelPlanes.of(PlaneSource
			.of(ArrayImgs.argbs(2, 1))));
		assertTrue(rgb.getMessage().startsWith("Plane 1 is not a label image (pixel type ARGBType)"), rgb.getMessage());
		IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> SegmentationEvaluator
			.evaluate(LabelPlanes.ofInts(2, 1, new int[2]), LabelPlanes.ofInts(1, 2, new int[2]), Mode.PER_PLANE));
		assertEquals("The label images differ in size: 2x1 (truth) vs 1x2 (prediction); evaluate images of the same size",
			size.getMessage());
		assertThrows(IllegalArgumentException.class, () -> LabelPlanes.ofInts(2, 1, new int[] { 0, -1 }));
		assertEquals(Mode.VOLUME, Mode.parse(" 3D "));
		assertEquals(Mode.PER_PLANE, Mode.parse("per-plane"));
		assertThrows(IllegalArgumentException.class, () -> Mode.parse("slices"));
	}

	@Test
	void sixteenBitPlanesAreUnsigned() {
		short[] t = { (short) 40000, (short) 40000, 0 }, p = { 1, 1, 1 };
		MatchScores s = SegmentationEvaluator.evaluate(t, p, 3, 1);
		assertEquals(2 / 3.0, s.meanMatchedIou(), EPS);
		assertEquals(1, s.truePositives());
	}
}
