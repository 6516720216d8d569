package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import io.github.samfiji.engine.evaluate.Evaluation;
import io.github.samfiji.engine.evaluate.EvaluationTable;
import io.github.samfiji.engine.evaluate.LabelPlanes;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.engine.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * Scoring a segmentation in ImageJ: label images (open, or files), or ROIs (the ROI Manager, a RoiSet.zip) made into
 * labels, scored by the engine's {@link SegmentationEvaluator}; the scores as an ImageJ results table or a CSV file.
 * Images and ROIs are only read.
 */
public final class Evaluations {

	/** The results table's title. */
	public static final String TABLE_TITLE = "SAM Evaluation";
	/** The prediction that means the ROI Manager's ROIs. */
	public static final String ROI_MANAGER = "ROI Manager";

	private Evaluations() {}

	/**
	 * @throws IllegalArgumentException for RGB images or images of different sizes
	 */
	public static Evaluation evaluate(ImagePlus truth, ImagePlus prediction, SegmentationEvaluator.Mode mode) {
		return SegmentationEvaluator.evaluate(labels(truth), labels(prediction), mode);
	}

	private static LabelPlanes labels(ImagePlus image) {
		if (image.getType() == ImagePlus.COLOR_RGB) throw new IllegalArgumentException("'" + image.getTitle() +
			"' is an RGB image; give a label image (8, 16 or 32-bit, one value per object)");
		return LabelPlanes.of(new ImagePlusPlanes(image));
	}

	/**
	 * A label image named by a user: the title of an open image, a file (label image, or ROIs), or
	 * {@value #ROI_MANAGER}; ROIs become labels in their order, on an image like {@code like}.
	 *
	 * @throws IOException when a file cannot be read
	 * @throws IllegalArgumentException when nothing of that name exists
	 */
	public static ImagePlus labelImage(String name, ImagePlus like) throws IOException {
		if (name.equalsIgnoreCase(ROI_MANAGER)) return rois(RoiPrompts.roiManagerRois(), like, name);
		ImagePlus open = WindowManager.getImage(name);
		if (open != null) return open;
		Path file = Paths.get(name);
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".zip") || lower.endsWith(".roi")) return rois(RoiPrompts.readRois(file), like, name);
		if (!file.toFile().exists()) throw new IllegalArgumentException("No open image is titled '" + name +
			"' and no such file exists: give an open image's title or a label image file");
		return ImageFiles.open(file);
	}

	private static ImagePlus rois(Roi[] rois, ImagePlus like, String what) {
		if (like == null) throw new IllegalArgumentException(what + " gives ROIs: give the ground truth first, as a label image, so that the ROIs get its size");
		return LabelRois.toLabels(rois, like, false);
	}

	/** The scores as an ImageJ results table. */
	public static ResultsTable resultsTable(Evaluation e) {
		ResultsTable rt = new ResultsTable();
		List<String> columns = EvaluationTable.COLUMNS;
		for (Object[] row : EvaluationTable.rows(e)) {
			rt.incrementCounter();
			for (int c = 0; c < row.length; c++) {
				if (row[c] instanceof Number) rt.addValue(columns.get(c), ((Number) row[c]).doubleValue());
				else rt.addValue(columns.get(c), String.valueOf(row[c]));
			}
		}
		return rt;
	}

	/** Writes the scores as CSV, atomically. */
	public static void writeCsv(Evaluation e, Path file) throws IOException {
		AtomicFiles.write(file, out -> EvaluationTable.writeCsv(e, out));
	}
}
