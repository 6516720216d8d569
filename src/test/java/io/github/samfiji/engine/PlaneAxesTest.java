package io.github.samfiji.engine;

import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.task.ProgressClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Plane numbers of a (c=2, z=3, t=4) hyperstack in ImageJ's order, steps along an axis, and axis messages. */
class PlaneAxesTest {

	private static final PlaneAxes AXES = PlaneAxes.hyperstack(2, 3, 4);

	@Test
	void coordinatesFollowImageJsChannelSliceFrameOrder() {
		assertEquals(24, AXES.planeCount());
		int plane = 2 + 2 * (3 - 1) + 2 * 3 * (4 - 1); // c=2, z=3, t=4 -> 24
		assertEquals(24, plane);
		assertEquals(2, AXES.coordinate(plane, "c"));
		assertEquals(3, AXES.coordinate(plane, "z"));
		assertEquals(4, AXES.coordinate(plane, "t"));
		assertEquals(1, AXES.coordinate(plane, "q"), "a missing axis has one plane");
	}

	@Test
	void stepsStayOnTheLineAndStopAtItsEnds() {
		int c1z2t3 = 1 + 2 * 1 + 6 * 2;
		assertEquals(1 + 2 * 2 + 6 * 2, AXES.step(c1z2t3, "z", 1));
		assertEquals(0, AXES.step(c1z2t3, "z", 2), "z 4 does not exist");
		assertEquals(1 + 2 * 1 + 6 * 3, AXES.step(c1z2t3, "t", 1));
		List<Integer> frames = new ArrayList<>();
		for (int p = 3; p != 0; p = AXES.step(p, "t", 1))
			frames.add(p);
		assertEquals(List.of(3, 9, 15, 21), frames);
	}

	@Test
	void aSinglePlaneAxisIsRefusedNamingTheUsableOnes() {
		PlaneAxes zOnly = PlaneAxes.hyperstack(3, 12, 1);
		assertEquals("The image has a single frame along t, so there is nothing to propagate to; choose axis z (12 slices)",
			assertThrows(IllegalArgumentException.class, () -> zOnly.checkPropagationAxis("t")).getMessage());
		assertEquals("The image has a single slice along z, so there is nothing to propagate to: it is a single plane",
			assertThrows(IllegalArgumentException.class, () -> PlaneAxes.hyperstack(1, 1, 1).checkPropagationAxis("z"))
				.getMessage());
		AXES.checkPropagationAxis("t");
	}

	@Test
	void timeLeftIsWrittenAsMinutesAndSeconds() {
		assertEquals("0:07", ProgressClock.format(7));
		assertEquals("2:05", ProgressClock.format(125));
		assertEquals("1:01:01", ProgressClock.format(3661));
	}
}
