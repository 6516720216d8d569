package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Macro;
import ij.WindowManager;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ByteProcessor;

import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.RoiPrompts;

import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Propagate through Stack" in macro mode with the tiny content model (mask = prompt box AND bright pixels) on a
 * 64x64 stack whose bright rectangle shrinks away from slice 3: the whole stack runs headless from one macro call,
 * with anisotropic calibration carried into the outputs.
 */
class PropagateObjectsPluginTest {

	@TempDir
	Path tmp;

	@RegisterExtension
	final CapturedStdout stdout = new CapturedStdout();

	/** Slices 1-5 (x 0.5 x 0.5 x 2 mm): rectangles 10x8, 16x12, 20x16 (slice 3), 14x10, none; square in a corner. */
	static ImagePlus shrinkingStack(int channels, int slices, int frames) {
		int[][] rects = { { 25, 22, 10, 8 }, { 22, 20, 16, 12 }, { 20, 18, 20, 16 }, { 23, 21, 14, 10 }, null };
		ImageStack stack = new ImageStack(64, 64);
		for (int i = 0; i < channels * slices * frames; i++) {
			ByteProcessor bp = new ByteProcessor(64, 64);
			bp.setValue(255);
			bp.setRoi(50, 50, 6, 6);
			bp.fill();
			int[] r = rects[i / channels % rects.length];
			if (r != null && i % channels == channels - 1) {
				bp.setRoi(r[0], r[1], r[2], r[3]);
				bp.fill();
			}
			stack.addSlice(bp);
		}
		ImagePlus image = new ImagePlus("cells.tif", stack);
		image.setDimensions(channels, slices, frames);
		Calibration cal = image.getCalibration();
		cal.pixelWidth = cal.pixelHeight = 0.5;
		cal.pixelDepth = 2;
		cal.setUnit("mm");
		return image;
	}

	private void run(ImagePlus image, String options) {
		Thread thread = Thread.currentThread();
		String name = thread.getName();
		try {
			thread.setName("Run$_" + name);
			Macro.setOptions(thread, options);
			WindowManager.setTempCurrentImage(image);
			new PropagateObjectsPlugin().run("");
		}
		finally {
			Macro.setOptions(thread, null);
			thread.setName(name);
			WindowManager.setTempCurrentImage(null);
		}
	}

	private String options(Path prompts, Path out, String extra) {
		return "model=[" + TinyModels.resource(TinyModels.CONTENT) + "] prompts=File prompt_file=[" + prompts +
			"] output_directory=[" + out + "] min_iou=0 min_step_iou=0 max_area_change=4 " + extra;
	}

	@Test
	void oneMacroCallPropagatesThroughTheStackWithCalibratedVolumes() throws IOException {
		ImagePlus image = shrinkingStack(1, 5, 1);
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,22,18,,3");
		Path out = tmp.resolve("out");
		run(image, options(prompts, out, "intensity=ct-brain"));

		List<String> rows = Files.readAllLines(out.resolve(OutputWriter.TABLE));
		assertEquals(5, rows.size(), String.join("\n", rows) + stdout.printed());
		assertTrue(rows.get(0).endsWith(",volume_calibrated,intensity"), rows.get(0));
		// slices 1-4, each area x 0.5 x 0.5 x 2 mm3; one label for the object on every slice
		assertTrue(rows.get(1).startsWith("1,cell,1,80,20,mm,0,"), rows.get(1));
		assertTrue(rows.get(1).endsWith(",40,ct-brain (fixed:0:80)"), rows.get(1));
		assertTrue(rows.get(3).startsWith("1,cell,3,320,80,mm,0,"), rows.get(3));
		assertTrue(rows.get(4).endsWith(",70,ct-brain (fixed:0:80)"), rows.get(4));
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertEquals(5, labels.getStackSize());
		assertEquals(2, labels.getCalibration().pixelDepth, 0);
		assertEquals(1, labels.getStack().getProcessor(2).get(30, 25));
		assertEquals(0, labels.getStack().getProcessor(5).get(30, 25));
		String log = stdout.printed();
		assertTrue(log.contains("object 1 (cell): 4 plane(s) [1, 2, 3, 4]; z 1: end of the axis; z 5: empty mask"), log);
		assertTrue(log.contains("Embeddings: 5 encoded"), log);
	}

	@Test
	void framesOfOneChannelAlongT() throws IOException {
		ImagePlus image = shrinkingStack(2, 1, 5); // the rectangles are in channel 2, one per frame
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,22,18,,6");
		Path out = tmp.resolve("out");
		run(image, options(prompts, out, "axis=t channel=2"));

		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertEquals(1, labels.getNChannels(), "a channel choice leaves no channel axis");
		assertEquals(5, labels.getNFrames(), stdout.printed());
		assertEquals(1, labels.getStack().getProcessor(4).get(30, 25));
		assertEquals(5, Files.readAllLines(out.resolve(OutputWriter.TABLE)).size(), stdout.printed());
	}

