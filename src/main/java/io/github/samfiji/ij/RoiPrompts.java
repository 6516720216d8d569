package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.frame.RoiManager;
import ij.process.FloatPolygon;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ImageJ ROIs as object prompts. The ROIs are only read.
 * <ul>
 * <li>A rectangle is a box; any other area ROI (oval, polygon, freehand, traced) prompts with its bounding box.</li>
 * <li>A (multi-)point ROI gives points: counter 0 is positive, counter 1 negative. A point at ImageJ coordinates
 * {@code (x, y)} designates the pixel there, whose centre is {@code (x + 0.5, y + 0.5)} in engine coordinates.</li>
 * <li>ROIs in the same group (group &gt; 0) form one object, in order of the group's first ROI; every ungrouped
 * ROI is an object of its own.</li>
 * <li>An object's plane is its ROI's stack position ({@link Roi#getPosition()}, or the point's own position);
 * ROIs without a position use {@code defaultSlice}.</li>
 * </ul>
 */
public final class RoiPrompts {

	private RoiPrompts() {}

	/**
	 * @throws IllegalArgumentException for line ROIs, unknown counters, or an object with two boxes; the message
	 *           names the ROI
	 */
	public static List<ObjectPrompt> fromRois(Roi[] rois, int defaultSlice) {
		return fromRois(rois, defaultSlice, null);
	}

	/**
	 * Like {@link #fromRois(Roi[], int)} with the image's current slice as default, and ROIs with a hyperstack
	 * position (channel, slice, frame) put on the matching stack index of {@code image}; a zero component means
	 * the image's current channel, slice or frame.
	 */
	public static List<ObjectPrompt> fromRois(Roi[] rois, ImagePlus image) {
		return fromRois(rois, image.getCurrentSlice(), image);
	}

	/**
	 * Like {@link #fromRois(Roi[], ImagePlus)}; with {@code unpositionedOnEveryPlane}, ROIs without a position are put
	 * on every plane ({@link ObjectPrompt#everyPlane()}) instead of the current slice.
	 */
	public static List<ObjectPrompt> fromRois(Roi[] rois, ImagePlus image, boolean unpositionedOnEveryPlane) {
		return fromRois(rois, unpositionedOnEveryPlane ? ObjectPrompt.EVERY_PLANE : image.getCurrentSlice(), image);
	}

	private static List<ObjectPrompt> fromRois(Roi[] rois, int defaultSlice, ImagePlus image) {
		Map<String, ObjectPrompt.Builder> objects = new LinkedHashMap<>();
		for (int i = 0; i < rois.length; i++) {
			Roi roi = rois[i];
			String key = roi.getGroup() > 0 ? "group " + roi.getGroup() : "roi " + i;
			ObjectPrompt.Builder b = objects.computeIfAbsent(key, k -> placed(ObjectPrompt.builder().name(roi.getName()),
				slice(roi, defaultSlice, image)));
			add(b, roi, describe(roi, i));
		}
		List<ObjectPrompt> prompts = new ArrayList<>();
		for (ObjectPrompt.Builder b : objects.values())
			prompts.add(b.build());
		return prompts;
	}

	/** The active ROI Manager's ROIs (the batch-mode manager in macros), or an empty array when there is none. */
	public static Roi[] roiManagerRois() {
		RoiManager rm = RoiManager.getInstance();
		if (rm == null) rm = Interpreter.getBatchModeRoiManager();
		return rm == null ? new Roi[0] : rm.getRoisAsArray();
	}

	/**
	 * Reads an ImageJ {@code RoiSet.zip} (or a single {@code .roi} file): one entry per object, objects numbered in
	 * file order. Entry paths are never used as file names.
	 */
	public static List<ObjectPrompt> fromRoiFile(Path file, int defaultSlice) throws IOException {
		return fromRois(readRois(file), defaultSlice, null);
	}

	/** Like {@link #fromRoiFile(Path, int)}, placing ROIs on {@code image} as {@link #fromRois(Roi[], ImagePlus)} does. */
	public static List<ObjectPrompt> fromRoiFile(Path file, ImagePlus image) throws IOException {
		return fromRois(readRois(file), image.getCurrentSlice(), image);
	}

	/** Like {@link #fromRoiFile(Path, ImagePlus)}, as {@link #fromRois(Roi[], ImagePlus, boolean)} places ROIs. */
	public static List<ObjectPrompt> fromRoiFile(Path file, ImagePlus image, boolean unpositionedOnEveryPlane)
		throws IOException
	{
		return fromRois(readRois(file), image, unpositionedOnEveryPlane);
	}

	private static ObjectPrompt.Builder placed(ObjectPrompt.Builder b, int slice) {
		return slice == ObjectPrompt.EVERY_PLANE ? b.everyPlane() : b.slice(slice);
	}

	/**
	 * Reads a RoiSet.zip or a single .roi file (groups are reset to 0), within {@link RoiFiles.Limits#DEFAULT}.
	 *
	 * @throws IOException when the file is missing, damaged, too large (a zip bomb), holds no ROIs or a ROI cannot be
	 *           decoded
	 */
	public static Roi[] readRois(Path file) throws IOException {
		Roi[] rois = RoiFiles.read(file, RoiFiles.Limits.DEFAULT);
		for (Roi r : rois)
			r.setGroup(0);
		return rois;
	}

	/**
	 * The 1-based stack index a ROI belongs to (its hyperstack or stack position), else {@code defaultSlice}. A
	 * hyperstack position (channel, slice, frame) is put on {@code image}'s stack index, on a hyperstack or a plain
	 * stack; a zero component means the image's current one.
	 *
	 * @throws IllegalArgumentException when a component of the hyperstack position is beyond the image's channels,
	 *           slices or frames (ImageJ's {@link ImagePlus#getStackIndex} would silently move it to the last one)
	 */
	static int slice(Roi roi, int defaultSlice, ImagePlus image) {
		if (image != null && roi.hasHyperStackPosition()) {
			String what = roi.getName() == null ? "A ROI" : "ROI '" + roi.getName() + "'";
			int[] current = image.convertIndexToPosition(image.getCurrentSlice());
			int c = roi.getCPosition() > 0 ? inRange(roi.getCPosition(), image.getNChannels(), "channel", what)
				: current[0];
			int z = roi.getZPosition() > 0 ? inRange(roi.getZPosition(), image.getNSlices(), "slice", what) : current[1];
			int t = roi.getTPosition() > 0 ? inRange(roi.getTPosition(), image.getNFrames(), "frame", what) : current[2];
			return image.getStackIndex(c, z, t);
		}
		// a PointRoi whose points lie on different slices reports PointRoi.POINTWISE_POSITION (negative)
		if (roi instanceof PointRoi && roi.getPosition() <= 0 && ((PointRoi) roi).getPointPosition(0) > 0)
			return ((PointRoi) roi).getPointPosition(0);
		return roi.getPosition() > 0 ? roi.getPosition() : defaultSlice;
	}

	private static int inRange(int coordinate, int size, String axis, String what) {
		if (coordinate > size) throw new IllegalArgumentException(what + " is on " + axis + " " + coordinate +
			", but the image has " + size + " " + axis + "(s): move the ROI to a " + axis + " the image has");
		return coordinate;
	}

	private static void add(ObjectPrompt.Builder b, Roi roi, String what) {
		if (roi instanceof PointRoi) {
			PointRoi points = (PointRoi) roi;
			FloatPolygon p = points.getFloatPolygon();
			for (int i = 0; i < p.npoints; i++) {
				int counter = points.getCounter(i);
				if (counter > 1) throw new IllegalArgumentException(what + ": point " + (i + 1) + " uses counter " +
					counter + "; use counter 0 for positive and counter 1 for negative points");
				b.point(p.xpoints[i] + 0.5, p.ypoints[i] + 0.5, counter == 0);
			}
		}
		else if (roi.isArea()) {
			java.awt.geom.Rectangle2D r = roi.getFloatBounds();
			try {
				b.box(r.getX(), r.getY(), r.getWidth(), r.getHeight());
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
			}
		}
		else throw new IllegalArgumentException(what + " is a " + roi.getTypeAsString() +
			" selection; use rectangles (boxes) or points");
	}

	private static String describe(Roi roi, int index) {
		return "ROI " + (index + 1) + (roi.getName() == null ? "" : " '" + roi.getName() + "'");
	}
}
