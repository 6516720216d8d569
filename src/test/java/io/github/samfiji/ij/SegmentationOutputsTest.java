package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.operation.RunSettings;
import io.github.samfiji.engine.operation.SegmentRequest;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.awt.Rectangle;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link PromptSegmentation#run} with the tiny model and the {@link SegmentationOutputs} it builds: label image,
 * ROIs and table, with exact values (the tiny box decoder labels exactly the pixels whose centres lie in the box).
 */
class SegmentationOutputsTest {

	static final int W = 64, H = 48;

	static SegmentationOutputs segment(ImagePlus image, List<ObjectPrompt> prompts) throws IOException {
		return segment(image, prompts, IjTestFixtures.descriptor().toString());
	}

	static SegmentationOutputs segment(ImagePlus image, List<ObjectPrompt> prompts, String model) throws IOException {
		try (SamEngine engine = new SamEngine()) {
			return new SegmentationOutputs(engine.segment(new SegmentRequest(ImageRequests.input(image), prompts,
				RunSettings.of(model).withEngine(EngineOptions.defaults().withThreads(1))), TaskMonitor.NONE), image);
		}
	}

	static ImagePlus calibrated(ImagePlus image) {
		Calibration cal = image.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		cal.setUnit("µm");
		return image;
	}

	static Roi named(Roi roi, String name) {
		roi.setName(name);
		return roi;
	}

