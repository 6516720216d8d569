package io.github.samfiji.engine.segment;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.region.CropPlanner;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.engine.region.LowResFrames;
import io.github.samfiji.engine.region.PromptBounds;
import io.github.samfiji.engine.region.Region;
import io.github.samfiji.engine.region.RegionPlan;
import io.github.samfiji.engine.region.RegionPlanner;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import net.imglib2.RandomAccessibleInterval;

/**
 * Segments prompts of one plane on regions of it: {@link #plan} chooses where each prompt is decoded
 * ({@link RegionPlanner}); {@link #segment} encodes that region (through the segmenter's cache; the last few
 * embeddings are also kept here, so prompts taken in {@link RegionPlan#groupedOrder()} encode each region once even
 * without a cache), decodes the prompt moved into the region, and moves the masks back into the plane, exactly
 * (integer shifts).
 * <p>
 * <b>Objects that leave their region.</b> A mask that reaches an inner edge of its region (within
 * {@value #EDGE_TOLERANCE} pixel) may belong to an object that continues beyond it. Such a prompt is decoded once
 * more on a crop around the prompt and that mask, grown by the crop margin ({@link CropPlanner#windowAround}); the
 * second result is kept whatever it touches. The whole plane has no inner edges.
 * <p>
 * <b>Mask prompts.</b> A prompt's mask input is moved into the chosen region's model frame when it came from
 * another region ({@link LowResFrames}); the objects' low-resolution logits are marked with their region's frame.
 * <p>
 * Blocking; not thread-safe. The plane is only read.
 */
public final class RegionSegmentation {

	/** Pixels between a mask and an inner region edge below which the object counts as cut. */
	public static final int EDGE_TOLERANCE = 1;
	private static final int RECENT = 3;

	private final PlaneRegions regions;
	private final EncodingOptions options;
	private final RegionPlanner planner;
	private final CropPlanner retries;
	/** The last few embeddings used, so that a plane's regions are encoded once even without a cache. */
	private final Map<Region, ImageEmbedding> recent = new LinkedHashMap<Region, ImageEmbedding>(8, 0.75f, true) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Region, ImageEmbedding> eldest) {
			return size() > RECENT;
		}
	};

	public RegionSegmentation(PromptSegmenter segmenter, RandomAccessibleInterval<?> plane) {
		this(new PlaneRegions(segmenter, plane));
	}

	/** On the plane of {@code regions}, with its segmenter (whose encoding options apply). */
	public RegionSegmentation(PlaneRegions regions) {
		this.regions = regions;
		this.options = regions.segmenter().options().encoding();
		this.planner = new RegionPlanner(options, regions.width(), regions.height(), regions.inputSize());
		this.retries = planner.crops(new ArrayList<>());
	}

	public PlaneRegions regions() { return regions; }

	/** Where each prompt is decoded; depends only on the prompts, the plane size and the options (not the cache). */
	public RegionPlan plan(List<ObjectPrompt> prompts) {
		List<double[]> bounds = new ArrayList<>();
		for (ObjectPrompt p : prompts)
			bounds.add(PromptBounds.of(p, regions.width(), regions.height()));
		return planner.plan(bounds);
	}

	/**
	 * Decodes one object's prompt on {@code region} (re-decoding on a larger crop when the mask leaves it, see the
	 * class comment). Objects are numbered from {@code firstId}; their prompt is the given one (plane coordinates)
	 * and their {@link SegmentedObject#region()} the region finally used.
	 *
	 * @param status receives a message before a region is encoded (not before one found in the cache)
	 */
	public List<SegmentedObject> segment(ObjectPrompt prompt, Region region, int firstId, Consumer<String> status) {
		return segment(prompt, region, firstId, status, TaskMonitor.NONE, retries);
	}

	/** The same, with a monitor that cancels encoder runs. */
	public List<SegmentedObject> segment(ObjectPrompt prompt, Region region, int firstId, Consumer<String> status,
		TaskMonitor monitor)
	{
		return segment(prompt, region, firstId, status, monitor, retries);
	}

	/** The mode interactive steps use on this plane ({@link RegionPlanner#interactiveMode()}). */
	public EncodingMode interactiveMode() { return planner.interactiveMode(); }

	/**
	 * Where one step of an interactively prompted object is decoded ({@link RegionPlanner#stepRegion}): a function
	 * of the step's prompt and the region of the step before only.
	 *
	 * @param previous the region the step before was decoded on, or {@code null} for the first step
	 */
	public Region stepRegion(ObjectPrompt prompt, Region previous) {
		return planner.stepRegion(PromptBounds.of(prompt, regions.width(), regions.height()), previous);
	}

	/**
	 * Decodes one step of an interactively prompted object (the prompt as it stands after that step, with the
	 * previous step's mask as mask input) on {@link #stepRegion}; a mask that leaves the region is decoded again on a
	 * crop planned for this step alone, so that the result depends on nothing decoded before (a macro replaying the
	 * steps gets the same masks). Objects are numbered from 1.
	 *
	 * @param monitor hears "encoding REGION" before a region that is not cached is encoded; cancels the encoder run
	 * @throws java.util.concurrent.CancellationException when {@code monitor} cancelled an encoder run
	 */
	public List<SegmentedObject> segmentStep(ObjectPrompt prompt, Region previous, TaskMonitor monitor) {
		return segment(prompt, stepRegion(prompt, previous), 1, what -> monitor.progress(what, 0, 0), monitor, planner
			.crops(new ArrayList<>()));
	}

	private List<SegmentedObject> segment(ObjectPrompt prompt, Region region, int firstId, Consumer<String> status,
		TaskMonitor monitor, CropPlanner retryCrops)
	{
		List<SegmentedObject> objects = decodeOn(prompt, region, firstId, status, monitor);
		if (region.isWholePlane()) return objects;
		double[] reach = PromptBounds.of(prompt, regions.width(), regions.height());
		boolean cut = false;
		for (SegmentedObject o : objects) {
			ObjectMask m = o.mask();
			if (m.isEmpty()) continue;
			cut |= region.touchesInnerEdge(m, EDGE_TOLERANCE);
			reach = PromptBounds.union(reach, new double[] { m.boundsX(), m.boundsY(), m.boundsX() + m.boundsWidth(), m
				.boundsY() + m.boundsHeight() });
		}
		if (!cut) return objects;
		Region larger = retryCrops.cropFor(reach);
		return larger.equals(region) ? objects : decodeOn(prompt, larger, firstId, status, monitor);
	}

	private List<SegmentedObject> decodeOn(ObjectPrompt prompt, Region region, int firstId, Consumer<String> status,
		TaskMonitor monitor)
	{
		ImageEmbedding embedding = recent.get(region);
		if (embedding == null) {
			if (!region.isWholePlane() && !regions.isCached(region)) status.accept("encoding " + region.label());
			embedding = regions.encode(region, monitor);
			recent.put(region, embedding);
		}
		ObjectPrompt local = region.toLocal(prompt);
		LowResMask maskInput = prompt.maskInput();
		if (maskInput != null) local = local.withMaskInput(LowResFrames.into(maskInput, region, regions.segmenter()
			.model().descriptor().preprocessing()));
		List<SegmentedObject> objects = new ArrayList<>();
		for (SegmentedObject o : regions.segmenter().decode(embedding, local, firstId))
			objects.add(new SegmentedObject(o.id(), prompt, region.toPlane(o.mask()), o.predictedIou(), o.lowRes() == null
				? null : LowResFrames.frameOf(o.lowRes(), region), o.stabilityScore(), region.label()));
		return objects;
	}
}
