package io.github.samfiji.engine.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

/** Painting objects into a 16-bit label plane: the lowest id keeps overlapping pixels. */
class LabelComposerTest {

	private static final int W = 4, H = 3;

	/** An object whose mask covers the given row-major pixel indices of a 4x3 plane. */
	static SegmentedObject object(int id, int... pixels) {
		boolean[] plane = new boolean[W * H];
		for (int p : pixels)
			plane[p] = true;
		return new SegmentedObject(id, ObjectPrompt.builder().point(0.5, 0.5, true).build(), ObjectMask.of(plane, W, H),
			0.5f, null);
	}

	@Test
	void lowerIdWinsWhateverTheListOrder() {
		SegmentedObject one = object(1, 0, 1, 2, 5);
		SegmentedObject two = object(2, 1, 2, 6, 10);
		int[] overlap = new int[2];
		short[] labels = LabelComposer.compose(Arrays.asList(two, one), W, H, overlap);
		assertArrayEquals(new short[] { 1, 1, 1, 0, 0, 1, 2, 0, 0, 0, 2, 0 }, labels);
		// overlap is reported in the order of the given list: "two" lost 2 pixels to "one"
		assertArrayEquals(new int[] { 2, 0 }, overlap);
	}

	@Test
	void objectInsideAnEarlierOneDisappearsFromTheLabels() {
		int[] overlap = new int[2];
		short[] labels = LabelComposer.compose(Arrays.asList(object(1, 0, 1, 4, 5), object(2, 5)), W, H, overlap);
		assertArrayEquals(new short[] { 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0 }, labels);
		assertArrayEquals(new int[] { 0, 1 }, overlap);
	}

	@Test
	void labelsAboveThirtyTwoThousandAreStoredUnsigned() {
		short[] labels = LabelComposer.compose(Collections.singletonList(object(65535, 3)), W, H, null);
		assertEquals(65535, labels[3] & 0xffff);
		assertEquals(0, labels[0]);
	}

	@Test
	void idsBeyondSixteenBitsAreRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelComposer.compose(
			Collections.singletonList(object(65536, 3)), W, H, null));
		assertEquals("Object 65536: a 16-bit label image holds labels 1-65535", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> LabelComposer.compose(Collections.singletonList(object(0,
			3)), W, H, null));
	}
}
