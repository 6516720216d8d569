package io.github.samfiji.engine.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Building object prompts, copying them, and checking them against a plane. */
class ObjectPromptTest {

	@Test
	void builderCollectsPointsBoxSliceAndName() {
		ObjectPrompt p = ObjectPrompt.builder().point(1.5, 2.5, true).point(PromptPoint.atPixel(3, 4, false)).box(1, 2,
			3, 4).slice(2).name("nucleus").build();
		assertEquals(2, p.points().size());
		assertEquals(3.5, p.points().get(1).x(), 0);
		assertEquals(4.5, p.points().get(1).y(), 0);
		assertEquals(false, p.points().get(1).positive());
		assertEquals(4.0, p.box().maxX(), 0);
		assertEquals(6.0, p.box().maxY(), 0);
		assertEquals(2, p.slice());
		assertEquals("nucleus", p.name());
		assertNull(p.maskInput());
		assertEquals("nucleus slice 2 [+(1.5, 2.5), -(3.5, 4.5)] box(1.0, 2.0, 3.0x4.0)", p.toString());
	}

	@Test
	void defaultsAreSliceOneWithoutName() {
		ObjectPrompt p = ObjectPrompt.builder().point(1, 1, true).build();
		assertEquals(1, p.slice());
		assertNull(p.name());
		assertNull(p.box());
	}

	@Test
	void copiesKeepEverythingElse() {
		ObjectPrompt p = ObjectPrompt.builder().point(1, 1, true).box(0, 0, 5, 5).slice(3).name("a").build();
		LowResMask mask = new LowResMask(2, new float[4]);
		ObjectPrompt withMask = p.withMaskInput(mask);
		assertSame(mask, withMask.maskInput());
		assertEquals(p.points().get(0).x(), withMask.points().get(0).x(), 0);
		assertSame(p.box(), withMask.box());
		assertEquals(3, withMask.slice());
		assertEquals("a", withMask.name());
		ObjectPrompt moved = withMask.withSlice(5);
		assertEquals(5, moved.slice());
		assertSame(mask, moved.maskInput());
		assertEquals(3, p.slice());
		assertNull(p.maskInput());
		assertTrue(moved.toString().endsWith(" +mask"));
	}

	@Test
	void pointsAreImmutable() {
		ObjectPrompt p = ObjectPrompt.builder().points(Arrays.asList(new PromptPoint(1, 1, true))).build();
		assertThrows(UnsupportedOperationException.class, () -> p.points().add(new PromptPoint(2, 2, true)));
	}

	@Test
	void emptyPromptIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ObjectPrompt.builder().name(
			"cell 3").build());
		assertEquals("An object prompt needs at least one point or a box (cell 3)", e.getMessage());
		assertTrue(ObjectPrompt.builder().isEmpty());
	}

	@Test
	void secondBoxIsRefused() {
		ObjectPrompt.Builder b = ObjectPrompt.builder().box(0, 0, 1, 1);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.box(2, 2, 1, 1));
		assertEquals("An object can have only one box; put other boxes in other objects", e.getMessage());
	}

	@Test
	void sliceZeroIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ObjectPrompt.builder().slice(
			0));
		assertEquals("Slices are numbered from 1, got 0", e.getMessage());
	}

	@Test
	void pointsOnTheEdgesAreInsideAndBeyondAreNot() {
		ObjectPrompt edges = ObjectPrompt.builder().point(0, 0, true).point(10, 8, true).build();
		edges.checkInside(10, 8, "Object 1");
		ObjectPrompt beyond = ObjectPrompt.builder().point(10.01, 4, true).build();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> beyond.checkInside(10, 8,
			"Object 4"));
		assertEquals("Object 4: point +(10.01, 4.0) lies outside the 10x8 image", e.getMessage());
	}

	@Test
	void boxOverlappingThePlaneIsInsideAndABoxBesideItIsNot() {
		ObjectPrompt.builder().box(-5, -5, 6, 6).build().checkInside(10, 8, "o");
		ObjectPrompt.builder().box(9, 7, 6, 6).build().checkInside(10, 8, "o");
		for (PromptBox outside : new PromptBox[] { new PromptBox(10, 0, 2, 2), new PromptBox(0, 8, 2, 2), new PromptBox(
			-3, 0, 3, 2), new PromptBox(0, -2, 2, 2) }) {
			ObjectPrompt p = ObjectPrompt.builder().box(outside).build();
			assertThrows(IllegalArgumentException.class, () -> p.checkInside(10, 8, "o"), outside.toString());
		}
	}

	@Test
	void boxAndPointValuesMustBeUsable() {
		IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> new PromptBox(0, 0, 0, 5));
		assertEquals("A box needs a finite, positive width and height, got 0.0x5.0", size.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new PromptBox(0, 0, 5, Double.NaN));
		IllegalArgumentException position = assertThrows(IllegalArgumentException.class, () -> new PromptBox(
			Double.POSITIVE_INFINITY, 0, 5, 5));
		assertEquals("A box needs a finite position, got Infinity, 0.0", position.getMessage());
		IllegalArgumentException point = assertThrows(IllegalArgumentException.class, () -> new PromptPoint(Double.NaN,
			1, true));
		assertEquals("A point needs finite coordinates, got NaN, 1.0", point.getMessage());
	}

	@Test
	void lowResMaskNeedsSizeSquaredLogits() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LowResMask(256,
			new float[255 * 256]));
		assertEquals("Expected 65536 logits for a 256x256 mask, got 65280", e.getMessage());
	}

	@Test
	void nonFiniteCoordinatesAreRefused() {
		assertEquals("A box needs a finite, positive width and height, got Infinityx20.0", assertThrows(
			IllegalArgumentException.class, () -> new PromptBox(1, 2, Double.POSITIVE_INFINITY, 20)).getMessage());
		assertEquals("A box needs a finite, positive width and height, got 20.0xNaN", assertThrows(
			IllegalArgumentException.class, () -> new PromptBox(1, 2, 20, Double.NaN)).getMessage());
		assertEquals("A box needs a finite position, got NaN, 2.0", assertThrows(IllegalArgumentException.class,
			() -> new PromptBox(Double.NaN, 2, 20, 20)).getMessage());
		assertEquals("A point needs finite coordinates, got Infinity, 2.0", assertThrows(IllegalArgumentException.class,
			() -> new PromptPoint(Double.POSITIVE_INFINITY, 2, true)).getMessage());
	}
}
