package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import io.github.samfiji.engine.result.LabelComposer;
import io.github.samfiji.engine.result.ObjectMask;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label images to ROIs and back, so that a user can edit objects as ROIs and make the label image again. Both
 * directions follow the conventions of "Segment with Prompts": ROIs are traced by ImageJ's
 * {@code ThresholdToSelection} and named {@code object-NNNN} after their label value, and where ROIs overlap a pixel
 * keeps the lowest label.
 */
public final class LabelRois {

	private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");

	private LabelRois() {}

	/**
	 * One ROI per label value and slice, in slice then label order, positioned on its slice (for stacks). Labels are
	 * the grey values above 0 of an 8-, 16- or 32-bit image; the image is only read.
	 *
	 * @throws IllegalArgumentException for RGB images, or 32-bit values that are not whole non-negative numbers
	 */
	public static List<Roi> toRois(ImagePlus labels) {
		if (labels.getBitDepth() == 24) throw new IllegalArgumentException("'" + labels.getTitle() +
			"' is RGB; a label image is 8-, 16- or 32-bit with one grey value per object");
		List<Roi> rois = new ArrayList<>();
		ImageStack stack = labels.getStack();
		for (int s = 1; s <= stack.getSize(); s++)
			for (Roi roi : rois(stack.getProcessor(s), labels.getTitle())) {
				if (labels.isHyperStack()) {
					int[] czt = labels.convertIndexToPosition(s);
					roi.setPosition(czt[0], czt[1], czt[2]);
				}
				else if (stack.getSize() > 1) roi.setPosition(s);
				rois.add(roi);
			}
		return rois;
	}

	private static List<Roi> rois(ImageProcessor ip, String title) {
		int w = ip.getWidth(), h = ip.getHeight();
		TreeMap<Integer, Rectangle> bounds = new TreeMap<>();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int label = label(ip, x, y, title);
				if (label == 0) continue;
				Rectangle r = bounds.get(label);
				if (r == null) bounds.put(label, new Rectangle(x, y, 1, 1));
				else r.add(new Rectangle(x, y, 1, 1));
			}
		List<Roi> rois = new ArrayList<>();
		for (java.util.Map.Entry<Integer, Rectangle> e : bounds.entrySet()) {
			Rectangle r = e.getValue();
			boolean[] local = new boolean[r.width * r.height];
			for (int y = 0; y < r.height; y++)
				for (int x = 0; x < r.width; x++)
					local[y * r.width + x] = label(ip, r.x + x, r.y + y, title) == e.getKey();
			Roi roi = MaskRois.toRoi(ObjectMask.inRectangle(local, r.x, r.y, r.width, r.height, w, h));
			roi.setName(SegmentationOutputs.roiName(e.getKey()));
			rois.add(roi);
		}
		return rois;
	}

	private static int label(ImageProcessor ip, int x, int y, String title) {
		float v = ip.getPixelValue(x, y);
		if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) throw new IllegalArgumentException("'" + title +
			"' is not a label image: pixel (" + x + ", " + y + ") is " + v + "; labels are whole numbers >= 0");
		return (int) v;
	}

	/**
	 * A 16-bit label image with the dimensions and calibration of {@code like}, titled {@code <like>-labels}, from
	 * area ROIs: ROI {@code i} (1-based, in the given order) gets label {@code i}, or with {@code valuesFromNames}
	 * the number its name ends with ({@code object-0007} gives 7). A ROI goes on the slice of its stack position;
	 * a ROI without one goes on the current slice of {@code like}. Where ROIs overlap, a pixel keeps the lowest
	 * label. Neither the ROIs nor {@code like} are modified.
	 *
	 * @throws IllegalArgumentException naming the ROI, for line or point ROIs, names without a number, or labels
	 *           above 65535
	 */
	public static ImagePlus toLabels(Roi[] rois, ImagePlus like, boolean valuesFromNames) {
		int w = like.getWidth(), h = like.getHeight();
		short[][] planes = new short[like.getStackSize()][w * h];
		int max = 0;
		for (int i = 0; i < rois.length; i++) {
			Roi roi = rois[i];
			String what = "ROI " + (i + 1) + (roi.getName() == null ? "" : " '" + roi.getName() + "'");
			if (!roi.isArea()) throw new IllegalArgumentException(what + " is a " + roi.getTypeAsString() +
				" selection; only area selections can become labels");
			int label = valuesFromNames ? numberInName(roi, what) : i + 1;
			if (label < 1 || label > LabelComposer.MAX_LABEL) throw new IllegalArgumentException(what + ": label " +
				label + " does not fit a 16-bit label image (1-" + LabelComposer.MAX_LABEL + ")");
			paint(roi, planes[slice(roi, like, what) - 1], w, h, (short) label);
			max = Math.max(max, label);
		}
		ImageStack stack = new ImageStack(w, h);
		for (int s = 0; s < planes.length; s++)
			stack.addSlice(like.getStack().getSliceLabel(s + 1), new ShortProcessor(w, h, planes[s], null));
		ImagePlus labels = new ImagePlus(SegmentationOutputs.baseTitle(like) + "-labels", stack);
		labels.setDimensions(like.getNChannels(), like.getNSlices(), like.getNFrames());
		if (like.isHyperStack()) labels.setOpenAsHyperStack(true);
		labels.setCalibration(like.getCalibration().copy());
		labels.getProcessor().setLut(LabelLut.create());
		labels.setDisplayRange(0, Math.max(255, max));
		return labels;
	}

	private static void paint(Roi roi, short[] plane, int w, int h, short label) {
		ImageProcessor mask = roi.getMask();
		Rectangle b = roi.getBounds();
		for (int y = Math.max(0, b.y); y < Math.min(h, b.y + b.height); y++)
			for (int x = Math.max(0, b.x); x < Math.min(w, b.x + b.width); x++) {
				if (mask != null && mask.get(x - b.x, y - b.y) == 0) continue;
				int i = y * w + x, current = plane[i] & 0xffff;
				if (current == 0 || (label & 0xffff) < current) plane[i] = label;
			}
	}

	private static int numberInName(Roi roi, String what) {
		Matcher m = TRAILING_NUMBER.matcher(roi.getName() == null ? "" : roi.getName());
		if (!m.find()) throw new IllegalArgumentException(what +
			" has no number at the end of its name; name it like object-0007, or number labels in ROI order");
		try {
			return Integer.parseInt(m.group(1));
		}
		catch (NumberFormatException e) {
			return Integer.MAX_VALUE;
		}
	}

	private static int slice(Roi roi, ImagePlus like, String what) {
		int slice = RoiPrompts.slice(roi, like.getCurrentSlice(), like);
		if (slice > like.getStackSize()) throw new IllegalArgumentException(what + " is on slice " + slice + ", but '" +
			like.getTitle() + "' has " + like.getStackSize());
		return slice;
	}
}
