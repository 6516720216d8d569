package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.plugin.PlugIn;

import io.github.samfiji.ij.LabelRois;
import io.github.samfiji.ij.RoiPrompts;

/**
 * "Plugins > Segment Anything > ROIs to Labels": a 16-bit label image from the ROI Manager's area ROIs, with the
 * current image's dimensions and calibration. Labels are numbered in ROI order, or taken from the ROI names
 * ({@code object-0007} is 7); where ROIs overlap, a pixel keeps the lowest label, as in "Segment with Prompts".
 * Macro: {@code run("ROIs to Labels", "values=[ROI order]");} or {@code values=[ROI names]}.
 */
public class RoisToLabelsPlugin implements PlugIn {

	static final String TITLE = "ROIs to Labels";
	static final String[] VALUES = { "ROI order", "ROI names" };

	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.error(TITLE, "Open the image the ROIs belong to first.");
			return;
		}
		Roi[] rois = RoiPrompts.roiManagerRois();
		if (rois.length == 0) {
			fail("The ROI Manager is empty: add area selections with [t], or use Labels to ROIs");
			return;
		}
		String options = Macro.getOptions();
		String values;
		if (options != null) values = Macro.getValue(options, "values", VALUES[0]);
		else {
			GenericDialog gd = new GenericDialog(TITLE);
			gd.addChoice("Values", VALUES, VALUES[0]);
			gd.addMessage("Overlaps: a pixel keeps the lowest label");
			gd.showDialog();
			if (gd.wasCanceled()) return;
			values = gd.getNextChoice();
		}
		if (!values.equalsIgnoreCase(VALUES[0]) && !values.equalsIgnoreCase(VALUES[1])) {
			fail("Unknown values=" + values + ": use [ROI order] or [ROI names]");
			return;
		}
		boolean fromNames = values.equalsIgnoreCase(VALUES[1]);
		try {
			LabelRois.toLabels(rois, image, fromNames).show();
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
