package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.Region;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.PlaneRegions;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.RegionSegmentation;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decodes the steps of objects prompted on one plane, the same way for the tool and for the
 * {@value ObjectMacro#COMMAND} macro command, so that a replay gets the tool's masks. The segmenter's encoding
 * options decide ({@link RegionSegmentation#interactiveMode()}): a plane encoded whole is decoded on its whole
 * embedding, as the tool always did; otherwise each step is decoded on the tile or crop that
 * {@link RegionSegmentation#stepRegion} chooses from its prompt and the region of the step before, encoded when
 * first needed (then cached), and a mask that leaves its region is decoded again on a crop around it. Either way
 * the objects' {@link SegmentedObject#region()} says where they were decoded. Blocking; not thread-safe.
 */
final class PlaneSteps {

	private final PromptSegmenter ranked;
	private final RegionSegmentation regions;
	private final EncodingMode mode;
	private final Supplier<ImageEmbedding> whole;
	private final TaskMonitor monitor;
	private ImageEmbedding wholeEmbedding;

	/**
	 * @param plane the plane for a segmenter (the one that ranks the candidates)
	 * @param whole the plane's whole embedding, asked for once and only when the plane is encoded whole
	 * @param monitor hears "encoding REGION" before a tile or crop is encoded, and can cancel that
	 */
	PlaneSteps(PromptSegmenter segmenter, MultimaskMode multimask, Function<PromptSegmenter, PlaneRegions> plane,
		Supplier<ImageEmbedding> whole, TaskMonitor monitor)
	{
		this.ranked = ObjectDecoding.ranked(segmenter, multimask);
		this.regions = new RegionSegmentation(plane.apply(ranked));
		this.mode = regions.interactiveMode();
		this.whole = whole;
		this.monitor = monitor;
	}

	/** How the plane is encoded: whole, tiles or crop. */
	EncodingMode mode() { return mode; }

	/**
	 * Computes ahead of the first prompt what every prompt needs: the whole embedding (its supplier reports that),
	 * or the plane's fingerprint and intensity range.
	 *
	 * @return whether the fingerprint and range were computed now (false when ready, or when the plane is whole)
	 */
	boolean prepare() {
		if (mode != EncodingMode.WHOLE) return regions.regions().prepare();
		wholeEmbedding();
		return false;
	}

	/**
	 * The candidate masks of one step, best first (see {@link ObjectDecoding#ranked}).
	 *
	 * @throws java.util.concurrent.CancellationException when the monitor cancelled an encoder run
	 */
	List<SegmentedObject> candidates(ObjectEditor.Request request) {
		if (mode != EncodingMode.WHOLE) {
			Region previous = Region.fromLabel(request.previousRegion, regions.regions().width(), regions.regions()
				.height());
			return regions.segmentStep(request.prompt, previous, monitor);
		}
		List<SegmentedObject> objects = new ArrayList<>();
		for (SegmentedObject o : ranked.decode(wholeEmbedding(), request.prompt, 1))
			objects.add(new SegmentedObject(o.id(), o.prompt(), o.mask(), o.predictedIou(), o.lowRes(), o
				.stabilityScore(), Region.whole(regions.regions().width(), regions.regions().height()).label()));
		return objects;
	}

	private ImageEmbedding wholeEmbedding() {
		if (wholeEmbedding == null) wholeEmbedding = whole.get();
		return wholeEmbedding;
	}
}
