package io.github.samfiji.ij;

import ij.ImagePlus;

import io.github.samfiji.engine.EmbeddingPrefetcher;
import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.PromptSegmenter;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.SharedModels;
import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.cache.CacheCounts;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.propagate.ObjectPropagator;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.engine.propagate.PropagationResult;

import java.io.IOException;
import java.util.List;

/**
 * The one code path that propagates annotated objects through an ImageJ stack or hyperstack (along z or t), shared
 * by the ImageJ 1 macro entry, the SciJava command and the command line. The label image has one label per object
 * on all its planes. When the run stops early (cancelled, out of memory, a failure), the planes finished are kept
 * and the first note says why. Blocking: call it off the event thread. The image and prompts are only read.
 */
public final class ObjectPropagation {

	private ObjectPropagation() {}

	/**
	 * @param prompts each object annotated on one or more planes (stack positions of {@code image}); prompts with the
	 *          same name are one object
	 * @throws IOException when the model cannot be opened
	 * @throws IllegalArgumentException for a wrong axis (e.g. t on an image with one frame), a prompt without
	 *           position or on a missing plane; nothing has run then
	 */
	public static SegmentationOutputs run(ImagePlus image, List<ObjectPrompt> prompts, String model,
		SegmentationOptions options, EngineOptions engine, PropagationOptions propagation, StackOptions stack,
		TaskMonitor monitor) throws IOException
	{
		StackPlanes planes = StackPlanes.of(image, stack.channels(), options.intensityMapping());
		List<ObjectPrompt> placed = planes.place(prompts);
		planes.checkLabelMemory();
		planes.axes().checkPropagationAxis(propagation.axis());
		EmbeddingCache cache = PromptSegmentation.cache(stack, monitor);
		monitor.progress("Loading model " + (model == null ? "" : model), 0, 0);
		try (SharedModels.Lease lease = SharedModels.instance().acquire(model, engine)) {
			CacheCounts before = CacheCounts.of(cache);
			PromptSegmenter segmenter = new PromptSegmenter(lease.model(), options, cache);
			PropagationResult result = new ObjectPropagator(segmenter, propagation, EmbeddingPrefetcher.worthwhile())
				.propagate(planes.planes(), planes.axes(), placed, monitor);
			SegmentationOutputs outputs = new SegmentationOutputs(result.segmentation(), image, planes.labelDimensions(),
				options.intensityMapping().describe());
			outputs.notes().add("Propagation: " + propagation);
			for (PropagationResult.Track t : result.tracks())
				outputs.notes().add("  " + t);
			outputs.notes().add(CacheCounts.of(cache).since(before).toString());
			return outputs;
		}
	}
}
