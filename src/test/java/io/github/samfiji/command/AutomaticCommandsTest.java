package io.github.samfiji.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

import io.github.samfiji.ij.IjTestFixtures;

import io.github.samfiji.service.SamService;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** The SciJava commands "Segment Everything" and "Refine with SAM" with the tiny model. */
class AutomaticCommandsTest {

	@Test
	void segmentEverythingReturnsTheLabelImage() throws Exception {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", 128, 128, 1);
		try (Context ctx = new Context(CommandService.class, StatusService.class, LogService.class, SamService.class)) {
			CommandModule module = ctx.service(CommandService.class).run(SegmentEverythingCommand.class, true, "image",
				image, "model", IjTestFixtures.descriptor().toString(), "method", "grid", "pointsPerSide", 4, "predIouThresh", 0.7,
				"stabilityScoreOffset", 0.5, "threads", 1, "show", false).get();
			assertFalse(module.isCanceled(), String.valueOf(module.getCancelReason()));
			ImagePlus labels = assertInstanceOf(ImagePlus.class, module.getOutput("labels"));
			assertEquals(16, (int) labels.getProcessor().getStatistics().max);
		}
	}

	@Test
	void refineKeepsLabelValuesAndRefusesAnRgbLabelImage() throws Exception {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", 64, 48, 1);
		short[] truth = IjTestFixtures.boxLabels(64, 48, new int[] { 10, 12, 20, 15 });
		for (int i = 0; i < truth.length; i++)
			if (truth[i] != 0) truth[i] = 5;
		try (Context ctx = new Context(CommandService.class, StatusService.class, LogService.class, SamService.class)) {
			CommandModule module = ctx.service(CommandService.class).run(RefineWithSamCommand.class, true, "image", image,
				"labelImage", new ImagePlus("labels", new ShortProcessor(64, 48, truth, null)), "model", IjTestFixtures
					.descriptor().toString(), "threads", 1, "show", false).get();
			assertFalse(module.isCanceled(), String.valueOf(module.getCancelReason()));
			assertArrayEquals(truth, (short[]) ((ImagePlus) module.getOutput("labels")).getProcessor().getPixels());

			CommandModule rgb = ctx.service(CommandService.class).run(RefineWithSamCommand.class, true, "image", image,
				"labelImage", new ImagePlus("colour", new ColorProcessor(64, 48)), "model", IjTestFixtures
					.descriptor().toString(), "show", false).get();
			assertTrue(rgb.isCanceled());
			assertEquals("'colour' is an RGB image; choose a label image (8, 16 or 32-bit, one value per object)", rgb
				.getCancelReason());
		}
	}
}
