package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.PromptSegmenter;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.SharedModels;
import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.auto.AutomaticSegmenter;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.refine.LabeledObjects.LabeledPrompt;
import io.github.samfiji.engine.refine.ObjectRefiner;
import io.github.samfiji.engine.result.SegmentationResult;

import java.awt.Point;
import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared code paths of "Segment Everything" and "Refine with SAM" for ImageJ images, used by the ImageJ 1
 * macro entries, the SciJava commands and the command line. Blocking: call them off the event thread. Images and
 * ROIs are only read.
 */
public final class AutomaticSegmentation {

	private AutomaticSegmentation() {}

	/**
	 * Segments everything on the given stack indices (1-based; all when {@code planes} is empty).
	 *
	 * @throws IOException when the model cannot be opened; the message says how to install or repair it
	 */
	public static SegmentationOutputs everything(ImagePlus image, List<Integer> planes, String model,
		SegmentationOptions options, AutomaticOptions auto, EngineOptions engine, TaskMonitor monitor)
		throws IOException
	{
		ImagePlusPlanes source = new ImagePlusPlanes(image);
		try (SharedModels.Lease lease = lease(model, engine, monitor)) {
			AutomaticSegmenter segmenter = new AutomaticSegmenter(new PromptSegmenter(lease.model(), options,
				EmbeddingCache.shared()), auto);
			SegmentationResult result = planes.isEmpty() ? segmenter.segment(source, monitor) : segmenter.segment(source,
				planes, monitor);
			return new SegmentationOutputs(result, image, options.intensityMapping());
		}
	}

	/**
	 * Refines the objects of a label image (same width, height and stack size as {@code image}); each SAM mask keeps
	 * its object's label value.
	 */
	public static SegmentationOutputs refineLabels(ImagePlus image, ImagePlus labels, boolean withInteriorPoint,
		String model, SegmentationOptions options, EngineOptions engine, TaskMonitor monitor) throws IOException
	{
		if (labels.getType() == ImagePlus.COLOR_RGB) throw new IllegalArgumentException("'" + labels.getTitle() +
			"' is an RGB image; choose a label image (8, 16 or 32-bit, one value per object)");
		try (SharedModels.Lease lease = lease(model, engine, monitor)) {
			ObjectRefiner refiner = new ObjectRefiner(new PromptSegmenter(lease.model(), options, EmbeddingCache
				.shared()), withInteriorPoint);
			return new SegmentationOutputs(refiner.refine(new ImagePlusPlanes(image), new ImagePlusPlanes(labels),
				monitor), image, options.intensityMapping());
		}
	}

	/** Refines area ROIs: ROI number {@code n} (1-based, in order) becomes label {@code n}. */
	public static SegmentationOutputs refineRois(ImagePlus image, Roi[] rois, boolean withInteriorPoint, String model,
		SegmentationOptions options, EngineOptions engine, TaskMonitor monitor) throws IOException
	{
		List<LabeledPrompt> prompts = roiPrompts(rois, image, withInteriorPoint);
		try (SharedModels.Lease lease = lease(model, engine, monitor)) {
			ObjectRefiner refiner = new ObjectRefiner(new PromptSegmenter(lease.model(), options, EmbeddingCache
				.shared()), withInteriorPoint);
			return new SegmentationOutputs(refiner.refine(new ImagePlusPlanes(image), prompts, monitor), image, options
				.intensityMapping());
		}
	}

	private static SharedModels.Lease lease(String model, EngineOptions engine, TaskMonitor monitor)
		throws IOException
	{
		monitor.progress("Loading model " + (model == null ? "" : model), 0, 0);
		return SharedModels.instance().acquire(model, engine);
	}

	/**
	 * Each area ROI becomes its bounding box (clipped to the image) and, optionally, its pixel nearest its centroid;
	 * its stack position is its slice.
	 *
	 * @throws IllegalArgumentException for a ROI that is not an area or lies outside the image
	 */
	static List<LabeledPrompt> roiPrompts(Roi[] rois, ImagePlus image, boolean withInteriorPoint) {
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
