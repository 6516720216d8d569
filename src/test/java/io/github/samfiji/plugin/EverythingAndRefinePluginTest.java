package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import ij.process.ShortProcessor;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Segment Everything" and "Refine with SAM" as macro calls with the tiny model (point masks are disks of radius
 * 4.5 with predicted IoU 0.8 and logits +1/-1; box masks are the box with IoU 0.9). Headless ImageJ prints errors
 * to stdout, which is captured.
 */
class EverythingAndRefinePluginTest {

	@TempDir
	Path tmp;

	@RegisterExtension
	final CapturedStdout stdout = new CapturedStdout();

	/** Thresholds the tiny model passes: IoU 0.8 > 0.7, stability 1 with offset 0.5. */
	private String everything(Path out, String extra) {
		return "model=[" + IjTestFixtures.descriptor() + "] method=grid points_per_side=4 pred_iou_thresh=0.7" +
			" stability_score_offset=0.5 output_directory=[" + out + "]" + extra;
	}

	@Test
	void everythingFindsOneDiskPerGridPointAndReportsStability() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", 256, 256, 1);
		Object[] before = IjTestFixtures.snapshot(image);
		Path out = tmp.resolve("out");

		MacroCall.run(new SegmentEverythingPlugin(), image, everything(out, ""));

		assertEquals("", stdout.printedBesidesEmbeddingCounts());
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertEquals(16, (int) labels.getProcessor().getStatistics().max);
		List<String> table = Files.readAllLines(out.resolve(OutputWriter.TABLE));
		assertEquals(17, table.size());
		assertEquals(IjTestFixtures.RESULTS_HEADER, table.get(0));
		assertEquals("1,object-0001,1,60,60,pixel,0,0.8,1,28,28,8,8,whole,60,auto", table.get(1), "disk of radius 4.5 around (32, 32)");
		IjTestFixtures.assertPixelsUnchanged(before, image);
	}

	@Test
	void everythingOnTheCurrentSliceOnly() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("stack", 128, 128, 3);
		image.setSlice(2);
		Path out = tmp.resolve("out");
		MacroCall.run(new SegmentEverythingPlugin(), image, everything(out, " slices=current"));
		assertEquals("", stdout.printedBesidesEmbeddingCounts());
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertEquals(3, labels.getStackSize());
		assertEquals(0, (int) labels.getStack().getProcessor(1).getStatistics().max);
		assertEquals(16, (int) labels.getStack().getProcessor(2).getStatistics().max);
		assertEquals(0, (int) labels.getStack().getProcessor(3).getStatistics().max);
	}

	@Test
	void everythingRejectsABadParameterWithItsName() {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", 64, 64, 1);
		Path out = tmp.resolve("out");
		MacroCall.run(new SegmentEverythingPlugin(), image, everything(out, "").replace("points_per_side=4",
			"points_per_side=0"));
		assertTrue(stdout.printed().contains("points_per_side must be in 1-256, got 0"), stdout.printed());
		MacroCall.run(new SegmentEverythingPlugin(), image, everything(out, " slices=some"));
		assertTrue(stdout.printed().contains("slices must be one of all, current, not 'some'"), stdout.printed());
		assertFalse(Files.exists(out));
	}

	@Test
	void refiningALabelImageFileKeepsTheLabelValues() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", 64, 48, 1);
		short[] truth = new short[64 * 48];
		paint(truth, 64, 10, 12, 20, 15, 7);
		paint(truth, 64, 40, 5, 8, 9, 3);
		Path labelsFile = tmp.resolve("stardist-labels.tif");
		assertTrue(new FileSaver(new ImagePlus("stardist", new ShortProcessor(64, 48, truth, null))).saveAsTiff(
			labelsFile.toString()));
		Path out = tmp.resolve("out");

		MacroCall.run(new RefineWithSamPlugin(), image, "source=File file=[" + labelsFile + "] model=[" +
			IjTestFixtures.descriptor() + "] output_directory=[" + out + "]");

		assertEquals("", stdout.printedBesidesEmbeddingCounts());
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertArrayEquals(truth, (short[]) labels.getProcessor().getPixels(), "the box masks, with values 7 and 3");
		List<String> table = Files.readAllLines(out.resolve(OutputWriter.TABLE));
		assertEquals("3,label-3,1,72,72,pixel,0,0.9,,40,5,8,9,whole,72,auto", table.get(1), "rows in label order");
		assertEquals("7,label-7,1,300,300,pixel,0,0.9,,10,12,20,15,whole,300,auto", table.get(2));
	}

	@Test
	void refiningRoisNumbersThemInOrder() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", 64, 48, 1);
		Path zip = tmp.resolve("RoiSet.zip");
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
			z.putNextEntry(new ZipEntry("first.roi"));
			z.write(RoiEncoder.saveAsByteArray(new Roi(40, 5, 8, 9)));
			z.putNextEntry(new ZipEntry("second.roi"));
			z.write(RoiEncoder.saveAsByteArray(new Roi(10, 12, 20, 15)));
		}
		Path out = tmp.resolve("out");
		MacroCall.run(new RefineWithSamPlugin(), image, "source=File file=[" + zip + "] model=[" + IjTestFixtures
			.descriptor() + "] output_directory=[" + out + "]");
		assertEquals("", stdout.printedBesidesEmbeddingCounts());
		assertArrayEquals(IjTestFixtures.boxLabels(64, 48, new int[] { 40, 5, 8, 9 }, new int[] { 10, 12, 20, 15 }),
			(short[]) IJ.openImage(out.resolve(OutputWriter.LABELS).toString()).getProcessor().getPixels());
	}

	@Test
	void aLabelImageOfAnotherSizeIsRefused() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", 64, 48, 1);
		Path labelsFile = tmp.resolve("other.tif");
		assertTrue(new FileSaver(new ImagePlus("other", new ShortProcessor(32, 32))).saveAsTiff(labelsFile.toString()));
		MacroCall.run(new RefineWithSamPlugin(), image, "source=File file=[" + labelsFile + "] model=[" + IjTestFixtures
			.descriptor() + "] output_directory=[" + tmp.resolve("out") + "]");
		assertTrue(stdout.printed().contains("The label image is 32x32 with 1 slice(s), but the image is 64x48 with 1: " +
			"use the label image made for this image"), stdout.printed());
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	private static void paint(short[] labels, int width, int x, int y, int w, int h, int value) {
		for (int j = y; j < y + h; j++)
			for (int i = x; i < x + w; i++)
				labels[j * width + i] = (short) value;
	}
}
