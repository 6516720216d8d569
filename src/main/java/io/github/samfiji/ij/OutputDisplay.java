package io.github.samfiji.ij;

import ij.IJ;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.awt.GraphicsEnvironment;

/**
 * Shows outputs in ImageJ: the label image, ROIs added to the ROI Manager (the batch-mode manager in batch macros),
 * and the results table titled {@value #TABLE_TITLE}. In a headless JVM (no display) nothing can be shown; the
 * outputs are then only written to files, and a log line says so.
 */
public final class OutputDisplay {

	public static final String TABLE_TITLE = "SAM Results";

	private OutputDisplay() {}

	public static void show(SegmentationOutputs outputs, boolean labels, boolean manager, boolean table) {
		if (GraphicsEnvironment.isHeadless()) {
			if (labels || manager || table) IJ.log(
				"Segment Anything: no display, so outputs are not shown; give an output directory to save them");
			return;
		}
		if (labels) outputs.labels().show();
		if (manager) {
			RoiManager rm = RoiManager.getRoiManager();
			for (Roi roi : outputs.rois())
				rm.addRoi((Roi) roi.clone());
		}
		if (table) outputs.resultsTable().show(TABLE_TITLE);
	}
}
