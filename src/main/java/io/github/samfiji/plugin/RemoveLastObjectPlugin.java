package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;

import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.ij.tool.ObjectMacro;
import io.github.samfiji.service.SamServices;

/**
 * "Plugins > Segment Anything > Remove Last Object": removes the object last added to the current image by the SAM
 * tool or by "Segment Object" (from the label image, the ROI Manager and the results table). The tool records it
 * when the user presses U.
 */
public class RemoveLastObjectPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.error(ObjectMacro.UNDO_COMMAND, "Open an image first.");
			return;
		}
		SegmentedObject removed = SamServices.current().tools().accepted(image).removeLast();
		IJ.showStatus("SAM: " + (removed == null ? "no object to remove on '" + image.getTitle() + "'"
			: "removed object " + removed.id()));
	}
}
