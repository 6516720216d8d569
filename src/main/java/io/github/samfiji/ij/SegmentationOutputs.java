package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.ShortProcessor;

import io.github.samfiji.engine.operation.RunResult;
import io.github.samfiji.engine.result.ObjectTable;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A segmentation result in ImageJ form: a 16-bit label image with the source's dimensions and calibration, one ROI
 * per object (named {@code object-NNNN} after its label value, positioned on its slice) and a results table. The
 * source image is only read.
 */
public final class SegmentationOutputs {

	private final SegmentationResult result;
	private final ImagePlus labels;
	private final List<Roi> rois;
	private final ObjectTable table;
	private final List<String> notes;

	/** Outputs over the source's own planes, intensity mapping not recorded, no notes. */
	public SegmentationOutputs(SegmentationResult result, ImagePlus source) {
		this(result, source, new int[] { source.getNChannels(), source.getNSlices(), source.getNFrames() }, "",
			Collections.emptyList());
	}

	/** The outputs of an operation's run on {@code source}. */
	public SegmentationOutputs(RunResult run, ImagePlus source) {
		this(run.result(), source, run.labelDimensions(), run.intensity(), run.notes());
	}

	/**
	 * Outputs whose planes are laid out as {@code czt} (channels, slices, frames; e.g. one channel after a channel
	 * choice): the label image gets these dimensions and the source's calibration, ROIs the matching positions, and
	 * the table the calibrated volume and {@code intensity} on every row.
	 */
	private SegmentationOutputs(SegmentationResult result, ImagePlus source, int[] czt, String intensity,
		List<String> notes)
	{
		this.result = result;
		Calibration cal = source.getCalibration();
		SegmentationResult.LabelStack planes = result.labels();
		this.table = new ObjectTable(result, planes, cal.pixelWidth * cal.pixelHeight, cal.pixelDepth, cal.getUnit(),
			intensity);
		this.labels = labelImage(result, planes, source, czt);
		this.rois = rois(result, labels);
		this.notes = notes;
	}

	/**
	 * Lines for the log about how the run went ({@link RunResult#notes()}): first, when the run stopped early, why;
	 * then how planes were encoded, where propagated objects stopped, embeddings encoded and taken from the caches.
	 */
	public List<String> notes() { return notes; }

	/** The error that stopped the run early (the planes before are kept), or {@code null}. */
	public Throwable failure() { return result.failure(); }

	public SegmentationResult result() { return result; }

	/** The label image, titled {@code <source>-labels}. */
	public ImagePlus labels() { return labels; }

	/** One ROI per non-empty object, in object order. */
	public List<Roi> rois() { return rois; }

	public ObjectTable table() { return table; }

	/** The table as an ImageJ results table (a new one each call). */
	public ResultsTable resultsTable() {
		ResultsTable rt = new ResultsTable();
		for (Object[] row : table.rows()) {
			rt.incrementCounter();
			for (int c = 0; c < row.length; c++) {
				String column = ObjectTable.COLUMNS.get(c);
				if (row[c] instanceof Number) rt.addValue(column, ((Number) row[c]).doubleValue());
				else rt.addValue(column, String.valueOf(row[c]));
			}
		}
		return rt;
	}

	/** The name of an object's ROI: {@code object-} and its label value, zero-padded to four digits. */
	public static String roiName(SegmentedObject o) {
		return roiName(o.id());
	}

	/** The name of the ROI of label value {@code label}. */
	public static String roiName(int label) {
		return String.format("object-%04d", label);
	}

	private static ImagePlus labelImage(SegmentationResult result, SegmentationResult.LabelStack planes,
		ImagePlus source, int[] czt)
	{
		ImageStack stack = new ImageStack(result.width(), result.height());
		boolean sameStack = planes.planeCount() == source.getStackSize();
		for (int s = 1; s <= planes.planeCount(); s++)
			stack.addSlice(sameStack ? source.getStack().getSliceLabel(s) : null, new ShortProcessor(result.width(), result
				.height(), planes.plane(s), null));
		ImagePlus labels = new ImagePlus(baseTitle(source) + "-labels", stack);
		if (planes.planeCount() == czt[0] * czt[1] * czt[2]) labels.setDimensions(czt[0], czt[1], czt[2]);
		if (labels.getNDimensions() > 3) labels.setOpenAsHyperStack(true);
		labels.setCalibration(source.getCalibration().copy());
		labels.getProcessor().setLut(LabelLut.create());
		int max = 0;
		for (SegmentedObject o : result.objects())
			max = Math.max(max, o.id());
		labels.setDisplayRange(0, Math.max(255, max));
		return labels;
	}

	private static List<Roi> rois(SegmentationResult result, ImagePlus labels) {
		List<Roi> rois = new ArrayList<>();
		for (SegmentedObject o : result.objects()) {
			Roi roi = MaskRois.toRoi(o.mask());
			if (roi == null) continue;
			roi.setName(roiName(o));
			if (o.prompt().name() != null) roi.setProperty("prompt", o.prompt().name());
			roi.setProperty("predicted_iou", String.valueOf(o.predictedIou()));
			if (labels.isHyperStack()) {
				int[] czt = labels.convertIndexToPosition(o.slice());
				roi.setPosition(czt[0], czt[1], czt[2]);
			}
			else if (labels.getStackSize() > 1) roi.setPosition(o.slice());
			roi.setStrokeColor(LabelLut.color(o.id()));
			rois.add(roi);
		}
		return rois;
	}

	static String baseTitle(ImagePlus image) {
		String title = image.getTitle() == null || image.getTitle().isEmpty() ? "image" : image.getTitle();
		int dot = title.lastIndexOf('.');
		return dot > 0 ? title.substring(0, dot) : title;
	}
}
