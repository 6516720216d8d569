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

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

	/** Runs the command; returns its exit status, its output in {@code log}. */
	private static int exec(List<String> command, Path log) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("ImageJ did not finish within " + TIMEOUT_S + " s: " + new String(Files.readAllBytes(
				log), StandardCharsets.UTF_8));
		}
		return p.exitValue();
	}

	private static String java() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	private void assertOutputs(Path out, String log) throws IOException {
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(out), log);
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertNotNull(labels);
		assertEquals(ImagePlus.GRAY16, labels.getType());
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }, new int[] { 40, 5, 8, 9 }),
			(short[]) labels.getProcessor().getPixels());
		assertEquals(0.5, labels.getCalibration().pixelWidth, 1e-12, "the calibration of the opened image");
		assertEquals(List.of(IjTestFixtures.RESULTS_HEADER, "1,a,1,300,75,micron,0,0.9,,10,12,20,15,whole",
			"2,b,1,72,18,micron,0,0.9,,40,5,8,9,whole"), Files.readAllLines(out.resolve(OutputWriter.TABLE)));
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
		String xvfbRun = onPath("xvfb-run");
		assumeTrue(xvfbRun != null, "xvfb-run is not installed: ImageJ 1 needs a display to run() menu commands");
		Path image = writeInputs();
		Path out = tmp.resolve("out");
		Path plugins = Files.createDirectories(tmp.resolve("ij-home/plugins"));
		Path jar = pluginJar(plugins.resolve("Segment_Anything-test.jar"));
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

	/** A jar of target/classes (with plugins.config at its root), as ImageJ finds plugins in its plugins folder. */
	private static Path pluginJar(Path jar) throws IOException, URISyntaxException {
		Path classes = Paths.get(SegmentWithPromptsPlugin.class.getProtectionDomain().getCodeSource().getLocation()
			.toURI());
		assertTrue(Files.isRegularFile(classes.resolve("plugins.config")), "plugins.config in " + classes);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(classes)) {
			files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
		try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
			for (Path f : files) {
				out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
				Files.copy(f, out);
				out.closeEntry();
			}
		}
		return jar;
	}

	private static String onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) return null;
		List<String> dirs = new ArrayList<>(Arrays.asList(path.split(File.pathSeparator)));
		for (String dir : dirs) {
			Path p = Paths.get(dir, program);
			if (Files.isExecutable(p)) return p.toString();
		}
		return null;
	}
}
