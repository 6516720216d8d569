package io.github.samfiji.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import io.github.samfiji.ij.IjTestFixtures;

import io.github.samfiji.service.SamService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** {@link SegmentObjectCommand} through SciJava's {@link CommandService} with the tiny model. */
class SegmentObjectCommandTest {

	static final int W = 64, H = 48;
	private final ImagePlus image = IjTestFixtures.grey8("cells", W, H, 1);
	private final Context ctx = new Context(CommandService.class, StatusService.class, LogService.class,
		SamService.class);

	@AfterEach
	void close() {
		ctx.dispose();
	}

	/** Runs the command in the test's context, whose {@link SamService} keeps the image's objects between runs. */
	private CommandModule run(String prompts) throws Exception {
		return ctx.service(CommandService.class).run(SegmentObjectCommand.class, true, "image", image, "prompts",
			prompts, "slice", 1, "model", IjTestFixtures.descriptor().toString(), "multimask", "best", "intensity", "auto",
			"threads", 1).get();
	}

	@Test
	void objectsAccumulateInTheImagesLabelImage() throws Exception {
		run("box:10,12,20,15");
		CommandModule second = run("box:40,5,8,9");
		assertFalse(second.isCanceled(), String.valueOf(second.getCancelReason()));
		ImagePlus labels = assertInstanceOf(ImagePlus.class, second.getOutput("labels"));
		assertEquals("cells-labels", labels.getTitle());
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }, new int[] { 40, 5, 8, 9 }),
			(short[]) labels.getProcessor().getPixels());
	}

	@Test
	void badPromptsCancelWithTheReason() throws Exception {
		CommandModule module = run("12,30");
		assertTrue(module.isCanceled());
		assertEquals("Bad prompt '12,30': write +x,y (object), -x,y (background) or box:x,y,width,height", module
			.getCancelReason());
	}
}
