package io.github.samfiji.engine.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Binary masks stored in their bounding box: thresholding, bounds, pixel access and IoU. */
class ObjectMaskTest {

	// 5x4 plane:
	// . . . . .
	// . x x . .
	// . . x . .
	// . . . . .
	private static final boolean[] L_SHAPE = { false, false, false, false, false, false, true, true, false, false,
		false, false, true, false, false, false, false, false, false, false };

	@Test
	void thresholdKeepsLogitsStrictlyAbove() {
		float[] logits = { -1, 0, 0.001f, 5, -0f, 1 };
		ObjectMask m = ObjectMask.threshold(logits, 0, 3, 2, 0f);
		assertEquals(3, m.area());
		assertArrayEquals(new boolean[] { false, false, true, true, false, true }, m.toPlane());
	}

	@Test
	void thresholdReadsFromTheOffset() {
		float[] logits = { 9, 9, 9, 9, -1, 1, 1, -1 };
		ObjectMask m = ObjectMask.threshold(logits, 4, 2, 2, 0f);
		assertArrayEquals(new boolean[] { false, true, true, false }, m.toPlane());
	}

	@Test
	void boundsAreTheTightBoundingBox() {
		ObjectMask m = ObjectMask.of(L_SHAPE, 5, 4);
		assertEquals(5, m.planeWidth());
		assertEquals(4, m.planeHeight());
		assertEquals(1, m.boundsX());
		assertEquals(1, m.boundsY());
		assertEquals(2, m.boundsWidth());
		assertEquals(2, m.boundsHeight());
		assertEquals(3, m.area());
		assertArrayEquals(L_SHAPE, m.toPlane());
	}

	@Test
	void containsAnswersForAnyPixel() {
		ObjectMask m = ObjectMask.of(L_SHAPE, 5, 4);
		assertTrue(m.contains(1, 1));
		assertTrue(m.contains(2, 2));
		assertFalse(m.contains(1, 2)); // inside the bounds, not in the mask
		assertFalse(m.contains(0, 0));
		assertFalse(m.contains(-1, 1));
		assertFalse(m.contains(100, 100));
	}

	@Test
	void pixelsAreVisitedRowByRow() {
		List<String> visited = new ArrayList<>();
		ObjectMask.of(L_SHAPE, 5, 4).forEachPixel((x, y) -> visited.add(x + "," + y));
		assertEquals(java.util.Arrays.asList("1,1", "2,1", "2,2"), visited);
	}

	@Test
	void emptyMaskHasNoAreaAndEmptyBounds() {
		ObjectMask m = ObjectMask.threshold(new float[] { -1, -1, -1, -1 }, 0, 2, 2, 0f);
		assertTrue(m.isEmpty());
		assertEquals(0, m.area());
		assertEquals(0, m.boundsWidth());
		assertEquals(0, m.boundsHeight());
		assertFalse(m.contains(0, 0));
		assertArrayEquals(new boolean[4], m.toPlane());
	}

	@Test
	void intersectionAndIou() {
		boolean[] a = new boolean[16], b = new boolean[16];
		for (int i = 0; i < 8; i++)
			a[i] = true; // rows 0-1 of a 4x4 plane
		for (int i = 4; i < 16; i++)
			b[i] = true; // rows 1-3
		ObjectMask ma = ObjectMask.of(a, 4, 4), mb = ObjectMask.of(b, 4, 4);
		assertEquals(4, ma.intersectionArea(mb));
		assertEquals(4 / 16.0, ma.iou(mb), 1e-12);
		assertEquals(1.0, ma.iou(ma), 0);
		ObjectMask empty = ObjectMask.of(new boolean[16], 4, 4);
		assertEquals(0.0, empty.iou(empty), 0);
		assertEquals(0.0, ma.iou(empty), 0);
	}
}
