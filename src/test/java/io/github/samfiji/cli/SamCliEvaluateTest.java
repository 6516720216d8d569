package io.github.samfiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

import io.github.samfiji.ij.IjTestFixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sam evaluate} on hand-made label images with known scores: a square found exactly (IoU 1), a square found
 * shifted by half its width (IoU 1/3, not a match), and a false object.
 */
class SamCliEvaluateTest {

	static final int W = 64, H = 48;
	static final String HEADER = "plane,truth_objects,predicted_objects,tp,fp,fn,precision,recall,f1,sa50,msa,mean_matched_iou";

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new SamCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8)).run(args);
	}

	private Path labels(String name, short[]... planes) {
		ImageStack stack = new ImageStack(W, H);
		for (short[] p : planes)
			stack.addSlice(new ShortProcessor(W, H, p, null));
		Path file = tmp.resolve(name);
		assertTrue(new FileSaver(new ImagePlus(name, stack)).saveAsTiffStack(file.toString()) || new FileSaver(
			new ImagePlus(name, stack)).saveAsTiff(file.toString()));
		return file;
	}

	private static short[] truth() {
		return IjTestFixtures.boxLabels(W, H, new int[] { 5, 5, 10, 10 }, new int[] { 30, 20, 10, 10 });
	}

	private static short[] prediction() {
		return IjTestFixtures.boxLabels(W, H, new int[] { 5, 5, 10, 10 }, new int[] { 35, 20, 10, 10 }, new int[] { 50,
			35, 6, 6 });
	}

	@Test
	void scoresArePrintedAndWritten() throws IOException {
		Path csv = tmp.resolve("scores.csv");
		assertEquals(0, run("evaluate", "--truth", labels("truth.tif", truth()).toString(), "--pred", labels("pred.tif",
			prediction()).toString(), "--out", csv.toString()), err.toString("UTF-8"));
		String expected = HEADER + "\n1,2,3,1,2,1,0.3333,0.5000,0.4000,0.2500,0.2500,1.0000\n";
		assertEquals(expected, out.toString("UTF-8"));
		assertEquals(expected, new String(Files.readAllBytes(csv), StandardCharsets.UTF_8));
	}

	@Test
	void stacksArePerPlaneWithAPooledRowOrOneVolume() throws IOException {
		Path truth = labels("truth.tif", truth(), truth()), pred = labels("pred.tif", prediction(), truth());
		assertEquals(0, run("evaluate", "--truth", truth.toString(), "--pred", pred.toString()), err.toString("UTF-8"));
		assertEquals(Arrays.asList(HEADER, "1,2,3,1,2,1,0.3333,0.5000,0.4000,0.2500,0.2500,1.0000",
			"2,2,2,2,0,0,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000",
			"all,4,5,3,2,1,0.6000,0.7500,0.6667,0.5000,0.5000,1.0000"), Arrays.asList(out.toString("UTF-8").split("\n")));
		out.reset();
		assertEquals(0, run("evaluate", "--truth", truth.toString(), "--pred", pred.toString(), "--objects", "volume"));
		// label 1 is one 3D object in both; truth label 2 overlaps prediction 2 (plane 1 shifted, plane 2 exact): IoU
		// 150 / 250 = 0.6, a match up to threshold 0.6; prediction 3 is extra: mSA (3 x 2/3 + 7 x 1/4) / 10
		assertEquals(Arrays.asList(HEADER, "volume,2,3,2,1,0,0.6667,1.0000,0.8000,0.6667,0.3750,0.8000"), Arrays.asList(
			out.toString("UTF-8").split("\n")));
	}

	@Test
	void imagesOfDifferentSizesAreRefusedInOneLine() throws IOException {
		Path truth = labels("truth.tif", truth()), pred = labels("pred.tif", prediction(), prediction());
		assertEquals(1, run("evaluate", "--truth", truth.toString(), "--pred", pred.toString()));
		assertTrue(err.toString("UTF-8").startsWith("sam: The label images differ in size:"), err.toString("UTF-8"));
		assertEquals(1, err.toString("UTF-8").trim().split("\n").length);
	}

	@Test
	void theTruthIsRequired() {
		assertEquals(2, run("evaluate", "--pred", "x.tif"));
		assertTrue(err.toString().startsWith("sam: sam evaluate needs --truth IMAGE"), err.toString());
	}
}
