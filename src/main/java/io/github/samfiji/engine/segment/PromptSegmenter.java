package io.github.samfiji.engine.segment;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.cache.EmbeddingCheck;
import io.github.samfiji.engine.cache.EmbeddingKey;
import io.github.samfiji.engine.cache.PlaneFingerprint;
import io.github.samfiji.engine.decode.DecoderOutput;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.region.EncodingNotes;
import io.github.samfiji.engine.region.NonFiniteNotes;
import io.github.samfiji.engine.region.RegionPlan;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.task.ProgressClock;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import net.imglib2.RandomAccessibleInterval;

/**
 * Segments objects from prompts with an opened {@link SamModel}: each plane that has prompts is encoded once, and
 * its embedding serves all of that plane's prompts; or, depending on the options' {@code encoding}, crops or tiles
 * of large planes are encoded, each once, and serve the prompts inside them ({@link RegionSegmentation}). This is
 * the one code path behind the commands, the macro entry, the interactive tool and the command line.
 * <p>
 * Blocking and not thread-confined: call it from a worker thread, never the event thread. The model is not
 * closed by this class.
 */
public final class PromptSegmenter {

	private final SamModel model;
	private final SegmentationOptions options;
	private final EmbeddingCache cache;
	private final boolean prefetch;

	/** A segmenter that encodes every plane it is given (no cache). */
	public PromptSegmenter(SamModel model, SegmentationOptions options) {
		this(model, options, EmbeddingCache.none());
	}

	/** A segmenter that takes embeddings from {@code cache} and computes only the missing ones. */
	public PromptSegmenter(SamModel model, SegmentationOptions options, EmbeddingCache cache) {
		this(model, options, cache, EmbeddingPrefetcher.worthwhile());
	}

	private PromptSegmenter(SamModel model, SegmentationOptions options, EmbeddingCache cache, boolean prefetch) {
		this.model = model;
		this.options = options;
		this.cache = cache;
		this.prefetch = prefetch;
	}

	/**
	 * The same segmenter, encoding the next plane of a stack in the background while the current one is decoded
	 * ({@code true}) or not; by default it does so when {@link EmbeddingPrefetcher#worthwhile()}.
	 */
	public PromptSegmenter withPrefetch(boolean enabled) {
		return new PromptSegmenter(model, options, cache, enabled);
	}

	/** Whether {@link #segment} encodes the next plane while decoding the current one. */
	public boolean prefetches() { return prefetch; }

	public SamModel model() { return model; }

	public SegmentationOptions options() { return options; }

	public EmbeddingCache cache() { return cache; }

	/**
	 * The embedding of one 2D plane (grey {@code RealType} or {@code ARGBType}), from the cache when the same
	 * content was encoded before with this model and intensity mapping; the plane is only read.
	 */
	public ImageEmbedding encode(RandomAccessibleInterval<?> plane) {
		return encode(plane, TaskMonitor.NONE);
	}

	/**
	 * The same, cancellable: a cancelled {@code monitor} stops the encoder run within about 50 ms (nothing is
	 * cached then). For the interactive tool, whose user may close the image or move on while a plane is encoded.
	 *
	 * @throws java.util.concurrent.CancellationException when cancelled
	 */
	public ImageEmbedding encode(RandomAccessibleInterval<?> plane, TaskMonitor monitor) {
		return encode(plane, PlaneFingerprint.of(plane), monitor);
	}

	/** The same, for a plane whose {@link PlaneFingerprint} is already known. */
	public ImageEmbedding encode(RandomAccessibleInterval<?> plane, String fingerprint) {
		return encode(plane, fingerprint, TaskMonitor.NONE);
	}

	/** The same, cancellable, for a plane whose {@link PlaneFingerprint} is already known. */
	public ImageEmbedding encode(RandomAccessibleInterval<?> plane, String fingerprint, TaskMonitor monitor) {
		return cache.get(embeddingKey(fingerprint, EmbeddingKey.WHOLE_PLANE), embeddingCheck((int) plane.dimension(0),
			(int) plane.dimension(1)), () -> model.encoder().encode(model.preprocessor().prepare(plane, options
				.intensityMapping()), monitor));
	}

	/**
	 * What a stored embedding of a {@code width x height} plane or region must be to be used: this model's, of that
	 * geometry, of the encoder's shapes, finite.
	 */
	public EmbeddingCheck embeddingCheck(int width, int height) {
		return EmbeddingCheck.of(model.descriptor().id(), ResizeGeometry.of(width, height, model.descriptor()
			.preprocessing()), model.encoder().outputShapes());
	}

	/** The cache key of this segmenter's embedding of a region of the plane with the given fingerprint. */
	public EmbeddingKey embeddingKey(String planeFingerprint, String region) {
		return new EmbeddingKey(model.embeddingIdentity(), planeFingerprint, options.intensityMapping().canonical(),
			region);
	}

