package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
