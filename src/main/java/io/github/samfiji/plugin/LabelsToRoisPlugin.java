package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import ij.plugin.frame.RoiManager;

import io.github.samfiji.ij.LabelRois;

import java.awt.GraphicsEnvironment;
import java.util.List;

/**
 * "Plugins > Segment Anything > Labels to ROIs": adds one ROI per label of the current label image to the ROI
 * Manager, named {@code object-NNNN} after the label and positioned on its slice, so that objects can be edited by
 * hand and turned back into labels with "ROIs to Labels". Macro: {@code run("Labels to ROIs");}.
 */
public class LabelsToRoisPlugin implements PlugIn {

	static final String TITLE = "Labels to ROIs";

	@Override
	public void run(String arg) {
		ImagePlus labels = WindowManager.getCurrentImage();
		if (labels == null) {
			IJ.error(TITLE, "Open a label image first.");
			return;
		}
		RoiManager manager = RoiManager.getInstance();
		if (manager == null && GraphicsEnvironment.isHeadless()) {
			fail("No display and no batch-mode macro: there is no ROI Manager to add ROIs to");
			return;
		}
		if (manager == null) manager = RoiManager.getRoiManager();
		try {
			List<Roi> rois = LabelRois.toRois(labels);
			for (Roi roi : rois)
				manager.addRoi(roi);
			IJ.showStatus("SAM: " + rois.size() + " ROI(s) from '" + labels.getTitle() + "'");
		}
		catch (IllegalArgumentException e) {
			fail(e.getMessage());
		}
	}

	private static void fail(String message) {
		IJ.error(TITLE, message);
		if (Macro.getOptions() != null) Macro.abort();
	}
}
