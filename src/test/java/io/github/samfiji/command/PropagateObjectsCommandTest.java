package io.github.samfiji.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.plugin.PropagateObjectsPluginTestAccess;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.github.samfiji.service.SamService;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/**
 * {@link PropagateObjectsCommand} through SciJava's {@link CommandService} with the tiny content model (mask = prompt
 * box AND bright pixels) on the shrinking stack: a bright 10x8 rectangle on slice 1 grows to 16x12 on slice 2 (3
 * pixels more on the left and right, 2 above and below) and 20x16 on slice 3.
 */
class PropagateObjectsCommandTest {

	@TempDir
	Path tmp;

	/**
	 * Runs the command from an object annotated on slice 1 by its exact box, with loose stopping rules. Every input is
	 * given: SciJava fills inputs left out with the values of the last run, which it persists.
	 */
	private CommandModule run(double boxMargin, int maxPlanes) throws Exception {
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,25,22,10,8,,1");
		Map<String, Object> inputs = new TreeMap<>();
		inputs.put("image", PropagateObjectsPluginTestAccess.shrinkingStack());
		inputs.put("model", TinyModels.resource(TinyModels.CONTENT).toString());
		inputs.put("prompts", "File");
		inputs.put("promptFile", prompts.toFile());
		inputs.put("minIou", 0.0);
		inputs.put("minStepIou", 0.0);
		inputs.put("maxAreaChange", 4.0);
		inputs.put("threads", 1);
		inputs.put("show", false);
		inputs.put("boxMargin", boxMargin);
		inputs.put("maxPlanes", maxPlanes);
		try (Context ctx = new Context(CommandService.class, StatusService.class, LogService.class, SamService.class)) {
			return ctx.service(CommandService.class).run(PropagateObjectsCommand.class, true, inputs).get();
		}
	}

	private static int area(ImagePlus labels, int slice) {
		ImageProcessor ip = labels.getStack().getProcessor(slice);
		int n = 0;
		for (int i = 0; i < ip.getPixelCount(); i++)
			if (ip.get(i) == 1) n++;
		return n;
	}

	@Test
	void boxMarginAndMaxPlanesReachTheEngine() throws Exception {
		CommandModule module = run(0.5, 1);

		assertFalse(module.isCanceled(), String.valueOf(module.getCancelReason()));
		ImagePlus labels = assertInstanceOf(ImagePlus.class, module.getOutput("labels"));
		assertEquals(80, area(labels, 1), "the annotated 10x8 rectangle");
		assertEquals(16 * 12, area(labels, 2),
			"a margin of half the box (5 and 4 pixels) takes in the whole 16x12 rectangle; the default 0.1 gives 12x10");
		assertEquals(0, area(labels, 3), "one plane at most from the annotation");
	}

	@Test
	void theDefaultsAreThoseOfThePluginAndTheCommandLine() throws Exception {
		org.scijava.module.Module fresh = new CommandInfo(PropagateObjectsCommand.class).createModule();
		assertEquals(PropagationOptions.defaults().boxMargin(), fresh.getInput("boxMargin"));
		assertEquals(PropagationOptions.defaults().maxPlanes(), fresh.getInput("maxPlanes"));

		CommandModule module = run(PropagationOptions.defaults().boxMargin(), PropagationOptions.defaults().maxPlanes());
		assertFalse(module.isCanceled(), String.valueOf(module.getCancelReason()));
		ImagePlus labels = (ImagePlus) module.getOutput("labels");
		assertEquals(12 * 10, area(labels, 2), "a margin of a tenth of the box: 1 pixel per side");
		assertTrue(area(labels, 3) > 0, "no plane limit");
	}

	@Test
	void aNegativeMarginOrPlaneLimitCancelsWithTheReason() throws Exception {
		CommandModule margin = run(-0.5, 0);
		assertTrue(margin.isCanceled());
		assertEquals("boxMargin must be in 0-10, got -0.5", margin.getCancelReason());
		CommandModule planes = run(0.1, -1);
		assertTrue(planes.isCanceled());
		assertEquals("maxPlanes must be at least 0, got -1", planes.getCancelReason());
	}
}
