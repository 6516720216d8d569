package io.github.samfiji.ij;

import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import io.github.samfiji.engine.result.ObjectMask;

/** Engine masks as ImageJ ROIs, traced by ImageJ's own {@link ThresholdToSelection}. */
public final class MaskRois {

	private MaskRois() {}

	/**
	 * The outline of a mask as a ROI in plane coordinates (a {@code ShapeRoi} when the mask has holes or several
	 * parts), or {@code null} for an empty mask.
	 */
	public static Roi toRoi(ObjectMask mask) {
		if (mask.isEmpty()) return null;
		int x0 = mask.boundsX(), y0 = mask.boundsY();
		ByteProcessor bp = new ByteProcessor(mask.boundsWidth(), mask.boundsHeight());
		mask.forEachPixel((x, y) -> bp.set(x - x0, y - y0, 255));
		bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		Roi roi = new ThresholdToSelection().convert(bp);
		roi.setLocation(roi.getXBase() + x0, roi.getYBase() + y0);
		return roi;
	}
}
