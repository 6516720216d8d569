package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** "Evaluate Segmentation" and adaptive "Segment Everything" from macros, headless. */
class EvaluateAndAdaptivePluginTest {

	@TempDir
	Path tmp;

	@RegisterExtension
	final CapturedStdout stdout = new CapturedStdout();

	private Path save(String name, short[] pixels, int w, int h) {
		Path file = tmp.resolve(name);
		assertTrue(new FileSaver(new ImagePlus(name, new ShortProcessor(w, h, pixels, null))).saveAsTiff(file
			.toString()));
		return file;
	}

	@Test
	void evaluationScoresFilesAndWritesTheTable() throws IOException {
		Path truth = save("truth.tif", IjTestFixtures.boxLabels(64, 48, new int[] { 5, 5, 10, 10 }, new int[] { 30, 20,
			10, 10 }), 64, 48);
		Path pred = save("pred.tif", IjTestFixtures.boxLabels(64, 48, new int[] { 5, 5, 10, 10 }), 64, 48);
		Path csv = tmp.resolve("scores.csv");
		MacroCall.run(new EvaluateSegmentationPlugin(), IjTestFixtures.grey8("any", 8, 8, 1), "truth=[" + truth +
			"] prediction=[" + pred + "] table_file=[" + csv + "]");
		assertTrue(stdout.printed().startsWith("Evaluate Segmentation: truth.tif vs pred.tif: "), stdout.printed());
		assertEquals(List.of("plane,truth_objects,predicted_objects,tp,fp,fn,precision,recall,f1,sa50,msa,mean_matched_iou",
			"1,2,1,1,0,1,1.0000,0.5000,0.6667,0.5000,0.5000,1.0000"), Files.readAllLines(csv, StandardCharsets.UTF_8));
	}

	@Test
	void evaluationWithoutATruthSaysWhatToGive() {
		MacroCall.run(new EvaluateSegmentationPlugin(), IjTestFixtures.grey8("any", 8, 8, 1), "prediction=x.tif");
		assertEquals("Evaluate Segmentation needs truth=IMAGE", stdout.printed().trim());
	}

	@Test
	void adaptiveSegmentEverythingStaysInsideTheSelectionAndCountsItsDecoderRuns() throws IOException {
		ij.process.ByteProcessor discs = new ij.process.ByteProcessor(128, 96);
		discs.setColor(200);
		for (int[] c : new int[][] { { 20, 20 }, { 40, 60 }, { 90, 30 }, { 100, 70 } })
			discs.fillOval(c[0] - 5, c[1] - 5, 11, 11);
		ImagePlus image = new ImagePlus("cells.tif", discs);
		image.setRoi(new Roi(0, 0, 64, 96));
		// the tiny model's analytic masks score 0.8-0.9 with little stability at offset 1: lower thresholds keep them
		Path out = tmp.resolve("out");
		MacroCall.run(new SegmentEverythingPlugin(), image, "model=[" + IjTestFixtures.descriptor() +
			"] method=adaptive pred_iou_thresh=0.7 stability_score_offset=0.5 inside_selection output_directory=[" + out +
			"]");
		assertTrue(stdout.printed().contains(" decoder runs "), stdout.printed());
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		short[] pixels = (short[]) labels.getProcessor().getPixels();
		int inside = 0;
		for (int y = 0; y < 96; y++)
			for (int x = 0; x < 64; x++)
				if (pixels[y * 128 + x] != 0) inside++;
		assertTrue(inside > 0, "objects inside the selection: " + stdout.printed());
		for (int y = 0; y < 96; y++)
			for (int x = 64; x < 128; x++)
				assertEquals(0, pixels[y * 128 + x], "outside the selection at " + x + "," + y);
	}
}
