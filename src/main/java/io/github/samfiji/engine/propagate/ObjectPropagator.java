package io.github.samfiji.engine.propagate;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.preprocess.BlankPlanes;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.propagate.PropagationOptions.CandidateChoice;
import io.github.samfiji.engine.region.NonFiniteNotes;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.EarlyStop;
import io.github.samfiji.engine.segment.EmbeddingPrefetcher;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.task.ProgressClock;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import net.imglib2.RandomAccessibleInterval;

/**
 * Propagates objects through a stack or time-lapse: from each annotated plane, each object is segmented on the
 * neighbouring planes along z or t, in both directions, each plane prompted by the previous plane's mask (see
 * {@link PropagationOptions.PromptMode}), until a stopping rule of {@link PropagationOptions} says the object has
 * ended. An object keeps its id (its label value) on every plane. Prompts with the same name are one object
 * annotated on several planes; between two annotations each plane comes from the nearer one.
 * <p>
 * Planes are visited in order, first downwards from the highest annotated plane of each line, then upwards from the
 * lowest, so each plane's embedding serves all objects there and comes from the segmenter's cache on the second
 * visit when memory (or a disk cache) holds it. Cancellation and failures stop at the next plane and keep the
 * planes finished. Blocking; call it off the event thread.
 */
public final class ObjectPropagator {

	private final PromptSegmenter segmenter;
	private final PromptSegmenter allCandidates;
	private final PropagationOptions options;
	private final boolean prefetch;

	/**
	 * @param segmenter its box candidate choice is replaced by {@link PropagationOptions#boxMultimask()}
	 * @param prefetch whether to encode the next plane while decoding (see {@link EmbeddingPrefetcher#worthwhile()})
	 */
	public ObjectPropagator(PromptSegmenter segmenter, PropagationOptions options, boolean prefetch) {
		if (segmenter.options().multimask() == MultimaskMode.ALL) throw new IllegalArgumentException(
			"Propagation follows one mask per object: use multimask best or single, not all");
		this.segmenter = new PromptSegmenter(segmenter.model(), segmenter.options().withBoxMultimask(options
			.boxMultimask()), segmenter.cache());
		this.allCandidates = new PromptSegmenter(segmenter.model(), this.segmenter.options().withRankedCandidates(true),
			segmenter.cache());
		this.options = options;
		this.prefetch = prefetch;
	}

	/**
	 * The object's mask on the next plane: the segmenter's choice, or, with {@link CandidateChoice#CONSISTENT}, the
	 * candidate that overlaps the previous plane's mask most (ties: the segmenter's ranking).
	 */
	private SegmentedObject next(ImageEmbedding embedding, ObjectPrompt prompt, int id, SegmentedObject previous) {
		if (options.candidateChoice() == CandidateChoice.MODEL) return segmenter.decode(embedding, prompt, id).get(0);
		SegmentedObject best = null;
		double bestIou = -1;
		for (SegmentedObject c : allCandidates.decode(embedding, prompt, id)) {
			double iou = c.mask().iou(previous.mask());
			if (iou > bestIou) {
				best = c;
				bestIou = iou;
			}
		}
		return best.withId(id);
	}