	@Test
	void boxPromptsGiveExactLabelsRoisAndTable() throws IOException {
		ImagePlus image = calibrated(IjTestFixtures.grey8("cells.tif", W, H, 1));
		Roi selection = new Roi(1, 1, 5, 5);
		image.setRoi(selection);
		Object[] before = IjTestFixtures.snapshot(image);
		// box 3 overlaps box 1 on columns 25-29, rows 20-26 (35 pixels), which stay label 1
		Roi[] rois = { named(new Roi(10, 12, 20, 15), "a"), named(new Roi(40, 5, 8, 9), "b"), named(new Roi(25, 20, 10,
			10), "c") };
		SegmentationOutputs out = segment(image, RoiPrompts.fromRois(rois, 1));

		// label image
		ImagePlus labels = out.labels();
		assertEquals("cells-labels", labels.getTitle());
		assertEquals(ImagePlus.GRAY16, labels.getType());
		assertEquals(W, labels.getWidth());
		assertEquals(H, labels.getHeight());
		assertEquals(1, labels.getStackSize());
		assertEquals(0.5, labels.getCalibration().pixelWidth, 0);
		assertEquals(0.5, labels.getCalibration().pixelHeight, 0);
		assertEquals("µm", labels.getCalibration().getUnit());
		assertTrue(labels.getCalibration() != image.getCalibration(), "the calibration is a copy");
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }, new int[] { 40, 5, 8, 9 },
			new int[] { 25, 20, 10, 10 }), (short[]) labels.getProcessor().getPixels());
		assertEquals(0, labels.getDisplayRangeMin(), 0);
		assertEquals(255, labels.getDisplayRangeMax(), 0);

		// ROIs: one per object, named after the label, bounds = box, unpositioned on a single image
		List<Roi> outRois = out.rois();
		assertEquals(3, outRois.size());
		String[] names = { "object-0001", "object-0002", "object-0003" };
		Rectangle[] bounds = { new Rectangle(10, 12, 20, 15), new Rectangle(40, 5, 8, 9), new Rectangle(25, 20, 10,
			10) };
		String[] promptNames = { "a", "b", "c" };
		for (int i = 0; i < 3; i++) {
			Roi r = outRois.get(i);
			assertEquals(names[i], r.getName());
			assertEquals(bounds[i], r.getBounds(), names[i]);
			assertEquals(0, r.getPosition());
			assertEquals(promptNames[i], r.getProperty("prompt"));
			assertEquals(String.valueOf(0.9f), r.getProperty("predicted_iou"));
			assertEquals(LabelLut.color(i + 1), r.getStrokeColor());
		}
		assertEquals(300, outRois.get(0).getStatistics().pixelCount, "the ROI covers the box exactly");

		// table: own-mask areas, calibrated areas (0.25 µm² per pixel), overlaps and bounding boxes
		List<Object[]> rows = out.table().rows();
		assertEquals(3, rows.size());
		assertArrayEquals(new Object[] { 1, "a", 1, 300, 75.0, "µm", 0, (double) 0.9f, "", 10, 12, 20, 15, "whole", 75.0, "auto" }, rows.get(0));
		assertArrayEquals(new Object[] { 2, "b", 1, 72, 18.0, "µm", 0, (double) 0.9f, "", 40, 5, 8, 9, "whole", 18.0, "auto" }, rows.get(1));
		assertArrayEquals(new Object[] { 3, "c", 1, 100, 25.0, "µm", 35, (double) 0.9f, "", 25, 20, 10, 10, "whole", 25.0, "auto" }, rows.get(2));

		ResultsTable rt = out.resultsTable();
		assertEquals(3, rt.size());
		assertEquals(300, rt.getValue("area", 0), 0);
		assertEquals(75.0, rt.getValue("area_calibrated", 0), 0);
		assertEquals("µm", rt.getStringValue("unit", 0));
		assertEquals("c", rt.getStringValue("name", 2));
		assertEquals(35, rt.getValue("overlap", 2), 0);
		assertEquals(25, rt.getValue("bbox_x", 2), 0);
		assertEquals(10, rt.getValue("bbox_height", 2), 0);

		// the source is only read
		IjTestFixtures.assertPixelsUnchanged(before, image);
		assertSame(selection, image.getRoi());
		assertEquals(new Rectangle(1, 1, 5, 5), image.getRoi().getBounds());
		assertEquals("cells.tif", image.getTitle());
		for (int i = 0; i < 3; i++) {
			assertEquals(promptNames[i], rois[i].getName());
			assertEquals(bounds[i], rois[i].getBounds(), "the prompt ROI is unchanged");
		}
	}

	@Test
	void pointPromptsUsePixelCentres() throws IOException {
		// a point on pixel (20, 20) is at (20.5, 20.5): the disc of radius 4.5 around it holds the 69 pixel centres
		// with dx² + dy² <= 20, bounds 16-24; a negative point on pixel (24, 20) removes those within 4.5 of it
		ImagePlus image = IjTestFixtures.grey8("points", W, H, 1);
		SegmentationOutputs only = segment(image, RoiPrompts.fromRois(new Roi[] { new PointRoi(20.0, 20.0) }, 1));
		assertArrayEquals(new Object[] { 1, "object-0001", 1, 69, 69.0, "pixel", 0, (double) 0.8f, "", 16, 16, 9, 9, "whole", 69.0, "auto" }, only
			.table().rows().get(0));
		short[] expected = new short[W * H];
		int area = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				double dp = sq(x + 0.5 - 20.5) + sq(y + 0.5 - 20.5), dn = sq(x + 0.5 - 24.5) + sq(y + 0.5 - 20.5);
				if (dp < 20.25 && dn >= 20.25) {
					expected[y * W + x] = 1;
					area++;
				}
			}
		PointRoi posNeg = new PointRoi(new int[] { 20, 24 }, new int[] { 20, 20 }, 2);
		posNeg.setCounters(new int[] { 0, 1 });
		SegmentationOutputs out = segment(image, RoiPrompts.fromRois(new Roi[] { posNeg }, 1));
		assertArrayEquals(expected, (short[]) out.labels().getProcessor().getPixels());
		assertEquals(area, out.table().rows().get(0)[3]);
		assertTrue(area > 20 && area < 69, "the negative point removes part of the disc: " + area);
	}

	private static double sq(double v) { return v * v; }

	@Test
	void stackObjectsArePositionedOnTheirSlices() throws IOException {
		ImagePlus image = calibrated(IjTestFixtures.grey8("stack.tif", W, H, 3));
		Object[] before = IjTestFixtures.snapshot(image);
		Roi onTwo = new Roi(10, 12, 20, 15);
		onTwo.setPosition(2);
		Roi onThree = new Roi(40, 5, 8, 9);
		onThree.setPosition(3);
		SegmentationOutputs out = segment(image, RoiPrompts.fromRois(new Roi[] { onTwo, onThree }, 1));

		ImagePlus labels = out.labels();
		assertEquals("stack-labels", labels.getTitle());
		assertEquals(3, labels.getStackSize());
		assertEquals(ImagePlus.GRAY16, labels.getType());
		for (int s = 1; s <= 3; s++)
			assertEquals("slice-" + s, labels.getStack().getSliceLabel(s), "slice labels are copied");
		assertArrayEquals(new short[W * H], (short[]) labels.getStack().getPixels(1));
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }), (short[]) labels.getStack()
			.getPixels(2));
		short[] three = IjTestFixtures.boxLabels(W, H, new int[] { 40, 5, 8, 9 });
		for (int i = 0; i < three.length; i++)
			if (three[i] != 0) three[i] = 2;
		assertArrayEquals(three, (short[]) labels.getStack().getPixels(3));

		assertEquals(2, out.rois().size());
		assertEquals(2, out.rois().get(0).getPosition());
		assertEquals(new Rectangle(10, 12, 20, 15), out.rois().get(0).getBounds());
		assertEquals(3, out.rois().get(1).getPosition());
		assertEquals(new Rectangle(40, 5, 8, 9), out.rois().get(1).getBounds());
		assertEquals(2, out.table().rows().get(0)[2], "slice column");
		assertEquals(3, out.table().rows().get(1)[2]);
		IjTestFixtures.assertPixelsUnchanged(before, image);
	}

	@Test
	void hyperstackRoisGetChannelSliceFramePositions() throws IOException {
		ImagePlus image = IJ.createImage("hyper", "8-bit ramp", W, H, 1, 2, 2); // C=1, Z=2, T=2
		assertTrue(image.isHyperStack());
		ObjectPrompt p = ObjectPrompt.builder().box(10, 12, 20, 15).slice(image.getStackIndex(1, 2, 2)).build();
		SegmentationOutputs out = segment(image, List.of(p));
		Roi roi = out.rois().get(0);
		assertEquals(1, roi.getCPosition());
		assertEquals(2, roi.getZPosition());
		assertEquals(2, roi.getTPosition());
		ImagePlus labels = out.labels();
		assertEquals(1, labels.getNChannels());
		assertEquals(2, labels.getNSlices());
		assertEquals(2, labels.getNFrames());
		assertTrue(labels.isHyperStack());
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }), (short[]) labels.getStack()
			.getPixels(4));
	}

	@Test
	void uncalibratedImageReportsPixels() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("plain", W, H, 1);
		SegmentationOutputs out = segment(image, List.of(ObjectPrompt.builder().box(0, 0, 4, 3).build()));
		Object[] row = out.table().rows().get(0);
		assertEquals("object-0001", row[1], "an unnamed prompt's object is named after its label");
		assertEquals(12, row[3]);
		assertEquals(12.0, row[4]);
		assertEquals("pixel", row[5]);
		assertNull(out.rois().get(0).getProperty("prompt"));
		assertEquals("plain-labels", out.labels().getTitle());
	}

	@Test
	void promptOutsideTheImageIsRefusedBeforeAnyOutput() {
		ImagePlus image = IjTestFixtures.grey8("img", W, H, 1);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> segment(image, List.of(
			ObjectPrompt.builder().box(100, 100, 5, 5).name("far").build())));
		assertEquals("Object 1 (far): box(100.0, 100.0, 5.0x5.0) lies outside the 64x48 image", e.getMessage());
		IllegalArgumentException slice = assertThrows(IllegalArgumentException.class, () -> segment(image, List.of(
			ObjectPrompt.builder().box(1, 1, 5, 5).slice(2).build())));
		assertEquals("Object 1 is on slice 2, but the image has 1 slice(s)", slice.getMessage());
	}

	@Test
	void missingDescriptorIsAnIoError() {
		ImagePlus image = IjTestFixtures.grey8("img", W, H, 1);
		IOException e = assertThrows(IOException.class, () -> segment(image, List.of(ObjectPrompt.builder().box(1, 1, 5,
			5).build()), "/nonexistent/model.json"));
		assertTrue(e.getMessage().startsWith("Model descriptor not found: "), e.getMessage());
	}
}
