package io.github.samfiji.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.Calibration;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** {@link SegmentWithPromptsCommand} run through SciJava's {@link CommandService} with the tiny model. */
class SegmentWithPromptsCommandTest {

	static final int W = 64, H = 48;

	@TempDir
	Path tmp;

	private static CommandModule run(ImagePlus image, String model, String prompts, File promptFile, File outDir)
		throws InterruptedException, ExecutionException
	{
		try (Context ctx = new Context(CommandService.class, StatusService.class, LogService.class)) {
			return ctx.service(CommandService.class).run(SegmentWithPromptsCommand.class, true, "image", image, "model",
				model, "prompts", prompts, "promptFile", promptFile, "multimask", "best", "intensity", "auto", "threads", 1,
				"show", false, "outputDirectory", outDir).get();
		}
	}

	@Test
	void filePromptsGiveTheLabelImageAndFiles() throws Exception {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", W, H, 1);
		Calibration cal = image.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		cal.setUnit("µm");
		Object[] before = IjTestFixtures.snapshot(image);
		Path csv = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "a,box,10,12,20,15,,", "b,box,40,5,8,9,,");
		Path out = tmp.resolve("out");

		CommandModule module = run(image, IjTestFixtures.descriptor().toString(), "File", csv.toFile(), out.toFile());

		assertFalse(module.isCanceled(), String.valueOf(module.getCancelReason()));
		ImagePlus labels = assertInstanceOf(ImagePlus.class, module.getOutput("labels"));
		assertEquals("cells-labels", labels.getTitle());
		assertEquals(ImagePlus.GRAY16, labels.getType());
		assertEquals(0.5, labels.getCalibration().pixelWidth, 0);
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }, new int[] { 40, 5, 8, 9 }),
			(short[]) labels.getProcessor().getPixels());
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(out));
		assertEquals("1,a,1,300,75,µm,0,0.9,,10,12,20,15,whole,75,auto", Files.readAllLines(out.resolve(OutputWriter.TABLE))
			.get(1));
		IjTestFixtures.assertPixelsUnchanged(before, image);
	}

	@Test
	void selectionPromptWithoutOutputDirectory() throws Exception {
		ImagePlus image = IjTestFixtures.grey8("sel", W, H, 1);
		image.setRoi(new Roi(3, 4, 5, 6));
		CommandModule module = run(image, IjTestFixtures.descriptor().toString(), "Active selection", null, null);
		assertFalse(module.isCanceled(), String.valueOf(module.getCancelReason()));
		ImagePlus labels = (ImagePlus) module.getOutput("labels");
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 3, 4, 5, 6 }), (short[]) labels.getProcessor()
			.getPixels());
		assertEquals(List.of(), IjTestFixtures.fileNames(tmp), "nothing is written without an output directory");
	}

	@Test
	void missingModelCancelsWithTheInstallHint() throws Exception {
		Path emptyStore = Files.createDirectory(tmp.resolve("models"));
		Path csv = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "a,box,10,12,20,15,,");
		CommandModule module;
		try (IjTestFixtures.SystemProperty store = new IjTestFixtures.SystemProperty("sam.models.dir", emptyStore
			.toString()))
		{
			module = run(IjTestFixtures.grey8("img", W, H, 1), "nosuchmodel", "File", csv.toFile(), tmp.resolve("out")
				.toFile());
		}
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().startsWith("Model 'nosuchmodel' is not installed in "), module
			.getCancelReason());
		assertTrue(module.getCancelReason().contains("scripts/sam models install nosuchmodel"), module.getCancelReason());
		assertNull(module.getOutput("labels"));
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void badPromptFileCancelsWithItsMessage() throws Exception {
		Path txt = Files.write(tmp.resolve("prompts.txt"), new byte[0]);
		CommandModule module = run(IjTestFixtures.grey8("img", W, H, 1), IjTestFixtures.descriptor().toString(), "File",
			txt.toFile(), null);
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().startsWith("Unknown prompt file type: " + txt), module.getCancelReason());
		assertNull(module.getOutput("labels"));
	}

	@Test
	void promptOutsideTheImageCancels() throws IOException, Exception {
		Path csv = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "far,box,100,100,5,5,,");
		CommandModule module = run(IjTestFixtures.grey8("img", W, H, 1), IjTestFixtures.descriptor().toString(), "File",
			csv.toFile(), null);
		assertTrue(module.isCanceled());
		assertEquals("Object 1 (far): box(100.0, 100.0, 5.0x5.0) lies outside the 64x48 image", module
			.getCancelReason());
	}
}
