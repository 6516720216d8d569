package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.decode.LowResOutput;
import io.github.samfiji.engine.decode.MaskDecoder;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingNotes;
import io.github.samfiji.engine.region.NonFiniteNotes;
import io.github.samfiji.engine.region.Region;
import io.github.samfiji.engine.region.RegionPlan;
import io.github.samfiji.engine.region.RegionPlanner;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.PlaneRegions;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * "Segment everything" (SAM's automatic mask generator) on planes, without prompts:
 * <ol>
 * <li>for each crop ({@link CropBox#layers}: the whole plane, plus zoomed crops when crop layers are asked for),
 * the crop is encoded (through the segmenter's cache) and every point of an {@code n x n} {@link PointGrid} is
 * decoded on its own (for a multimask decoder, the {@link AutomaticOptions#candidatesPerPoint} of its three
 * multimask candidates with the highest predicted IoU);</li>
 * <li>candidates are filtered at low resolution, before any full-resolution work: predicted IoU above the
 * threshold, stability score above the threshold (see {@link LowResMeasures}), and, in crops smaller than the plane,
 * boxes within 20 pixels of a crop edge that is not a plane edge are dropped;</li>
 * <li>box non-maximum suppression by predicted IoU within each crop ({@link BoxNms}) on the low-resolution boxes;
 * only the survivors are upsampled to full resolution ({@link LowResOutput#fullResolution}), thresholded at logit 0,
 * and suppressed again on their exact pixel boxes;</li>
 * <li>across crops, box NMS again, masks from smaller crops winning; with a minimum region area, small islands
 * and holes are removed ({@link SmallRegions}) and a last NMS prefers masks the cleaning left unchanged.</li>
 * </ol>
 * <b>Large planes</b>: with {@code encoding=tiles} in the segmenter's options (or automatically, for planes more
 * than {@link RegionPlanner#WHOLE_LIMIT} times the model input), each plane is covered by overlapping tiles, each
 * segmented as above, and the tiles' masks are stitched without duplicates or cut objects ({@link TiledEverything}).
 * <p>
 * <b>Ordering rule</b>: on each plane, objects are numbered from the smallest to the largest mask (ties: higher
 * predicted IoU first), continuing across planes. Since lower numbers win overlapping pixels in the label image, a
 * small object inside a larger one (a nucleus inside a clump mask) keeps its pixels.
 * <p>
 * Blocking; call it from a worker thread. Cancellation is checked between grid points: a cancelled run returns
 * the planes finished before, marked incomplete.
 */
public final class AutomaticSegmenter {

	/** SAM's tolerance, in pixels, for a box touching a crop edge. */
	static final double CROP_EDGE_TOLERANCE = 20;

	private final PromptSegmenter segmenter;
	private final AutomaticOptions options;

	public AutomaticSegmenter(PromptSegmenter segmenter, AutomaticOptions options) {
		this.segmenter = segmenter;
		this.options = options;
	}

	public AutomaticOptions options() { return options; }

	/** Segments every plane. */
	public SegmentationResult segment(PlaneSource image, TaskMonitor monitor) {
		List<Integer> planes = new ArrayList<>();
		for (int z = 1; z <= image.planeCount(); z++) planes.add(z);
		return segment(image, planes, monitor);
	}

	/**
	 * Segments the given planes (1-based), in that order.
	 *
	 * @throws IllegalArgumentException when a plane does not exist
	 */
	public SegmentationResult segment(PlaneSource image, List<Integer> planes, TaskMonitor monitor) {
		for (int z : planes)
			if (z < 1 || z > image.planeCount()) throw new IllegalArgumentException("Plane " + z +
				" does not exist: the image has planes 1-" + image.planeCount());
		List<SegmentedObject> objects = new ArrayList<>();
		boolean complete = true;
		RegionPlan plan = new RegionPlanner(segmenter.options().encoding(), image.width(), image.height(), segmenter
			.model().descriptor().preprocessing().inputSize()).planEverything();
		long total = 0;
		for (Region r : plan.regions()) total += gridPoints(r.width(), r.height());
		Progress progress = new Progress(monitor, total * planes.size());
		EncodingNotes notes = new EncodingNotes();
		NonFiniteNotes nonFinite = new NonFiniteNotes();
		try {
			for (int z : planes) {
				notes.add(z, plan);
				RandomAccessibleInterval<?> pixels = image.plane(z);
				nonFinite.add(z, pixels);
				List<Candidate> found = plan.mode() == EncodingMode.TILES ? TiledEverything.segmentPlane(this,
					new PlaneRegions(segmenter, pixels), plan.regions(), z, progress) : segmentPlane(pixels, z, progress);
				found.sort(Comparator.comparingInt((Candidate c) -> c.mask.area()).thenComparingDouble(c -> -c.iou));
				for (Candidate c : found)
					objects.add(new SegmentedObject(objects.size() + 1, c.prompt, c.mask, c.iou, null, c.stability,
						c.region == null ? "whole" : c.region));
			}
		}
		catch (CancellationException e) {
			complete = false;
		}
		List<String> lines = new ArrayList<>(notes.lines());
		lines.addAll(nonFinite.lines());
		return new SegmentationResult(image.width(), image.height(), image.planeCount(), objects, complete, lines);
	}

	private long gridPoints(int width, int height) {
		long n = 0;
		for (CropBox crop : CropBox.layers(width, height, options.cropLayers(), options.cropOverlapRatio())) {
			int side = options.pointsPerSide(crop.layer());
			n += (long) side * side;
		}
		return n;
	}

	/** The kept masks of one plane, in plane coordinates (not numbered). */
	List<Candidate> segmentPlane(RandomAccessibleInterval<?> plane, int slice, Progress progress) {
		int w = (int) plane.dimension(0), h = (int) plane.dimension(1);
		return segmentArea(w, h, crop -> segmenter.encode(crop.isWholePlane(w, h) ? plane : Views.zeroMin(Views
			.interval(plane, new FinalInterval(new long[] { plane.min(0) + crop.x(), plane.min(1) + crop.y() },
				new long[] { plane.min(0) + crop.x() + crop.width() - 1, plane.min(1) + crop.y() + crop.height() - 1 }))),
			progress.monitor), "", slice, progress);
	}

	/**
	 * The kept masks of a {@code w x h} area (a plane or a tile), in area coordinates (not numbered).
	 *
	 * @param encoder the embedding of a crop of the area (crop coordinates relative to the area)
	 * @param where how progress messages name the area after the plane number, e.g. {@code ", tile:0,0,1024,1024"}
	 */
	List<Candidate> segmentArea(int w, int h, Function<CropBox, ImageEmbedding> encoder, String where, int slice,
		Progress progress)
	{
		List<CropBox> crops = CropBox.layers(w, h, options.cropLayers(), options.cropOverlapRatio());
		List<Candidate> all = new ArrayList<>();
		for (CropBox crop : crops)
			all.addAll(segmentCrop(w, h, crop, encoder, where, slice, progress));
		if (crops.size() > 1) all = suppress(all, c -> 1.0 / c.crop.area(), options.cropNmsThreshold());
		if (options.minRegionArea() > 0) all = removeSmallRegions(all);
		return all;
	}

	private List<Candidate> segmentCrop(int w, int h, CropBox crop, Function<CropBox, ImageEmbedding> encoder,
		String where, int slice, Progress progress)
	{
		boolean whole = crop.isWholePlane(w, h);
		progress.message = "Segment everything: encoding plane " + slice + where + (whole ? "" : ", " + crop);
		progress.tick(0);
		ImageEmbedding embedding = encoder.apply(crop);
		MaskDecoder decoder = segmenter.model().decoder();
		List<Candidate> candidates = new ArrayList<>();
		progress.message = "Segment everything: plane " + slice + where + (whole ? "" : ", " + crop);
		for (PromptPoint p : PointGrid.over(0, 0, crop.width(), crop.height(), options.pointsPerSide(crop.layer()))) {
			progress.checkCancelled();
			ObjectPrompt prompt = ObjectPrompt.builder().point(p).slice(slice).build();
			LowResOutput out = decoder.decodeLowResolution(embedding, prompt);
			List<Integer> ranked = MultimaskMode.ALL.select(out);
			for (int k : ranked.subList(0, Math.min(options.candidatesPerPoint(), ranked.size()))) {
				Candidate c = filter(out, k, crop, w, h);
				if (c != null) {
					c.prompt = ObjectPrompt.builder().point(p.x() + crop.x(), p.y() + crop.y(), true).slice(slice).build();
					if (!whole) c.region = "crop:" + crop.x() + "," + crop.y() + "," + crop.width() + "," + crop.height();
					candidates.add(c);
				}
			}
			progress.tick(1);
		}
		List<Candidate> kept = new ArrayList<>();
		for (Candidate c : suppress(candidates, cand -> cand.iou, options.boxNmsThreshold())) {
			ObjectMask local = ObjectMask.threshold(c.out.fullResolution(c.k), 0, crop.width(), crop.height(), 0f);
			if (local.isEmpty()) continue;
			c.mask = whole ? local : local.placedIn(w, h, crop.x(), crop.y());
			c.box = new double[] { c.mask.boundsX(), c.mask.boundsY(), c.mask.boundsX() + c.mask.boundsWidth(), c.mask
				.boundsY() + c.mask.boundsHeight() };
			c.out = null; // release the low-resolution maps
			kept.add(c);
		}
		// the low-resolution boxes are within a cell of the pixel boxes; suppress again on the exact ones
		return suppress(kept, cand -> cand.iou, options.boxNmsThreshold());
	}

	/** A candidate that passes the low-resolution filters, with its box in plane coordinates; else null. */
	private Candidate filter(LowResOutput out, int k, CropBox crop, int planeWidth, int planeHeight) {
		float iou = out.predictedIou(k);
		if (!(iou > options.iouThreshold())) return null;
		double stability = LowResMeasures.stability(out, k, options.stabilityOffset());
		if (!(stability >= options.stabilityThreshold())) return null;
		double[] box = LowResMeasures.box(out, k);
		if (box == null) return null;
		if (nearCropEdge(box, crop, planeWidth, planeHeight)) return null;
		Candidate c = new Candidate();
		c.out = out;
		c.k = k;
		c.iou = iou;
		c.stability = (float) stability;
		c.crop = crop;
		c.box = new double[] { box[0] + crop.x(), box[1] + crop.y(), box[2] + crop.x(), box[3] + crop.y() };
		return c;
	}

	/**
	 * SAM's {@code is_box_near_crop_edge}: a box (crop coordinates) within the tolerance of an edge of the crop that
	 * is not an edge of the plane.
	 */
	static boolean nearCropEdge(double[] box, CropBox crop, int planeWidth, int planeHeight) {
		double t = CROP_EDGE_TOLERANCE;
		boolean left = crop.x() > 0 && box[0] <= t, top = crop.y() > 0 && box[1] <= t;
		boolean right = crop.x() + crop.width() < planeWidth && box[2] >= crop.width() - t;
		boolean bottom = crop.y() + crop.height() < planeHeight && box[3] >= crop.height() - t;
		return left || top || right || bottom;
	}

	private List<Candidate> removeSmallRegions(List<Candidate> candidates) {
		List<Candidate> cleaned = new ArrayList<>();
		for (Candidate c : candidates) {
			ObjectMask mask = SmallRegions.clean(c.mask, options.minRegionArea());
			if (mask.isEmpty()) continue;
			c.unchanged = mask == c.mask;
			c.mask = mask;
			c.box = new double[] { mask.boundsX(), mask.boundsY(), mask.boundsX() + mask.boundsWidth(), mask.boundsY() +
				mask.boundsHeight() };
			cleaned.add(c);
		}
		return suppress(cleaned, c -> c.unchanged ? 1 : 0, options.boxNmsThreshold());
	}

	static List<Candidate> suppress(List<Candidate> candidates, ToDoubleFunction<Candidate> score,
		double threshold)
	{
		List<double[]> boxes = new ArrayList<>();
		double[] scores = new double[candidates.size()];
		for (int i = 0; i < scores.length; i++) {
			boxes.add(candidates.get(i).box);
			scores[i] = score.applyAsDouble(candidates.get(i));
		}
		List<Candidate> kept = new ArrayList<>();
		for (int i : BoxNms.keep(boxes, scores, threshold))
			kept.add(candidates.get(i));
		return kept;
	}

	/** One mask on its way through the filters. */
	static final class Candidate {

		LowResOutput out;
		int k;
		float iou;
		float stability;
		CropBox crop;
		double[] box;
		ObjectPrompt prompt;
		ObjectMask mask;
		boolean unchanged = true;
		/** The region label for the results table (a crop layer's crop, a tile); null for the whole plane. */
		String region;
	}

	/** Counts grid points against the run's total and checks cancellation. */
	static final class Progress {

		/** The run's monitor, which also cancels encoder runs. */
		final TaskMonitor monitor;
		private final long total;
		private long done;
		String message = "Segment everything";

		Progress(TaskMonitor monitor, long total) {
			this.monitor = monitor;
			this.total = total;
		}

		void tick(int points) {
			done += points;
			monitor.progress(message, done, total);
		}

		void checkCancelled() {
			monitor.checkCancelled();
		}
	}
}