	/**
	 * Decodes one object's prompt on an embedding: the candidates its multimask mode keeps
	 * ({@link SegmentationOptions#modeFor}: one mask, or several for {@code ALL}), or every candidate ranked when the
	 * options ask for that. Ids are numbered from {@code firstId}.
	 *
	 * @throws IllegalArgumentException when a prompt lies outside the embedded plane
	 */
	public List<SegmentedObject> decode(ImageEmbedding embedding, ObjectPrompt prompt, int firstId) {
		int w = embedding.geometry().originalWidth(), h = embedding.geometry().originalHeight();
		prompt.checkInside(w, h, prompt.name() == null ? "Prompt" : prompt.name());
		DecoderOutput out = model.decoder().decode(embedding, prompt);
		List<SegmentedObject> objects = new ArrayList<>();
		MultimaskMode mode = options.modeFor(prompt);
		for (int k : options.rankedCandidates() ? mode.ranking(out) : mode.select(out)) {
			ObjectMask mask = ObjectMask.threshold(out.logits(k), 0, w, h, 0f);
			objects.add(new SegmentedObject(firstId + objects.size(), prompt, mask, out.predictedIou(k), out.lowRes(
				k)));
		}
		return objects;
	}

	/**
	 * Segments every prompt on its plane; a prompt {@link ObjectPrompt#onEveryPlane() on every plane} is segmented on
	 * each plane as one object (one id on all planes). Objects are numbered from 1 in prompt order. All prompts are
	 * checked before any model runs. Planes are visited in order of first use; when a plane is encoded in crops or
	 * tiles, its prompts are decoded region by region ({@link RegionPlan#groupedOrder()}), so each region is encoded
	 * once. When {@link #prefetches()}, the next plane's whole-plane embedding is computed in the background into the
	 * cache (so only with a memory cache). On cancellation (checked between planes and between objects), and on
	 * running out of memory or another failure of the model run once an object is finished, the result holds the
	 * objects finished so far, {@link SegmentationResult#isComplete()} is false and
	 * {@link SegmentationResult#stoppedBecause()} says why (and, out of memory, what to do: see {@link EarlyStop}); the
	 * regions encoded so far stay in the cache, except after out of memory, which empties it. The result's notes say
	 * how each plane was encoded and how many NaN or infinite pixels were left out of the intensity mapping.
	 *
	 * @throws IllegalArgumentException when there are no prompts, or a prompt names a missing plane or lies outside
	 *           the image (the message names the prompt), or for an image the model cannot read
	 * @throws OutOfMemoryError or the {@link RuntimeException} of a failed model run, when it comes before any object
	 *           is finished (the cache is emptied on out of memory)
	 */
	public SegmentationResult segment(PlaneSource image, List<ObjectPrompt> prompts, TaskMonitor monitor) {
		PlanePrompts work = PlanePrompts.of(prompts, image);
		List<List<SegmentedObject>> perPrompt = new ArrayList<>();
		for (int i = 0; i < work.size(); i++) perPrompt.add(null);
		EarlyStop stop = null;
		int slice = 0;
		int[] done = { 0 };
		EncodingNotes notes = new EncodingNotes();
		NonFiniteNotes nonFinite = new NonFiniteNotes();
		ProgressClock clock = new ProgressClock(monitor, work.size());
		List<Integer> slices = new ArrayList<>(work.bySlice().keySet());
		try (EmbeddingPrefetcher prefetcher = new EmbeddingPrefetcher(this, image, prefetch && cache.maxBytes() > 0,
			monitor))
		{
			for (int s = 0; s < slices.size(); s++) {
				slice = slices.get(s);
				List<Integer> here = work.bySlice().get(slice);
				monitor.checkCancelled();
				String plane = "Encoding slice " + slice;
				clock.report(plane, done[0]);
				prefetcher.prefetch(s + 1 < slices.size() ? slices.get(s + 1) : 0);
				RandomAccessibleInterval<?> pixels = image.plane(slice);
				nonFinite.add(slice, pixels);
				RegionSegmentation regions = new RegionSegmentation(this, pixels);
				List<ObjectPrompt> onPlane = new ArrayList<>();
				for (int i : here) onPlane.add(work.prompt(i));
				RegionPlan plan = regions.plan(onPlane);
				notes.add(slice, plan);
				for (int k : plan.groupedOrder()) {
					monitor.checkCancelled();
					int i = here.get(k);
					perPrompt.set(i, regions.segment(onPlane.get(k), plan.regions().get(k), 1, what -> monitor.progress(plane +
						", " + what, done[0], work.size()), monitor));
					monitor.progress("Decoding object " + (work.origin(i) + 1), ++done[0], work.size());
				}
			}
		}
		catch (CancellationException e) {
			stop = EarlyStop.of(e, "slice " + slice, cache);
		}
		catch (IllegalArgumentException e) {
			throw e; // bad input (e.g. an unsupported pixel type), not a failure of the run
		}
		catch (OutOfMemoryError | RuntimeException e) {
			stop = EarlyStop.of(e, "slice " + slice, cache);
			if (done[0] == 0) throw e; // nothing finished to keep
		}
		List<String> lines = new ArrayList<>(notes.lines());
		lines.addAll(nonFinite.lines());
		SegmentationResult result = new SegmentationResult(image.width(), image.height(), image.planeCount(), work
			.numbered(perPrompt), stop == null, lines);
		return stop == null ? result : result.stoppedEarly(stop.reason(), stop.failure());
	}
}
