package io.github.samfiji.engine.segment;

import io.github.samfiji.engine.cache.EmbeddingKey;
import io.github.samfiji.engine.cache.PlaneFingerprint;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.preprocess.PlaneRange;
import io.github.samfiji.engine.region.Region;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;

/**
 * Encodes regions of one plane through a segmenter's cache. The whole plane is encoded exactly as
 * {@link PromptSegmenter#encode} does (same key, so whole-plane and region modes share it); any other region is
 * keyed by the whole plane's fingerprint and {@link Region#cacheKey()}, and converted with the intensity range of
 * the whole plane ({@link PlaneRange}), so that every crop and tile sees the plane's own grey levels. The plane's
 * fingerprint and range are computed once, when first needed. Not thread-safe; the plane is only read.
 */
public final class PlaneRegions {

	private final PromptSegmenter segmenter;
	private final RandomAccessibleInterval<?> plane;
	private final int width;
	private final int height;
	private String fingerprint;
	private IntensityMapping range;

	public PlaneRegions(PromptSegmenter segmenter, RandomAccessibleInterval<?> plane) {
		if (plane.numDimensions() != 2) throw new IllegalArgumentException("Expected a 2D plane, got " + plane
			.numDimensions() + " dimensions");
		this.segmenter = segmenter;
		this.plane = plane;
		this.width = (int) plane.dimension(0);
		this.height = (int) plane.dimension(1);
	}

	public int width() { return width; }

	public int height() { return height; }

	public RandomAccessibleInterval<?> plane() { return plane; }

	public PromptSegmenter segmenter() { return segmenter; }

	/** The side of the model's square input. */
	public int inputSize() { return segmenter.model().descriptor().preprocessing().inputSize(); }

	/**
	 * The same plane for another segmenter of the same model (e.g. with another multimask mode, or the same model
	 * leased again): the fingerprint is kept, and the intensity range too when the intensity mapping is the same.
	 */
	public PlaneRegions with(PromptSegmenter other) {
		PlaneRegions p = new PlaneRegions(other, plane);
		p.fingerprint = fingerprint;
		if (other.options().intensityMapping().equals(segmenter.options().intensityMapping())) p.range = range;
		return p;
	}

	/** The embedding of {@code region}, from the cache or computed (then cached). */
	public ImageEmbedding encode(Region region) {
		return encode(region, TaskMonitor.NONE);
	}

	/**
	 * The same, cancellable: a cancelled {@code monitor} stops the encoder run (nothing is cached then).
	 *
	 * @throws java.util.concurrent.CancellationException when cancelled
	 */
	public ImageEmbedding encode(Region region, TaskMonitor monitor) {
		checkPlane(region);
		if (region.isWholePlane()) return segmenter.encode(plane, fingerprint(), monitor);
		SamModel model = segmenter.model();
		return segmenter.cache().get(key(region), segmenter.embeddingCheck(region.width(), region.height()),
			() -> model.encoder().encode(model.preprocessor().prepare(region.view(plane), range()), monitor));
	}

	/**
	 * Computes what every region's embedding needs of the whole plane (fingerprint, intensity range) now.
	 *
	 * @return whether anything was computed (false when both were known)
	 */
	public boolean prepare() {
		boolean known = fingerprint != null && range != null;
		fingerprint();
		range();
		return !known;
	}

	/** Whether the embedding of {@code region} is in the cache's memory. */
	public boolean isCached(Region region) {
		checkPlane(region);
		return segmenter.cache().containsInMemory(key(region));
	}

	/** The regions of this plane whose embeddings are in the cache's memory now (for this model and mapping). */
	public List<Region> cachedRegions() {
		EmbeddingKey probe = key(Region.whole(width, height));
		List<Region> regions = new ArrayList<>();
		for (EmbeddingKey k : segmenter.cache().keysInMemory()) {
			if (!k.modelId().equals(probe.modelId()) || !k.planeFingerprint().equals(probe.planeFingerprint()) || !k
				.intensityMapping().equals(probe.intensityMapping())) continue;
			Region r = Region.fromKey(k.region(), width, height);
			if (r != null) regions.add(r);
		}
		return regions;
	}

	/** The cache key of {@code region}'s embedding. */
	public EmbeddingKey key(Region region) {
		return segmenter.embeddingKey(fingerprint(), region.cacheKey());
	}

	private String fingerprint() {
		if (fingerprint == null) fingerprint = PlaneFingerprint.of(plane);
		return fingerprint;
	}

	private IntensityMapping range() {
		if (range == null) range = PlaneRange.fixedFor(plane, segmenter.options().intensityMapping());
		return range;
	}

	private void checkPlane(Region region) {
		if (region.planeWidth() != width || region.planeHeight() != height) throw new IllegalArgumentException(region +
			" does not belong to this " + width + "x" + height + " plane");
	}
}
