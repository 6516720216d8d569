package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.decode.DecoderPool;
import io.github.samfiji.engine.detect.Detection;
import io.github.samfiji.engine.detect.LabelSeeds;
import io.github.samfiji.engine.detect.NucleusDetector.Polarity;
import io.github.samfiji.engine.detect.NucleusDetector;
import io.github.samfiji.engine.detect.PieceSeeds;
import io.github.samfiji.engine.detect.Seed;
import io.github.samfiji.engine.evaluate.LabelPlanes;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.preprocess.PlaneConverter;
import io.github.samfiji.engine.preprocess.RgbPlane;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.Region;
import io.github.samfiji.engine.region.RegionPlan;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.RegionSegmentation;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;

/** Adaptive prompting on one plane (see {@link AdaptiveSegmenter} for the steps). Used once. */
final class AdaptivePlane {

	/**
	 * Seeds are decoded in waves of this many, strongest first; a seed inside an object kept from an earlier wave is
	 * not decoded. A constant, so that the result does not depend on the number of parallel decoders.
	 */
	static final int WAVE = 64;
	/** Detector specks smaller than this are ignored. */
	static final int DETECTOR_MIN_AREA = 15;
	/** Gaussian smoothing of the detector, in pixels. */
	static final double DETECTOR_SIGMA = 1;

	private final PromptSegmenter segmenter;
	private final AdaptiveOptions options;
	private final DecoderPool pool;
	private final boolean[] roi;
	private final RandomAccessibleInterval<?> plane;
	private final int slice;
	private final TaskMonitor monitor;
	private final int width;
	private final int height;
	private final CandidateFilter filter;
	private final KeptMasks kept;
	private final RegionSegmentation regions;
	/** The local-contrast foreground the coverage pass also looks at, or null. */
	private boolean[] localForeground;
	private final Map<Region, ImageEmbedding> embeddings = new LinkedHashMap<>();
	private long runs;
	private final int[] prompted = new int[4]; // seeds, refinements, uncovered, grid

	AdaptivePlane(PromptSegmenter segmenter, AdaptiveOptions options, DecoderPool pool, boolean[] roi,
		RandomAccessibleInterval<?> plane, int slice, TaskMonitor monitor)
	{
		this.segmenter = segmenter;
		this.options = options;
		this.pool = pool;
		this.roi = roi;
		this.plane = plane;
		this.slice = slice;
		this.monitor = monitor;
		this.width = (int) plane.dimension(0);
		this.height = (int) plane.dimension(1);
		this.filter = new CandidateFilter(options, Region.whole(width, height), roi);
		this.regions = new RegionSegmentation(segmenter, plane);
		this.kept = new KeptMasks(width, height, options.overlapLimit(), options.minArea(), options
			.dropEnclosing());
	}

	/** The objects of the plane, numbered from 1 in reading order of their first pixel. */
	List<SegmentedObject> segment(RandomAccessibleInterval<?> seedLabels) {
		if (regions.plan(Collections.singletonList(SeedPrompts.point(0, 0, slice))).mode() == EncodingMode.WHOLE) {
			monitor.progress("Adaptive prompts: encoding plane " + slice, 0, 0);
			embedding(Region.whole(width, height));
		}
		Detection detection = detect();
		List<Seed> seeds = seedLabels == null ? detection.seeds() : LabelSeeds.of(LabelPlanes.of(PlaneSource.of(
			seedLabels)).plane(1), width, height);
		String what = seedLabels == null ? "detector seeds" : "label seeds";
		for (int first = 0; first < seeds.size(); first += WAVE) {
			List<ObjectPrompt> prompts = new ArrayList<>();
			for (Seed s : seeds.subList(first, Math.min(seeds.size(), first + WAVE)))
				if (inRegion(s.x(), s.y()) && !kept.covers(s.x(), s.y())) prompts.add(SeedPrompts.of(s, options
					.seedPrompt(), options.boxMargin(), width, height, slice));
			prompted[0] += prompts.size();
			keep(decode(prompts, what));
		}
		if (options.coverage()) keep(decode(uncovered(detection), "uncovered foreground"));
		if (options.gridPointsPerSide() > 0) keep(decode(grid(detection), "grid points"));
		return numbered();
	}

