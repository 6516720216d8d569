package io.github.samfiji.engine.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class BoxNmsTest {

	@Test
	void iouOfBoxes() {
		assertEquals(1, BoxNms.iou(new double[] { 0, 0, 10, 10 }, new double[] { 0, 0, 10, 10 }), 0);
		assertEquals(50 / 150.0, BoxNms.iou(new double[] { 0, 0, 10, 10 }, new double[] { 5, 0, 15, 10 }), 1e-12);
		assertEquals(0, BoxNms.iou(new double[] { 0, 0, 10, 10 }, new double[] { 10, 0, 20, 10 }), 0);
		assertEquals(0, BoxNms.iou(new double[] { 3, 3, 3, 3 }, new double[] { 3, 3, 3, 3 }), 0);
	}

	@Test
	void keepsTheBestOfOverlappingBoxesAndAllSeparateOnes() {
		List<double[]> boxes = Arrays.asList(new double[] { 0, 0, 10, 10 }, // 0
			new double[] { 1, 0, 11, 10 }, // 1: IoU 0.818 with 0
			new double[] { 5, 0, 15, 10 }, // 2: IoU 0.333 with 0, 0.428 with 1
			new double[] { 50, 50, 60, 60 }); // 3: alone
		double[] scores = { 0.8, 0.9, 0.7, 0.1 };
		assertEquals(Arrays.asList(1, 2, 3), BoxNms.keep(boxes, scores, 0.7));
		assertEquals(Arrays.asList(1, 3), BoxNms.keep(boxes, scores, 0.4));
		assertEquals(Arrays.asList(1, 0, 2, 3), BoxNms.keep(boxes, scores, 0.9));
	}

	@Test
	void tiesGoToTheLowerIndex() {
		List<double[]> boxes = Arrays.asList(new double[] { 0, 0, 10, 10 }, new double[] { 0, 0, 10, 10 });
		assertEquals(Collections.singletonList(0), BoxNms.keep(boxes, new double[] { 0.5, 0.5 }, 0.7));
	}

	@Test
	void noBoxesNoneKept() {
		assertEquals(Collections.emptyList(), BoxNms.keep(Collections.emptyList(), new double[0], 0.7));
	}
}
