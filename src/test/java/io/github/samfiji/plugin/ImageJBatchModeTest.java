package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.Calibration;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: plain ImageJ 1 ({@code ij.ImageJ -batch macro.ijm}) in a subprocess runs a macro that opens an image
 * and segments it with the plugin, and the files appear.
 * <p>
 * Plain ImageJ 1 cannot run {@code run("Segment with Prompts", ...)} in a headless JVM: {@code IJ.run} (and
 * {@code IJ.open}, behind the macro function {@code open()}) first builds the AWT menu bar ({@code IJ.init} ->
 * {@code Menus.addMenuBar}), which throws {@code HeadlessException} for every command, and {@code -batch} still
 * exits with status 0. So the headless test makes its image with {@code newImage} and calls the plugin through the
 * macro function {@code call()} ({@link MacroCall#segment}); the test with a (virtual) display checks the real
 * {@code run()} path with the plugin jar (and its {@code plugins.config}) in the {@code plugins} folder of
 * {@code -ijpath}, and is skipped where {@code xvfb-run} is not installed.
 */
class ImageJBatchModeTest {

	static final int W = 64, H = 48;
	static final long TIMEOUT_S = 180;

	@TempDir
	Path tmp;

	/** A calibrated image and prompts on disk; returns the image path. */
	private Path writeInputs() throws IOException {
		ImagePlus imp = IjTestFixtures.grey8("cells", W, H, 1);
		Calibration cal = imp.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		cal.setUnit("micron");
		Path image = tmp.resolve("cells.tif");
		assertTrue(new FileSaver(imp).saveAsTiff(image.toString()));
		IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "a,box,10,12,20,15,,", "b,box,40,5,8,9,,");
		return image;
	}

	private String options(Path out) {
		return "model=[" + macroPath(IjTestFixtures.descriptor()) + "] prompts=File prompt_file=[" + macroPath(tmp
			.resolve("prompts.csv")) + "] output_directory=[" + macroPath(out) + "] threads=1";
	}

	/** A path as a macro string literal's content (forward slashes, no escapes needed). */
	private static String macroPath(Path p) {
		return p.toAbsolutePath().toString().replace('\\', '/');
	}

	private Path writeMacro(String... lines) throws IOException {
		Path macro = tmp.resolve("segment.ijm");
		Files.write(macro, Arrays.asList(lines), StandardCharsets.UTF_8);
		return macro;
	}

	private static int exec(List<String> command, Path log) throws IOException, InterruptedException {
		return ImageJProcess.exec(command, log, TIMEOUT_S);
	}

	private static String java() {
		return ImageJProcess.java();
	}

	private void assertOutputs(Path out, String log) throws IOException {
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(out), log);
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertNotNull(labels);
		assertEquals(ImagePlus.GRAY16, labels.getType());
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }, new int[] { 40, 5, 8, 9 }),
			(short[]) labels.getProcessor().getPixels());
		assertEquals(0.5, labels.getCalibration().pixelWidth, 1e-12, "the calibration of the opened image");
		assertEquals(List.of(IjTestFixtures.RESULTS_HEADER, "1,a,1,300,75,micron,0,0.9,,10,12,20,15,whole,75,auto",
			"2,b,1,72,18,micron,0,0.9,,40,5,8,9,whole,18,auto"), Files.readAllLines(out.resolve(OutputWriter.TABLE)));
		assertFalse(log.contains("Exception"), log);
	}

	@Test
	void headlessBatchMacroSegmentsThroughCall() throws Exception {
		// open() too goes through IJ.init and fails headless, so the macro makes its image with built-in functions
		writeInputs();
		Path out = tmp.resolve("out");
		Path home = Files.createDirectories(tmp.resolve("ij-home/plugins")).getParent();
		Path macro = writeMacro(
			"newImage(\"cells.tif\", \"8-bit ramp\", " + W + ", " + H + ", 1);",
			"setVoxelSize(0.5, 0.5, 1, \"micron\");",
			"if (getTitle() != \"cells.tif\" || nImages != 1) exit(\"wrong image: \" + getTitle());",
			"r = call(\"io.github.samfiji.plugin.MacroCall.segment\", \"" + options(out) + "\");",
			"print(\"result: \" + r);");
		Path log = tmp.resolve("imagej.log");
		int status = exec(List.of(java(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
			"ij.ImageJ", "-ijpath", home.toString(), "-batch", macro.toString()), log);
		String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		assertEquals(0, status, output);
		assertTrue(output.contains("result: done"), output);
		assertOutputs(out, output);
	}

	@Test
	void batchMacroRunsTheMenuCommandFromThePluginsFolderWithAVirtualDisplay() throws Exception {
		String xvfbRun = ImageJProcess.onPath("xvfb-run");
		assumeTrue(xvfbRun != null, "xvfb-run is not installed: ImageJ 1 needs a display to run() menu commands");
		Path image = writeInputs();
		Path out = tmp.resolve("out");
		Path plugins = Files.createDirectories(tmp.resolve("ij-home/plugins"));
		Path jar = ImageJProcess.pluginJar(plugins.resolve("Segment_Anything-test.jar"));
		Path macro = writeMacro(
			"open(\"" + macroPath(image) + "\");",
			"run(\"Segment with Prompts\", \"" + options(out) + "\");",
			"print(\"macro finished\");");
		Path log = tmp.resolve("imagej.log");
		int status = exec(List.of(xvfbRun, "-a", java(), "-cp", System.getProperty("java.class.path"), "ij.ImageJ",
			"-ijpath", plugins.getParent().toString(), "-batch", macro.toString()), log);
		String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		assumeTrue(!output.contains("Xvfb failed") && !output.contains("Cannot open display"),
			"the virtual display did not start: " + output);
		assertEquals(0, status, output);
		assertTrue(output.contains("macro finished"), output);
		assertFalse(output.contains("Unrecognized command"), output);
		assertTrue(Files.size(jar) > 0);
		assertOutputs(out, output);
	}
}
