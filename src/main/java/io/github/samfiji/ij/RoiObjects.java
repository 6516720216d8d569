package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.refine.LabeledObjects.LabeledPrompt;

import java.awt.Point;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/** Area ROIs as objects to refine: ROI number {@code n} (1-based, in order) is the object of label {@code n}. */
public final class RoiObjects {

	private RoiObjects() {}

	/**
	 * Each area ROI becomes its bounding box (clipped to the image) and, optionally, its pixel nearest its centroid;
	 * its stack position is its slice.
	 *
	 * @throws IllegalArgumentException for a ROI that is not an area or lies outside the image
	 */
	public static List<LabeledPrompt> labeled(Roi[] rois, ImagePlus image, boolean withInteriorPoint) {
		List<LabeledPrompt> prompts = new ArrayList<>();
		Rectangle frame = new Rectangle(0, 0, image.getWidth(), image.getHeight());
		for (int i = 0; i < rois.length; i++) {
			Roi roi = rois[i];
			String what = "ROI " + (i + 1) + (roi.getName() == null ? "" : " '" + roi.getName() + "'");
			if (!roi.isArea()) throw new IllegalArgumentException(what + " is a " + roi.getTypeAsString() +
				" selection; refining needs area ROIs (outlines of objects)");
			Rectangle box = roi.getBounds().intersection(frame);
			if (box.isEmpty()) throw new IllegalArgumentException(what + " lies outside the image");
			ObjectPrompt.Builder b = ObjectPrompt.builder().box(box.x, box.y, box.width, box.height).slice(RoiPrompts
				.slice(roi, image.getCurrentSlice(), image)).name(roi.getName());
			if (withInteriorPoint) {
				Point p = pixelNearestCentroid(roi, frame);
				if (p != null) b.point(PromptPoint.atPixel(p.x, p.y, true));
			}
			prompts.add(new LabeledPrompt(i + 1, b.build()));
		}
		return prompts;
	}

	private static Point pixelNearestCentroid(Roi roi, Rectangle frame) {
		Point[] inside = roi.getContainedPoints();
		double cx = 0, cy = 0;
		int n = 0;
		for (Point p : inside)
			if (frame.contains(p)) {
				cx += p.x;
				cy += p.y;
				n++;
			}
		if (n == 0) return null;
		cx /= n;
		cy /= n;
		Point best = null;
		double bestD = Double.MAX_VALUE;
		for (Point p : inside) {
			double d = (p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy);
			if (frame.contains(p) && d < bestD) {
				bestD = d;
				best = p;
			}
		}
		return best;
	}
}
