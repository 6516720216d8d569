package io.github.samfiji.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sam everything} and {@code sam refine} with the tiny model. */
class SamCliAutomaticTest {

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
	private Path image;

	@BeforeEach
	void files() {
		image = tmp.resolve("cells.tif");
		assertTrue(new FileSaver(IjTestFixtures.grey8("cells", 128, 128, 1)).saveAsTiff(image.toString()));
	}

	private int run(String... args) {
		return new SamCli(new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true,
			StandardCharsets.UTF_8)).run(args);
	}

	private String err() { return new String(errBytes.toByteArray(), StandardCharsets.UTF_8); }

	@Test
	void everythingWritesTheOutputs() throws IOException {
		Path out = tmp.resolve("out");
		assertEquals(0, run("everything", "--method", "grid", "--model", IjTestFixtures.descriptor().toString(), "--image", image
			.toString(), "--out", out.toString(), "--points-per-side", "4", "--pred-iou-thresh", "0.7",
			"--stability-score-offset", "0.5", "--threads", "1"), err());
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(out));
		assertEquals(17, Files.readAllLines(out.resolve(OutputWriter.TABLE)).size());
		assertTrue(new String(outBytes.toByteArray(), StandardCharsets.UTF_8).contains("Segment Everything: 16 object(s)"));
	}

	@Test
	void everythingWithThePapersThresholdsKeepsNothingOfTheTinyModelAndSaysSo() throws IOException {
		Path out = tmp.resolve("out");
		assertEquals(0, run("everything", "--method", "grid", "--model", IjTestFixtures.descriptor().toString(), "--image", image
			.toString(), "--out", out.toString(), "--points-per-side", "2"), err());
		assertEquals(1, Files.readAllLines(out.resolve(OutputWriter.TABLE)).size(), "header only: an empty result");
	}

	@Test
	void aSecondRunWithACacheDirectoryRunsTheEncoderZeroTimes() throws IOException {
		String[] args = { "everything", "--method", "grid", "--model", IjTestFixtures.descriptor().toString(), "--image", image.toString(),
			"--out", tmp.resolve("out").toString(), "--points-per-side", "4", "--cache-dir", tmp.resolve("cache")
				.toString() };
		assertEquals(0, run(args), err());
		assertTrue(new String(outBytes.toByteArray(), StandardCharsets.UTF_8).contains("Embeddings: 1 encoded"));
		outBytes.reset();
		assertEquals(0, run(args), err());
		String second = new String(outBytes.toByteArray(), StandardCharsets.UTF_8);
		assertTrue(second.contains("Embeddings: 0 encoded, "), second);
	}

	@Test
	void helpListsExactlyTheOperationsOptions() {
		assertEquals(0, run("everything", "--help"));
		String help = new String(outBytes.toByteArray(), StandardCharsets.UTF_8);
		assertEquals(io.github.samfiji.options.OptionHelp.usage(io.github.samfiji.options.Operation.EVERYTHING), help);
		assertTrue(help.contains("--points-per-side") && !help.contains("--prompts"), help);
		assertEquals("", err());
	}

	@Test
	void badEverythingOptionsAreUsageErrors() {
		assertEquals(2, run("everything", "--image", image.toString(), "--out", tmp.toString(), "--pred-iou-thresh",
			"high"));
		assertTrue(err().startsWith("sam: --pred-iou-thresh must be a number, not 'high'"), err());
		errBytes.reset();
		assertEquals(2, run("everything", "--image", image.toString(), "--out", tmp.toString(), "--prompts", "x.csv"));
		assertTrue(err().startsWith("sam: sam everything does not take --prompts"), err());
	}

	@Test
	void refineKeepsLabelValues() throws IOException {
		short[] truth = new short[128 * 128];
		for (int j = 20; j < 30; j++)
			for (int i = 40; i < 60; i++)
				truth[j * 128 + i] = 12;
		Path labels = tmp.resolve("labels.tif");
		assertTrue(new FileSaver(new ImagePlus("labels", new ShortProcessor(128, 128, truth, null))).saveAsTiff(labels
			.toString()));
		Path out = tmp.resolve("out");
		assertEquals(0, run("refine", "--model", IjTestFixtures.descriptor().toString(), "--image", image.toString(),
			"--objects", labels.toString(), "--out", out.toString(), "--add-point", "true"), err());
		assertArrayEquals(truth, (short[]) IJ.openImage(out.resolve(OutputWriter.LABELS).toString()).getProcessor()
			.getPixels());
		assertEquals(2, run("refine", "--image", image.toString(), "--objects", labels.toString(), "--out", out
			.toString(), "--add-point", "yes"));
	}
}
