package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link RoiPrompts#fromRois}: ROIs as object prompts. */
class RoiPromptsTest {

	static void assertBox(ObjectPrompt p, double x, double y, double w, double h) {
		PromptBox b = p.box();
		assertTrue(b != null, "expected a box in " + p);
		assertEquals(x, b.x(), 0, "box x");
		assertEquals(y, b.y(), 0, "box y");
		assertEquals(w, b.width(), 0, "box width");
		assertEquals(h, b.height(), 0, "box height");
	}

	static void assertPoint(PromptPoint p, double x, double y, boolean positive) {
		assertEquals(x, p.x(), 0, "point x");
		assertEquals(y, p.y(), 0, "point y");
		assertEquals(positive, p.positive(), "point sign");
	}

	/** A multi-point ROI with the given counters (0 positive, 1 negative). */
	static PointRoi points(int[] xs, int[] ys, int... counters) {
		PointRoi roi = new PointRoi(xs, ys, xs.length);
		roi.setCounters(counters);
		return roi;
	}

	@Test
	void rectangleIsABoxWithItsExactCoordinates() {
		Roi rect = new Roi(10, 12, 20, 15);
		rect.setName("cell");
		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { rect }, 1);
		assertEquals(1, prompts.size());
		ObjectPrompt p = prompts.get(0);
		assertBox(p, 10, 12, 20, 15);
		assertTrue(p.points().isEmpty());
		assertEquals(1, p.slice());
		assertEquals("cell", p.name());
		assertNull(p.maskInput());
	}

	@Test
	void subpixelRectangleKeepsItsFloatBounds() {
		Roi rect = new Roi(2.5, 3.25, 4.5, 5.75);
		assertBox(RoiPrompts.fromRois(new Roi[] { rect }, 1).get(0), 2.5, 3.25, 4.5, 5.75);
	}

	@Test
	void pointCountersZeroAndOneArePositiveAndNegativeAtPixelCentres() {
		PointRoi roi = points(new int[] { 3, 7, 20 }, new int[] { 4, 9, 1 }, 0, 1, 0);
		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { roi }, 1);
		assertEquals(1, prompts.size(), "a multi-point ROI is one object");
		List<PromptPoint> pts = prompts.get(0).points();
		assertEquals(3, pts.size());
		assertPoint(pts.get(0), 3.5, 4.5, true);
		assertPoint(pts.get(1), 7.5, 9.5, false);
		assertPoint(pts.get(2), 20.5, 1.5, true);
		assertNull(prompts.get(0).box());
	}

	@Test
	void plainPointWithoutCountersOrPositionIsPositiveOnTheDefaultSlice() {
		// regression: PointRoi.hasPointPosition(int) takes a slice, not a point index, and is always true for 0;
		// a point ROI without any position used to give slice 0 ("Slices are numbered from 1, got 0")
		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { new PointRoi(5.0, 6.0) }, 3);
		assertEquals(1, prompts.size());
		assertEquals(3, prompts.get(0).slice());
		assertEquals(1, prompts.get(0).points().size());
		assertPoint(prompts.get(0).points().get(0), 5.5, 6.5, true);
	}

	@Test
	void subpixelPointIsShiftedByHalfAPixel() {
		PointRoi roi = new PointRoi(new float[] { 3.25f }, new float[] { 4.75f }, 1);
		assertPoint(RoiPrompts.fromRois(new Roi[] { roi }, 1).get(0).points().get(0), 3.75, 5.25, true);
	}

	@Test
	void counterTwoIsRefusedNamingTheRoiAndPoint() {
		PointRoi roi = points(new int[] { 3, 7 }, new int[] { 4, 9 }, 0, 2);
		roi.setName("seeds");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoiPrompts.fromRois(
			new Roi[] { new Roi(0, 0, 5, 5), roi }, 1));
		assertEquals("ROI 2 'seeds': point 2 uses counter 2; use counter 0 for positive and counter 1 for negative points",
			e.getMessage());
	}

	@Test
	void lineRoiIsRefusedWithAClearMessage() {
		Line line = new Line(1, 2, 10, 12);
		line.setName("ruler");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoiPrompts.fromRois(
			new Roi[] { line }, 1));
		assertEquals("ROI 1 'ruler' is a Straight Line selection; use rectangles (boxes) or points", e.getMessage());
	}

	@Test
	void polylineIsRefusedToo() {
		PolygonRoi polyline = new PolygonRoi(new float[] { 1, 5, 9 }, new float[] { 1, 8, 2 }, Roi.POLYLINE);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoiPrompts.fromRois(
			new Roi[] { polyline }, 1));
		assertTrue(e.getMessage().startsWith("ROI 1 is a "), e.getMessage());
		assertTrue(e.getMessage().endsWith("selection; use rectangles (boxes) or points"), e.getMessage());
	}

	@Test
	void ovalAndPolygonPromptWithTheirBounds() {
		Roi oval = new OvalRoi(5, 6, 10, 8);
		Roi polygon = new PolygonRoi(new int[] { 20, 30, 25 }, new int[] { 3, 5, 17 }, 3, Roi.POLYGON);
		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { oval, polygon }, 1);
		assertEquals(2, prompts.size());
		assertBox(prompts.get(0), 5, 6, 10, 8);
		assertBox(prompts.get(1), 20, 3, 10, 14);
	}

	@Test
	void ungroupedRoisAreSeparateObjectsInOrder() {
		Roi a = new Roi(1, 1, 4, 4);
		a.setName("a");
		Roi b = new Roi(10, 10, 4, 4);
		b.setName("b");
		PointRoi c = new PointRoi(20.0, 21.0);
		c.setName("c");
		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { a, b, c }, 1);
		assertEquals(3, prompts.size());
		assertEquals("a", prompts.get(0).name());
		assertBox(prompts.get(0), 1, 1, 4, 4);
		assertEquals("b", prompts.get(1).name());
		assertBox(prompts.get(1), 10, 10, 4, 4);
		assertEquals("c", prompts.get(2).name());
		assertPoint(prompts.get(2).points().get(0), 20.5, 21.5, true);
	}

	@Test
	void groupsFormOneObjectInOrderOfFirstAppearance() {
		Roi box2 = new Roi(10, 10, 8, 8);
		box2.setGroup(2);
		box2.setName("first of group 2");
		PointRoi pos1 = points(new int[] { 30 }, new int[] { 31 }, 0);
		pos1.setGroup(1);
		pos1.setName("first of group 1");
		PointRoi neg2 = points(new int[] { 12 }, new int[] { 13 }, 1);
		neg2.setGroup(2);
		Roi loose = new Roi(40, 2, 5, 6);
		loose.setName("loose");
		PointRoi neg1 = points(new int[] { 33 }, new int[] { 34 }, 1);
		neg1.setGroup(1);

		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { box2, pos1, neg2, loose, neg1 }, 1);
		assertEquals(3, prompts.size());

		ObjectPrompt g2 = prompts.get(0);
		assertEquals("first of group 2", g2.name(), "a group is named after its first ROI");
		assertBox(g2, 10, 10, 8, 8);
		assertEquals(1, g2.points().size());
		assertPoint(g2.points().get(0), 12.5, 13.5, false);

		ObjectPrompt g1 = prompts.get(1);
		assertEquals("first of group 1", g1.name());
		assertNull(g1.box());
		assertEquals(2, g1.points().size());
		assertPoint(g1.points().get(0), 30.5, 31.5, true);
		assertPoint(g1.points().get(1), 33.5, 34.5, false);

		assertEquals("loose", prompts.get(2).name());
		assertBox(prompts.get(2), 40, 2, 5, 6);
	}

	@Test
	void twoBoxesInOneGroupAreRefused() {
		Roi a = new Roi(1, 1, 4, 4);
		a.setGroup(3);
		Roi b = new Roi(10, 10, 4, 4);
		b.setGroup(3);
		b.setName("second");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoiPrompts.fromRois(
			new Roi[] { a, b }, 1));
		assertEquals("ROI 2 'second': An object can have only one box; put other boxes in other objects", e
			.getMessage());
	}

	@Test
	void roiPositionIsTheSliceAndUnpositionedRoisUseTheDefault() {
		Roi onThree = new Roi(1, 1, 4, 4);
		onThree.setPosition(3);
		Roi anywhere = new Roi(1, 1, 4, 4);
		PointRoi pointOnFive = new PointRoi(2.0, 2.0);
		pointOnFive.setPosition(5);
		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { onThree, anywhere, pointOnFive }, 2);
		assertEquals(3, prompts.get(0).slice());
		assertEquals(2, prompts.get(1).slice());
		assertEquals(5, prompts.get(2).slice());
	}

	@Test
	void pointRoiWithoutRoiPositionUsesItsPointPosition() {
		// counters hold the counter in the low 8 bits and the point's stack position above them (as in .roi files);
		// points on different slices leave the ROI with PointRoi.POINTWISE_POSITION; the first point's slice is used
		PointRoi roi = points(new int[] { 3, 7 }, new int[] { 4, 9 }, 0 | (4 << 8), 1 | (5 << 8));
		assertEquals(PointRoi.POINTWISE_POSITION, roi.getPosition(), "precondition: no single ROI position");
		assertEquals(4, roi.getPointPosition(0));
		ObjectPrompt p = RoiPrompts.fromRois(new Roi[] { roi }, 1).get(0);
		assertEquals(4, p.slice());
		assertPoint(p.points().get(0), 3.5, 4.5, true);
		assertPoint(p.points().get(1), 7.5, 9.5, false);
	}

	@Test
	void emptyRoiArrayGivesNoPrompts() {
		assertTrue(RoiPrompts.fromRois(new Roi[0], 1).isEmpty());
	}

	@Test
	void roisAreNotModified() {
		Roi rect = new Roi(10, 12, 20, 15);
		rect.setName("rect");
		rect.setGroup(4);
		rect.setPosition(2);
		PointRoi pts = points(new int[] { 3, 7 }, new int[] { 4, 9 }, 0, 1);
		pts.setName("pts");
		pts.setGroup(4);
		Roi oval = new OvalRoi(5, 6, 10, 8);
		Roi[] rois = { rect, pts, oval };
		List<String> before = describe(rois);
		float[] xsBefore = pts.getFloatPolygon().xpoints.clone();

		RoiPrompts.fromRois(rois, 1);

		assertEquals(before, describe(rois));
		assertEquals(xsBefore[0], pts.getFloatPolygon().xpoints[0], 0);
		assertEquals(xsBefore[1], pts.getFloatPolygon().xpoints[1], 0);
		assertFalse(rois[0] != rect || rois[1] != pts || rois[2] != oval, "the array itself is not reordered");
	}

	static List<String> describe(Roi[] rois) {
		List<String> d = new ArrayList<>();
		for (Roi r : rois) {
			Rectangle b = r.getBounds();
			d.add(r.getClass().getSimpleName() + " " + r.getName() + " " + b + " " + r.getFloatBounds() + " g" + r
				.getGroup() + " p" + r.getPosition() + " t" + r.getType() + " c" + (r instanceof PointRoi
					? java.util.Arrays.toString(((PointRoi) r).getCounters()) : "-"));
		}
		return d;
	}
}
