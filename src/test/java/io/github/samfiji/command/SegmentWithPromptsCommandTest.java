package io.github.samfiji.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import io.github.samfiji.service.SamService;

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
		try (Context ctx = new Context(CommandService.class, StatusService.class, LogService.class, SamService.class)) {
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

	@Test
	void aFailingPlaneKeepsTheFinishedPlanesAndLogsWhy() throws Exception {
		ImagePlus grey = IjTestFixtures.grey8("stack", W, H, 4);
		ImageStack failing = new ImageStack(W, H) {

			@Override
			public Object getPixels(int n) {
				if (n == 3) throw new IllegalStateException("injected model failure");
				return super.getPixels(n);
			}
		};
		for (int s = 1; s <= 4; s++)
			failing.addSlice(grey.getStack().getSliceLabel(s), grey.getStack().getProcessor(s));
		Path csv = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "a,box,10,12,20,15,,1", "b,box,10,12,20,15,,2",
			"c,box,10,12,20,15,,3", "d,box,10,12,20,15,,4");
		List<String> logged = new ArrayList<>();
		CommandModule module;
		try (Context ctx = new Context(CommandService.class, StatusService.class, LogService.class, SamService.class)) {
			ctx.service(LogService.class).addLogListener(m -> logged.add(m.text()));
			module = ctx.service(CommandService.class).run(SegmentWithPromptsCommand.class, true, "image", new ImagePlus(
				"stack", failing), "model", IjTestFixtures.descriptor().toString(), "prompts", "File", "promptFile", csv
					.toFile(), "multimask", "best", "intensity", "auto", "threads", 1, "show", false, "outputDirectory", null)
				.get();
		}

		assertFalse(module.isCanceled(), String.valueOf(module.getCancelReason()));
		ImagePlus labels = assertInstanceOf(ImagePlus.class, module.getOutput("labels"));
		short[] box = IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 });
		assertArrayEquals(box, (short[]) labels.getStack().getPixels(1));
		for (int i = 0; i < box.length; i++)
			if (box[i] != 0) box[i] = 2;
		assertArrayEquals(box, (short[]) labels.getStack().getPixels(2));
		assertArrayEquals(new short[W * H], (short[]) labels.getStack().getPixels(3));
		assertArrayEquals(new short[W * H], (short[]) labels.getStack().getPixels(4));
		assertTrue(logged.contains(
			"Segment with Prompts stopped early (failed at slice 3: injected model failure); kept 2 finished object(s)"),
			String.valueOf(logged));
		assertTrue(logged.contains("Segment with Prompts stopped early"), "the error is logged: " + logged);
	}
}
