package io.github.samfiji.engine.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.prompt.PromptPoint;

import java.util.List;

import org.junit.jupiter.api.Test;

class PointGridTest {

	@Test
	void pointsSitAtTheCentresOfAnEvenDivisionRowByRow() {
		List<PromptPoint> grid = PointGrid.over(0, 0, 200, 100, 4);
		assertEquals(16, grid.size());
		assertEquals(25, grid.get(0).x(), 0);
		assertEquals(12.5, grid.get(0).y(), 0);
		assertEquals(75, grid.get(1).x(), 0);
		assertEquals(12.5, grid.get(1).y(), 0);
		assertEquals(175, grid.get(15).x(), 0);
		assertEquals(87.5, grid.get(15).y(), 0);
		assertEquals(true, grid.get(7).positive());
	}

	@Test
	void offsetRegionAndSinglePoint() {
		List<PromptPoint> grid = PointGrid.over(10, 20, 30, 40, 1);
		assertEquals(1, grid.size());
		assertEquals(25, grid.get(0).x(), 0);
		assertEquals(40, grid.get(0).y(), 0);
		assertThrows(IllegalArgumentException.class, () -> PointGrid.over(0, 0, 5, 5, 0));
	}
}
