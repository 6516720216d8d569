package io.github.samfiji.engine.auto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.samfiji.engine.result.ObjectMask;

import org.junit.jupiter.api.Test;

class SmallRegionsTest {

	/** A mask drawn with '#' on a plane of the rows' size. */
	private static ObjectMask draw(String... rows) {
		int w = rows[0].length(), h = rows.length;
		boolean[] plane = new boolean[w * h];
		for (int j = 0; j < h; j++)
			for (int i = 0; i < w; i++)
				plane[j * w + i] = rows[j].charAt(i) == '#';
		return ObjectMask.of(plane, w, h);
	}

	@Test
	void smallHolesAreFilledAndSmallIslandsRemoved() {
		ObjectMask mask = draw( //
			"..........", //
			".#####....", //
			".#..##..#.", //
			".#####....", //
			"..........");
		ObjectMask cleaned = SmallRegions.clean(mask, 3);
		assertArrayEquals(draw( //
			"..........", //
			".#####....", //
			".#####....", //
			".#####....", //
			"..........").toPlane(), cleaned.toPlane());
	}

	@Test
	void regionsAtLeastTheAreaStay() {
		ObjectMask mask = draw( //
			"#####..##", //
			"#...#..##", //
			"#####....");
		assertSame(mask, SmallRegions.clean(mask, 3), "hole of 3 and island of 4 are not smaller than 3");
	}

	@Test
	void whenEveryIslandIsSmallTheLargestIsKept() {
		ObjectMask cleaned = SmallRegions.clean(draw("##...#", "##...."), 10);
		assertEquals(4, cleaned.area());
		assertEquals(0, cleaned.boundsX());
	}

	@Test
	void backgroundTouchingTheBoundingBoxIsNotAHole() {
		ObjectMask mask = draw( //
			"#.#", //
			"#.#", //
			"###");
		assertSame(mask, SmallRegions.clean(mask, 5));
	}

	@Test
	void zeroAreaOrEmptyMaskChangesNothing() {
		ObjectMask mask = draw("#.#");
		assertSame(mask, SmallRegions.clean(mask, 0));
		ObjectMask empty = draw("...");
		assertSame(empty, SmallRegions.clean(empty, 5));
	}
}
