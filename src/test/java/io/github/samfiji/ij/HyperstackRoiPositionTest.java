package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;

import java.util.List;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import org.junit.jupiter.api.Test;

/** ROIs with a hyperstack position (channel, slice, frame) are put on the matching stack index of the image. */
class HyperstackRoiPositionTest {

	@Test
	void hyperstackPositionsMapToStackIndices() {
		ImagePlus image = IJ.createImage("hyper", "8-bit black", 20, 10, 2, 3, 4); // c=2, z=3, t=4
		image.setPosition(2, 1, 1);
		Roi positioned = new Roi(1, 1, 5, 5);
		positioned.setPosition(1, 3, 2);
		Roi channelOnly = new Roi(2, 2, 5, 5);
		channelOnly.setPosition(0, 2, 4); // channel 0 = the image's current channel (2)
		Roi unpositioned = new Roi(3, 3, 5, 5);
		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { positioned, channelOnly, unpositioned }, image);
		assertEquals(image.getStackIndex(1, 3, 2), prompts.get(0).slice());
		assertEquals(image.getStackIndex(2, 2, 4), prompts.get(1).slice());
		assertEquals(image.getCurrentSlice(), prompts.get(2).slice());
	}

	@Test
	void aPositionBeyondTheHyperstackIsRefusedNotMovedToTheLastPlane() {
		ImagePlus image = IJ.createImage("hyper", "8-bit black", 20, 10, 2, 3, 4); // c=2, z=3, t=4
		Roi late = new Roi(1, 1, 5, 5);
		late.setName("late");
		late.setPosition(1, 2, 9);
		assertEquals("ROI 'late' is on frame 9, but the image has 4 frame(s): move the ROI to a frame the image has",
			assertThrows(IllegalArgumentException.class, () -> RoiPrompts.fromRois(new Roi[] { late }, image))
				.getMessage());
		Roi deep = new Roi(1, 1, 5, 5);
		deep.setPosition(0, 7, 0);
		assertEquals("A ROI is on slice 7, but the image has 3 slice(s): move the ROI to a slice the image has",
			assertThrows(IllegalArgumentException.class, () -> RoiPrompts.fromRois(new Roi[] { deep }, image, true))
				.getMessage());
	}

	@Test
	void aHyperstackPositionOnAPlainStackIsItsSlice() {
		ImagePlus stack = IJ.createImage("stack", "8-bit black", 20, 10, 5); // not a hyperstack: ImageJ gives position 0
		stack.setSlice(4);
		Roi third = new Roi(1, 1, 5, 5);
		third.setPosition(0, 3, 0);
		Roi channelOnly = new Roi(1, 1, 5, 5);
		channelOnly.setPosition(1, 0, 0);
		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { third, channelOnly }, stack);
		assertEquals(3, prompts.get(0).slice());
		assertEquals(4, prompts.get(1).slice(), "the current slice");
		Roi beyond = new Roi(1, 1, 5, 5);
		beyond.setPosition(0, 6, 0);
		assertEquals("A ROI is on slice 6, but the image has 5 slice(s): move the ROI to a slice the image has",
			assertThrows(IllegalArgumentException.class, () -> RoiPrompts.fromRois(new Roi[] { beyond }, stack))
				.getMessage());
	}
}