	/** The detection on the pre-processed plane; with local contrast, also the local-contrast foreground. */
	private Detection detect() {
		RgbPlane rgb = PlaneConverter.toRgb(plane, segmenter.options().intensityMapping());
		float[][] channels = rgb.channel(0) == rgb.channel(1) && rgb.channel(1) == rgb.channel(2) ? new float[][] { rgb
			.channel(0) } : new float[][] { rgb.channel(0), rgb.channel(1), rgb.channel(2) };
		NucleusDetector detector = NucleusDetector.defaults().withPolarity(options.polarity()).withMinArea(
			DETECTOR_MIN_AREA).withSigma(DETECTOR_SIGMA);
		Detection d = detector.detect(channels, width, height, roi);
		if (options.localContrast()) localForeground = detector.withPolarity(d.brightObjects() ? Polarity.BRIGHT
			: Polarity.DARK).withLocalContrast(true).detect(channels, width, height, roi).foreground();
		return d;
	}

	/** Decodes a batch, refines the proposals when asked, and returns them (no nulls). */
	private List<Proposal> decode(List<ObjectPrompt> prompts, String what) {
		List<Proposal> proposals = run(prompts, what);
		if (options.refineBelow() <= 0) return nonNull(proposals);
		List<ObjectPrompt> refinements = new ArrayList<>();
		List<Integer> which = new ArrayList<>();
		for (int i = 0; i < proposals.size(); i++)
			if (proposals.get(i) != null && needsRefinement(proposals.get(i))) {
				refinements.add(SeedPrompts.refinement(proposals.get(i).prompt, proposals.get(i).mask));
				which.add(i);
			}
		prompted[1] += refinements.size();
		List<Proposal> refined = run(refinements, what + ", box refinement");
		for (int j = 0; j < refined.size(); j++)
			if (refined.get(j) != null) {
				Proposal r = refined.get(j);
				proposals.set(which.get(j), new Proposal(r.prompt, r.mask, r.iou, r.stability, which.get(j),
					r.region));
			}
		return nonNull(proposals);
	}

	/** Whether the mask's own box differs enough from the box it was prompted with (see the option). */
	private boolean needsRefinement(Proposal p) {
		PromptBox b = p.prompt.box();
		if (b == null || options.refineBelow() >= 1) return true;
		return BoxNms.iou(new double[] { b.x(), b.y(), b.maxX(), b.maxY() }, p.box()) < options.refineBelow();
	}

	/**
	 * Decodes a batch and filters each output, on the regions the segmenter's encoding options choose for the
	 * prompts (the whole plane, or for large planes crops or tiles, each encoded once); the proposals are in plane
	 * coordinates and in prompt order.
	 */
	private List<Proposal> run(List<ObjectPrompt> prompts, String what) {
		List<Proposal> out = new ArrayList<>(java.util.Collections.nCopies(prompts.size(), null));
		if (prompts.isEmpty()) return out;
		String message = "Adaptive prompts: plane " + slice + ", " + what;
		monitor.progress(message, 0, prompts.size());
		RegionPlan plan = regions.plan(prompts);
		Map<Region, List<Integer>> groups = new LinkedHashMap<>();
		for (int i : plan.groupedOrder()) groups.computeIfAbsent(plan.regions().get(i), r -> new ArrayList<>()).add(i);
		int[] before = { 0 };
		for (Map.Entry<Region, List<Integer>> g : groups.entrySet()) {
			Region region = g.getKey();
			List<Integer> which = g.getValue();
			List<ObjectPrompt> local = new ArrayList<>();
			for (int i : which) local.add(region.toLocal(prompts.get(i)));
			CandidateFilter f = filter.on(region);
			List<Proposal> found = pool.decode(embedding(region), local, (j, low) -> f.best(low, local.get(j), prompts
				.get(which.get(j)), which.get(j)), monitor, done -> monitor.progress(message, before[0] + done, prompts
					.size()));
			for (int j = 0; j < which.size(); j++) out.set(which.get(j), found.get(j));
			before[0] += which.size();
		}
		runs += prompts.size();
		return out;
	}

