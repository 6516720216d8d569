package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.decode.DecoderPool;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.EarlyStop;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * "Segment everything" by adaptive prompting: instead of SAM's regular grid of points, a classical detector decides
 * where the objects are, and the model is asked only there, then only where objects are still missing. Per plane
 * ({@link AdaptivePlane} does the work):
 * <ol>
 * <li>the plane is encoded (through the segmenter's cache) and, on the pre-processed plane (the same intensity
 * mapping as the model's input), a {@link io.github.samfiji.engine.detect.NucleusDetector} finds the foreground,
 * one seed per object with its region, the typical object size, and the confident background; with seed labels
 * (prompts from labels) each label of the given label plane is a seed instead;</li>
 * <li><b>detector seeds</b>: each seed is decoded with a point, its region's box, or both
 * ({@link AdaptiveOptions#seedPrompt()}), in waves of {@value AdaptivePlane#WAVE} seeds (strongest first), skipping
 * seeds that lie in an object kept from an earlier wave; the candidates pass SAM's filters ({@link CandidateFilter}: predicted IoU,
 * stability score, minimum and maximum area, at most {@link AdaptiveOptions#maxObjectFraction()} of the plane, else
 * it is background);</li>
 * <li><b>box refinement</b> (optional): each proposed mask is decoded once more with its own tight box and its
 * prompt's points, and the refined mask replaces it when it passes the filters;</li>
 * <li>proposals are kept by decreasing predicted IoU when at most {@link AdaptiveOptions#overlapLimit()} of their
 * pixels belong to objects kept before and (by default) they enclose no kept object; kept objects own their pixels,
 * so they never overlap;</li>
 * <li><b>coverage</b>: each piece of foreground (by default also of the local-contrast foreground) left uncovered
 * that is at least half a typical object is prompted like a seed, at its innermost pixel and with its box (coarse to
 * fine: only where masks are missing);</li>
 * <li><b>coarse grid</b>: the points of an {@code n x n} grid that fall neither in a kept object nor in confident
 * background are prompted, for objects the detector missed altogether.</li>
 * </ol>
 * Prompts are decoded in batches on a {@link DecoderPool}; every decision is taken after a batch is back, in prompt
 * order, so the result is the same with one decoder or several. Each batch is decoded on the regions the
 * segmenter's encoding options choose ({@link io.github.samfiji.engine.segment.RegionSegmentation#plan}): the whole
 * plane, or on large planes crops or tiles, each encoded once per plane; a mask cut by a region's inner edge is kept
 * as it is. Objects are numbered per plane in reading order
 * of their first pixel, continuing across planes. The notes say how many decoder runs each plane took
 * ({@code N decoder runs}).
 * <p>
 * Blocking; call it from a worker thread. Cancellation is checked before every decoder run: a cancelled run
 * returns the planes finished before, marked incomplete.
 */
public final class AdaptiveSegmenter {

	private final PromptSegmenter segmenter;
	private final AdaptiveOptions options;
	private final DecoderPool pool;
	private final boolean[] roi;
	private final PlaneSource seedLabels;

	/** @param pool where prompts are decoded; not closed by this class */
	public AdaptiveSegmenter(PromptSegmenter segmenter, AdaptiveOptions options, DecoderPool pool) {
		this(segmenter, options, pool, null, null);
	}

	private AdaptiveSegmenter(PromptSegmenter segmenter, AdaptiveOptions options, DecoderPool pool, boolean[] roi,
		PlaneSource seedLabels)
	{
		this.segmenter = segmenter;
		this.options = options;
		this.pool = pool;
		this.roi = roi;
		this.seedLabels = seedLabels;
	}

	/**
	 * The same segmenter restricted to a region of interest: prompts only inside it, masks clipped to it, and the
	 * maximum object fraction taken of its area.
	 *
	 * @param region row-major {@code width x height} pixels of every plane, or null for the whole plane
	 */
	public AdaptiveSegmenter withRegion(boolean[] region) {
		return new AdaptiveSegmenter(segmenter, options, pool, region == null ? null : region.clone(), seedLabels);
	}

	/**
	 * The same segmenter taking its seeds from a label image (e.g. another tool's objects) instead of the detector:
	 * each label of the plane with the same number is a seed, prompted as {@link AdaptiveOptions#seedPrompt()} says
	 * (its pixel farthest from its border, its box). Coverage and grid passes run as usual; the detector still
	 * supplies the foreground and background they use.
	 *
	 * @param labels a label image of the same size, or null for the detector
	 */
	public AdaptiveSegmenter withSeedLabels(PlaneSource labels) {
		return new AdaptiveSegmenter(segmenter, options, pool, roi, labels);
	}

	public AdaptiveOptions options() { return options; }

	/** Segments every plane. */
	public SegmentationResult segment(PlaneSource image, TaskMonitor monitor) {
		List<Integer> planes = new ArrayList<>();
		for (int z = 1; z <= image.planeCount(); z++) planes.add(z);
		return segment(image, planes, monitor);
	}

	/**
	 * Segments the given planes (1-based), in that order.
	 *
	 * @throws IllegalArgumentException when a plane does not exist, or the region or seed labels do not fit the image
	 */
	public SegmentationResult segment(PlaneSource image, List<Integer> planes, TaskMonitor monitor) {
		check(image, planes);
		List<SegmentedObject> objects = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		long runs = 0;
		int z = 0;
		EarlyStop stop = null;
		try {
			for (int p : planes) {
				z = p;
				monitor.checkCancelled();
				AdaptivePlane plane = new AdaptivePlane(segmenter, options, pool, roi, image.plane(z), z, monitor);
				for (SegmentedObject o : plane.segment(seedLabels == null ? null : seedLabels.plane(z)))
					objects.add(o.withId(objects.size() + 1));
				runs += plane.decoderRuns();
				notes.add(plane.note());
			}
		}
		catch (CancellationException e) {
			stop = EarlyStop.of(e, "plane " + z, segmenter.cache());
		}
		catch (IllegalArgumentException e) {
			throw e;
		}
		catch (OutOfMemoryError | RuntimeException e) {
			if (objects.isEmpty() && notes.isEmpty()) throw e;
			stop = EarlyStop.of(e, "plane " + z, segmenter.cache());
		}
		if (planes.size() > 1) notes.add("Adaptive prompts: " + runs + " decoder runs on " + notes.size() + " planes");
		SegmentationResult result = new SegmentationResult(image.width(), image.height(), image.planeCount(), objects,
			stop == null, notes);
		return stop == null ? result : result.stoppedEarly(stop.reason(), stop.failure());
	}

	private void check(PlaneSource image, List<Integer> planes) {
		for (int z : planes)
			if (z < 1 || z > image.planeCount()) throw new IllegalArgumentException("Plane " + z +
				" does not exist: the image has planes 1-" + image.planeCount());
		if (roi != null && roi.length != (long) image.width() * image.height()) throw new IllegalArgumentException(
			"The region of interest does not fit the " + image.width() + "x" + image.height() + " image");
		if (seedLabels != null && (seedLabels.width() != image.width() || seedLabels.height() != image.height() ||
			seedLabels.planeCount() < image.planeCount())) throw new IllegalArgumentException("The seed labels (" +
				seedLabels.width() + "x" + seedLabels.height() + "x" + seedLabels.planeCount() + ") do not fit the image (" +
				image.width() + "x" + image.height() + "x" + image.planeCount() + ")");
	}
}