	/**
	 * @param axes how the plane numbers decompose into channel, z and t; must cover {@code planes}
	 * @param prompts the annotations: each on its plane ({@link ObjectPrompt#slice()})
	 * @throws IllegalArgumentException for an axis with a single plane, a prompt without plane or on a missing
	 *           plane, or outside the image; nothing has run then
	 */
	public PropagationResult propagate(PlaneSource planes, PlaneAxes axes, List<ObjectPrompt> prompts,
		TaskMonitor monitor)
	{
		if (axes.planeCount() != planes.planeCount()) throw new IllegalArgumentException("The axes " + axes +
			" describe " + axes.planeCount() + " planes, but the image has " + planes.planeCount());
		axes.checkPropagationAxis(options.axis());
		SeedPlan plan = SeedPlan.of(prompts, axes, options.axis(), options.maxPlanes(), planes.width(), planes
			.height());
		Walk walk = new Walk(planes, axes, monitor, plan);
		EarlyStop stop = null;
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(segmenter, planes, prefetch, monitor)) {
			walk.prefetcher = prefetcher;
			for (Map.Entry<Integer, List<SeedPlan.Seed>> line : plan.byLine.entrySet()) {
				walk.sweep(line.getKey(), line.getValue(), -1);
				walk.sweep(line.getKey(), line.getValue(), +1);
			}
		}
		catch (OutOfMemoryError | RuntimeException e) {
			stop = EarlyStop.of(e, walk.where(), segmenter.cache());
		}
		return walk.result(stop);
	}

	/** The state of one run: objects found so far and why each walk stopped. */
	private final class Walk {

		final PlaneSource planes;
		final PlaneAxes axes;
		final TaskMonitor monitor;
		final SeedPlan plan;
		final ProgressClock clock;
		final List<SegmentedObject> found = new ArrayList<>();
		final Map<Integer, List<String>> stops = new LinkedHashMap<>();
		final NonFiniteNotes nonFinite = new NonFiniteNotes();
		EmbeddingPrefetcher prefetcher;
		int visited;
		int currentPlane;
		boolean warnedCache;

		Walk(PlaneSource planes, PlaneAxes axes, TaskMonitor monitor, SeedPlan plan) {
			this.planes = planes;
			this.axes = axes;
			this.monitor = monitor;
			this.plan = plan;
			this.clock = new ProgressClock(monitor, plan.planesToVisit(axes.size(options.axis())));
			for (int id : plan.names.keySet())
				stops.put(id, new ArrayList<>());
		}

		/** Visits the planes of one line in one direction, starting at its first seed in that direction. */
		void sweep(int line, List<SeedPlan.Seed> seeds, int direction) {
			String axis = options.axis();
			int size = axes.size(axis);
			int start = direction < 0 ? 1 : size;
			for (SeedPlan.Seed s : seeds)
				start = direction < 0 ? Math.max(start, s.coordinate) : Math.min(start, s.coordinate);
			List<Walker> active = new ArrayList<>();
			for (int c = start; c >= 1 && c <= size; c += direction) {
				int plane = axes.step(line, axis, c - 1);
				List<SeedPlan.Seed> here = new ArrayList<>();
				boolean seedsBeyond = false;
				for (SeedPlan.Seed s : seeds) {
					if (s.coordinate == c) here.add(s);
					if ((s.coordinate - c) * direction > 0) seedsBeyond = true;
				}
				List<SeedPlan.Seed> toDecode = direction < 0 ? here : new ArrayList<>();
				if (!toDecode.isEmpty() || !active.isEmpty()) {
					currentPlane = plane;
					monitor.checkCancelled();
					visit(plane, toDecode, active, seedsBeyond || active.size() >= 2 ? axes.step(plane, axis, direction)
						: 0);
				}
				for (SeedPlan.Seed s : here)
					if (s.result != null && !s.result.mask().isEmpty()) {
						int limit = direction < 0 ? s.limitDown : s.limitUp;
						String reason = direction < 0 ? s.limitDownReason : s.limitUpReason;
						if (limit > 0) active.add(new Walker(s, s.result, limit, reason));
						else stop(s.objectId, axis + " " + c + ": " + reason);
					}
				clock.report("Propagating along " + axis + ": plane " + plane, ++visited);
				if (active.isEmpty() && !seedsBeyond) break;
			}
			for (Walker w : active)
				stop(w.seed.objectId, axis + " " + axes.coordinate(w.previous.slice(), axis) + ": end of the axis");
		}

		/** Decodes the seeds and walkers that reach {@code plane}; walkers that stop leave {@code active}. */
		void visit(int plane, List<SeedPlan.Seed> seeds, List<Walker> active, int prefetchPlane) {
			String at = options.axis() + " " + axes.coordinate(plane, options.axis());
			RandomAccessibleInterval<?> pixels = planes.plane(plane);
			if (BlankPlanes.isBlank(pixels)) {
				for (SeedPlan.Seed s : seeds) {
					monitor.warn("Object " + s.objectId + " is annotated on plane " + plane +
						", which is blank (every pixel the same value): nothing to segment there");
					stop(s.objectId, at + ": annotated on a blank plane");
				}
				for (Walker w : active)
					stop(w.seed.objectId, at + ": blank plane");
				active.clear();
				return;
			}
			nonFinite.add(plane, pixels);
			prefetcher.prefetch(prefetchPlane);
			ImageEmbedding embedding = prefetcher.get(plane);
			warnIfTheCacheIsTooSmall(embedding.sizeInBytes());
			for (SeedPlan.Seed s : seeds) {
				s.result = segmenter.decode(embedding, s.prompt, s.objectId).get(0);
				if (s.result.mask().isEmpty()) {
					monitor.warn("Object " + s.objectId + ": the prompt on plane " + plane +
						" gives an empty mask, so there is nothing to propagate");
					stop(s.objectId, at + ": empty mask on the annotated plane");
				}
				else found.add(s.result);
			}
			for (Walker w : new ArrayList<>(active)) {
				ObjectPrompt prompt = PromptFromMask.next(w.previous.mask(), w.previous.lowRes(), options, plane, w.seed.name);
				SegmentedObject next = next(embedding, prompt, w.seed.objectId, w.previous);
				String verdict = StopRules.verdict(next, w.previous, options);
				if (verdict != null) {
					stop(w.seed.objectId, at + ": " + verdict);
					active.remove(w);
					continue;
				}
				found.add(next);
				w.previous = next;
				if (--w.remaining == 0) {
					stop(w.seed.objectId, at + ": " + w.limitReason);
					active.remove(w);
				}
			}
		}

		/**
		 * Planes between annotated planes are visited twice (down, then up); when their embeddings do not fit the
		 * memory cache and no disk cache backs it, they are encoded twice. Says so once, with what to do.
		 */
		void warnIfTheCacheIsTooSmall(long embeddingBytes) {
			if (warnedCache || segmenter.cache().hasStore()) return;
			warnedCache = true;
			long needed = embeddingBytes * planes.planeCount();
			if (needed > segmenter.cache().maxBytes()) monitor.warn("The embeddings of " + planes.planeCount() +
				" planes (" + (needed >> 20) + " MiB) do not fit the memory cache (" + (segmenter.cache().maxBytes() >> 20) +
				" MiB): planes visited twice may be encoded twice; set a disk cache directory to avoid it");
		}

		void stop(int id, String why) {
			stops.get(id).add(why);
		}

		String where() {
			return currentPlane == 0 ? "the start" : "plane " + currentPlane;
		}

		PropagationResult result(EarlyStop stop) {
			found.sort(Comparator.comparingInt(SegmentedObject::id).thenComparingInt(SegmentedObject::slice));
			List<PropagationResult.Track> tracks = new ArrayList<>();
			for (Map.Entry<Integer, String> o : plan.names.entrySet()) {
				TreeSet<Integer> on = new TreeSet<>();
				for (SegmentedObject s : found)
					if (s.id() == o.getKey()) on.add(s.slice());
				tracks.add(new PropagationResult.Track(o.getKey(), o.getValue(), new ArrayList<>(on), stops.get(o
					.getKey())));
			}
			SegmentationResult segmentation = new SegmentationResult(planes.width(), planes.height(), planes
				.planeCount(), found, true, nonFinite.lines());
			if (stop != null) segmentation = segmentation.stoppedEarly(stop.reason(), stop.failure());
			return new PropagationResult(segmentation, tracks);
		}
	}

	/** One object walking from one seed in one direction. */
	private static final class Walker {

		final SeedPlan.Seed seed;
		final String limitReason;
		SegmentedObject previous;
		int remaining;

		Walker(SeedPlan.Seed seed, SegmentedObject previous, int remaining, String limitReason) {
			this.seed = seed;
			this.previous = previous;
			this.remaining = remaining;
			this.limitReason = limitReason;
		}
	}
}