	/** The embedding of a region of the plane, encoded once per plane (and through the segmenter's cache). */
	private ImageEmbedding embedding(Region region) {
		ImageEmbedding e = embeddings.get(region);
		if (e == null) {
			if (!region.isWholePlane()) monitor.progress("Adaptive prompts: plane " + slice + ", encoding " + region
				.label(), 0, 0);
			embeddings.put(region, e = regions.regions().encode(region, monitor));
		}
		return e;
	}

	/** Offers proposals by decreasing predicted IoU (ties: prompt order). */
	private void keep(List<Proposal> proposals) {
		proposals.sort(Comparator.comparingDouble((Proposal p) -> -p.iou).thenComparingInt(p -> p.index));
		for (Proposal p : proposals) kept.offer(p);
	}

	/**
	 * A seed prompt (innermost pixel, box) for each piece of foreground, or of local-contrast foreground, that no kept
	 * object covers and that is at least half a typical object.
	 */
	private List<ObjectPrompt> uncovered(Detection detection) {
		boolean[] covered = kept.covered(), left = new boolean[covered.length];
		boolean[] local = localForeground == null ? detection.foreground() : localForeground;
		for (int i = 0; i < left.length; i++) left[i] = (detection.foreground()[i] || local[i]) && !covered[i];
		double typical = Math.PI * detection.radius() * detection.radius();
		int minPiece = (int) Math.max(Math.max(options.minArea(), DETECTOR_MIN_AREA), typical / 2);
		List<ObjectPrompt> prompts = new ArrayList<>();
		for (Seed s : PieceSeeds.of(left, width, height, minPiece))
			if (inRegion(s.x(), s.y())) prompts.add(SeedPrompts.of(s, options.seedPrompt(), options.boxMargin(), width,
				height, slice));
		prompted[2] = prompts.size();
		return prompts;
	}

	/** The coarse grid's points outside kept objects, confident background and the region of interest. */
	private List<ObjectPrompt> grid(Detection detection) {
		List<ObjectPrompt> prompts = new ArrayList<>();
		for (PromptPoint p : PointGrid.over(0, 0, width, height, options.gridPointsPerSide())) {
			int x = (int) p.x(), y = (int) p.y();
			if (!inRegion(x, y) || kept.covers(x, y) || detection.isBackground(x, y)) continue;
			prompts.add(ObjectPrompt.builder().point(p).slice(slice).build());
		}
		prompted[3] = prompts.size();
		return prompts;
	}

	private boolean inRegion(int x, int y) {
		return roi == null || roi[y * width + x];
	}

	private List<SegmentedObject> numbered() {
		List<Proposal> objects = new ArrayList<>(kept.objects());
		objects.sort(Comparator.comparingLong(AdaptivePlane::firstPixel));
		List<SegmentedObject> numbered = new ArrayList<>();
		for (Proposal p : objects)
			numbered.add(new SegmentedObject(numbered.size() + 1, p.prompt, p.mask, p.iou, null, p.stability, p.region));
		return numbered;
	}

	private static long firstPixel(Proposal p) {
		ObjectMask m = p.mask;
		long[] first = { Long.MAX_VALUE };
		m.forEachPixel((x, y) -> {
			if (first[0] == Long.MAX_VALUE) first[0] = (long) y * m.planeWidth() + x;
		});
		return first[0];
	}

	private static List<Proposal> nonNull(List<Proposal> proposals) {
		List<Proposal> out = new ArrayList<>();
		for (Proposal p : proposals) if (p != null) out.add(p);
		return out;
	}

	long decoderRuns() { return runs; }

	/** E.g. "Adaptive prompts on plane 1: 140 decoder runs (57 seeds, 57 refinements, 3 uncovered, 23 grid), 55 objects". */
	String note() {
		boolean whole = embeddings.size() <= 1 && (embeddings.isEmpty() || embeddings.keySet().iterator().next()
			.isWholePlane());
		return "Adaptive prompts on plane " + slice + ": " + runs + " decoder runs (" + prompted[0] + " seeds, " +
			prompted[1] + " refinements, " + prompted[2] + " uncovered, " + prompted[3] + " grid), " + kept.objects()
				.size() + " objects" + (whole ? "" : ", " + embeddings.size() + " regions encoded");
	}
}
