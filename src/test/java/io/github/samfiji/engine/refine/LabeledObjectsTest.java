package io.github.samfiji.engine.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.refine.LabeledObjects.LabeledPrompt;

import java.util.List;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;

class LabeledObjectsTest {

	@Test
	void eachLabelBecomesItsTightBoxAndInteriorPointInLabelOrder() {
		// an L-shaped object 9 (its centroid lies outside it) and a 2x1 object 4, on a 6x5 plane
		float[] plane = { //
			9, 0, 0, 0, 0, 0, //
			9, 0, 0, 4, 4, 0, //
			9, 0, 0, 0, 0, 0, //
			9, 9, 9, 0, 0, 0, //
			0, 0, 0, 0, 0, 0 };
		List<LabeledPrompt> prompts = LabeledObjects.prompts(ArrayImgs.floats(plane, 6, 5), 3, true);
		assertEquals(2, prompts.size());
		LabeledPrompt four = prompts.get(0), nine = prompts.get(1);
		assertEquals(4, four.label());
		ObjectPrompt p4 = four.prompt();
		assertEquals(3, p4.box().x(), 0);
		assertEquals(1, p4.box().y(), 0);
		assertEquals(5, p4.box().maxX(), 0);
		assertEquals(2, p4.box().maxY(), 0);
		assertEquals(3, p4.slice());
		assertEquals("label-4", p4.name());
		assertEquals(9, nine.label());
		// centroid (0.67, 2.33); the nearest pixel of the object is (0, 2), whose centre is (0.5, 2.5)
		assertEquals(0.5, nine.prompt().points().get(0).x(), 0);
		assertEquals(2.5, nine.prompt().points().get(0).y(), 0);
		assertEquals(0, nine.prompt().box().x(), 0);
		assertEquals(3, nine.prompt().box().maxX(), 0);
		assertEquals(4, nine.prompt().box().maxY(), 0);
	}

	@Test
	void withoutInteriorPointOnlyTheBox() {
		List<LabeledPrompt> prompts = LabeledObjects.prompts(ArrayImgs.unsignedShorts(new short[] { 0, 2, 2, 0 }, 2,
			2), 1, false);
		assertEquals(1, prompts.size());
		assertEquals(0, prompts.get(0).prompt().points().size());
	}

	@Test
	void invalidValuesAreRefusedWithTheirPosition() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabeledObjects.prompts(ArrayImgs
			.floats(new float[] { 0, 1.5f, 0, 0 }, 2, 2), 2, false));
		assertEquals("Label images must hold whole numbers 0-65535 (0 = background); found 1.5 at 1,0 on slice 2", e
			.getMessage());
		assertThrows(IllegalArgumentException.class, () -> LabeledObjects.prompts(ArrayImgs.floats(new float[] { -1 },
			1, 1), 1, false));
		assertThrows(IllegalArgumentException.class, () -> LabeledObjects.prompts(ArrayImgs.floats(new float[] {
			70000 }, 1, 1), 1, false));
	}

	@Test
	void anEmptyLabelPlaneGivesNoPrompts() {
		assertEquals(0, LabeledObjects.prompts(ArrayImgs.unsignedBytes(4, 4), 1, true).size());
	}
}
