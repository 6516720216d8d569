package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Label images to ROIs and back: exact round trips, the overlap rule, and clear refusals. */
class LabelRoisTest {

	static final int W = 40, H = 30;

	/** A 2-slice label stack: slice 1 has a ring (label 3, with a hole) and a two-part label 9; slice 2 label 1. */
	private static ImagePlus labelStack() {
		ImageStack stack = new ImageStack(W, H);
		short[] one = new short[W * H], two = new short[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				double d = Math.hypot(x - 10, y - 10);
				if (d < 7 && d >= 3) one[y * W + x] = 3;
				if ((x >= 25 && x < 30 || x >= 33 && x < 36) && y >= 20 && y < 25) one[y * W + x] = 9;
				if (x >= 5 && x < 35 && y >= 3 && y < 8) two[y * W + x] = 1;
			}
		stack.addSlice("a", new ShortProcessor(W, H, one, null));
		stack.addSlice("b", new ShortProcessor(W, H, two, null));
		ImagePlus labels = new ImagePlus("cells-labels.tif", stack);
		labels.getCalibration().pixelWidth = 0.25;
		return labels;
	}

	@Test
	void labelsBecomeNamedPositionedRoisAndComeBackExactly() {
		ImagePlus labels = labelStack();
		List<Roi> rois = LabelRois.toRois(labels);
		List<String> names = new ArrayList<>();
		for (Roi r : rois)
			names.add(r.getName() + "@" + r.getPosition());
		assertEquals(List.of("object-0003@1", "object-0009@1", "object-0001@2"), names);

		ImagePlus back = LabelRois.toLabels(rois.toArray(new Roi[0]), labels, true);
		assertEquals(ImagePlus.GRAY16, back.getType());
		assertEquals("cells-labels-labels", back.getTitle());
		assertEquals(0.25, back.getCalibration().pixelWidth, 0);
		for (int s = 1; s <= 2; s++)
			assertArrayEquals((short[]) labels.getStack().getPixels(s), (short[]) back.getStack().getPixels(s),
				"slice " + s);

		ImagePlus renumbered = LabelRois.toLabels(rois.toArray(new Roi[0]), labels, false);
		short[] first = (short[]) renumbered.getStack().getPixels(1);
		assertEquals(1, first[10 * W + 4], "the ring is ROI 1");
		assertEquals(2, first[22 * W + 34], "the second part of label 9 is ROI 2");
		assertEquals(3, ((short[]) renumbered.getStack().getPixels(2))[5 * W + 20]);
	}

	@Test
	void overlappingRoisKeepTheLowestLabel() {
		ImagePlus image = new ImagePlus("img", new ShortProcessor(W, H));
		Roi a = new Roi(0, 0, 20, 20), b = new Roi(10, 10, 20, 20);
		a.setName("object-0005");
		b.setName("object-0002");
		short[] inOrder = (short[]) LabelRois.toLabels(new Roi[] { a, b }, image, false).getProcessor().getPixels();
		assertEquals(1, inOrder[15 * W + 15], "in ROI order the first ROI is 1, the lowest");
		assertEquals(2, inOrder[25 * W + 25]);
		short[] byName = (short[]) LabelRois.toLabels(new Roi[] { a, b }, image, true).getProcessor().getPixels();
		assertEquals(2, byName[15 * W + 15], "by name, object-0002 is lower than object-0005");
		assertEquals(5, byName[5 * W + 5]);
	}

	@Test
	void anOvalIsFilledAsImageJFillsIt() {
		ImagePlus image = new ImagePlus("img", new ShortProcessor(W, H));
		OvalRoi oval = new OvalRoi(3, 4, 15, 11);
		short[] labels = (short[]) LabelRois.toLabels(new Roi[] { oval }, image, false).getProcessor().getPixels();
		ShortProcessor filled = new ShortProcessor(W, H);
		filled.setValue(1);
		filled.fill(oval);
		assertArrayEquals((short[]) filled.getPixels(), labels);
	}

	@Test
	void badInputIsRefusedWithWhatToDo() {
		ImagePlus image = new ImagePlus("img", new ShortProcessor(W, H));
		IllegalArgumentException line = assertThrows(IllegalArgumentException.class, () -> LabelRois.toLabels(
			new Roi[] { new Roi(1, 1, 5, 5), new Line(1, 1, 9, 9) }, image, false));
		assertEquals("ROI 2 is a Straight Line selection; only area selections can become labels", line.getMessage());
		Roi unnamed = new Roi(1, 1, 5, 5);
		unnamed.setName("nucleus");
		IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> LabelRois.toLabels(
			new Roi[] { unnamed }, image, true));
		assertTrue(name.getMessage().startsWith("ROI 1 'nucleus' has no number at the end of its name"), name
			.getMessage());
		IllegalArgumentException rgb = assertThrows(IllegalArgumentException.class, () -> LabelRois.toRois(
			new ImagePlus("rgb", new ColorProcessor(W, H))));
		assertTrue(rgb.getMessage().contains("is RGB"), rgb.getMessage());
		FloatProcessor fp = new FloatProcessor(W, H);
		fp.setf(3, 4, 1.5f);
		IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class, () -> LabelRois.toRois(
			new ImagePlus("float", fp)));
		assertEquals("'float' is not a label image: pixel (3, 4) is 1.5; labels are whole numbers >= 0", fraction
			.getMessage());
	}
}