	@Test
	void aWrongAxisOrAMissingPlaneIsRefusedWithAClearMessage() throws IOException {
		ImagePlus image = shrinkingStack(1, 5, 1);
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,22,18,,3");
		run(image, options(prompts, tmp.resolve("out"), "axis=t"));
		assertTrue(stdout.printed().contains(
			"The image has a single frame along t, so there is nothing to propagate to; choose axis z (5 slices)"),
			stdout.printed());
		assertFalse(Files.exists(tmp.resolve("out")));

		Path far = IjTestFixtures.writeCsv(tmp.resolve("far.csv"), "cell,box,19,17,22,18,,12");
		run(image, options(far, tmp.resolve("out"), ""));
		assertTrue(stdout.printed().contains("Prompt 1 (cell) is on plane 12, but the image has 5 plane(s)"), stdout.printed());
	}

	@Test
	void escStopsAtTheNextPlaneAndTheFinishedPlanesAreWrittenWhole() throws IOException {
		ImagePlus source = shrinkingStack(1, 5, 1);
		ImageStack pressesEscWhenSlice2IsRead = new ImageStack(64, 64) {

			@Override
			public Object getPixels(int n) {
				if (n == 2) IJ.setKeyDown(KeyEvent.VK_ESCAPE);
				return super.getPixels(n);
			}
		};
		for (int z = 1; z <= 5; z++)
			pressesEscWhenSlice2IsRead.addSlice(source.getStack().getProcessor(z));
		ImagePlus image = new ImagePlus("cells.tif", pressesEscWhenSlice2IsRead);
		image.setCalibration(source.getCalibration());
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,2218,,3".replace("22", "22,"));
		Path out = tmp.resolve("out");
		try {
			run(image, options(prompts, out, ""));
		}
		finally {
			IJ.resetEscape();
		}
		// slice 3 (the annotation), then slice 2: Esc pressed while it is read, so its encoder never runs
		String log = stdout.printed();
		assertTrue(log.contains("Stopped early: cancelled at plane 2; the planes finished before are kept"), log);
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(out), "whole files, no temporary ones");
		List<String> rows = Files.readAllLines(out.resolve(OutputWriter.TABLE));
		assertEquals(2, rows.size(), log + rows);
		assertTrue(rows.get(1).startsWith("1,cell,3,320,80,mm,"), rows.get(1));
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertEquals(5, labels.getStackSize(), "the label stack has every slice, empty where not finished");
		int[] expected = { 0, 0, 1, 0, 0 };
		for (int z = 1; z <= 5; z++)
			assertEquals(expected[z - 1], labels.getStack().getProcessor(z).get(30, 25), "slice " + z);
		assertEquals(1, RoiPrompts.readRois(out.resolve(OutputWriter.ROIS)).length);
	}

	@Test
	void theImageItsCalibrationAndItsSelectionAreOnlyRead() throws IOException {
		ImagePlus image = shrinkingStack(1, 5, 1);
		Roi box = new Roi(19, 17, 22, 18);
		box.setPosition(3);
		box.setName("cell");
		image.setRoi(box);
		image.setSlice(1);
		Object[] pixels = IjTestFixtures.snapshot(image);
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,22,18,,");

		run(image, options(prompts, tmp.resolve("propagated"), "").replace("prompts=File", "prompts=[Active selection]"));
		MacroCall.run(image, "model=[" + TinyModels.resource(TinyModels.CONTENT) + "] prompts=File prompt_file=[" +
			prompts + "] every_plane output_directory=[" + tmp.resolve("every") + "]");

		assertEquals(5, Files.readAllLines(tmp.resolve("propagated").resolve(OutputWriter.TABLE)).size(), stdout.printed());
		assertEquals(6, Files.readAllLines(tmp.resolve("every").resolve(OutputWriter.TABLE)).size(), stdout.printed());
		IjTestFixtures.assertPixelsUnchanged(pixels, image);
		assertEquals(1, image.getCurrentSlice());
		Calibration cal = image.getCalibration();
		assertEquals(0.5, cal.pixelWidth, 0);
		assertEquals(0.5, cal.pixelHeight, 0);
		assertEquals(2, cal.pixelDepth, 0);
		assertEquals("mm", cal.getUnit());
		assertSame(box, image.getRoi());
		assertEquals(new Rectangle(19, 17, 22, 18), box.getBounds());
		assertEquals(3, box.getPosition());
		assertEquals("cell", box.getName());
	}
}
