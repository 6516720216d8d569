package io.github.samfiji.ij;

import ij.ImagePlus;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.PromptSegmenter;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.SharedModels;
import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.cache.CacheCounts;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.cache.SharedEmbeddingCaches;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;

import java.io.IOException;
import java.util.List;

/**
 * The one code path from an ImageJ image and prompts to {@link SegmentationOutputs}, shared by the SciJava
 * command, the ImageJ 1 macro entry and the command line. Blocking: call it off the event thread. The image and
 * the prompts are only read.
 */
public final class PromptSegmentation {

	private PromptSegmentation() {}

	/**
	 * @param model installed model id or descriptor path ({@code null} for the default model)
	 * @throws IOException when the model cannot be opened; the message says how to install or repair it
	 * @throws IllegalArgumentException for unsupported images or prompts outside the image
	 */
	public static SegmentationOutputs run(ImagePlus image, List<ObjectPrompt> prompts, String model,
		SegmentationOptions options, EngineOptions engine, TaskMonitor monitor) throws IOException
	{
		return run(image, prompts, model, options, engine, StackOptions.defaults(), monitor);
	}

	/**
	 * The same with a channel choice, prompts on every plane and a disk cache ({@link StackOptions}). The outputs'
	 * notes say how many planes were encoded and how many embeddings came from the caches.
	 */
	public static SegmentationOutputs run(ImagePlus image, List<ObjectPrompt> prompts, String model,
		SegmentationOptions options, EngineOptions engine, StackOptions stack, TaskMonitor monitor) throws IOException
	{
		StackPlanes planes = StackPlanes.of(image, stack.channels(), options.intensityMapping());
		List<ObjectPrompt> placed = planes.place(prompts);
		planes.checkLabelMemory();
		EmbeddingCache cache = cache(stack, monitor);
		monitor.progress("Loading model " + (model == null ? "" : model), 0, 0);
		try (SharedModels.Lease lease = SharedModels.instance().acquire(model, engine)) {
			CacheCounts before = CacheCounts.of(cache);
			SegmentationResult result = new PromptSegmenter(lease.model(), options, cache).segment(planes.planes(), placed,
				monitor);
			SegmentationOutputs outputs = new SegmentationOutputs(result, image, planes.labelDimensions(), options
				.intensityMapping().describe());
			outputs.notes().add(CacheCounts.of(cache).since(before).toString());
			return outputs;
		}
	}

	/** The shared cache for the run's disk cache directory (memory only without one). */
	static EmbeddingCache cache(StackOptions stack, TaskMonitor monitor) {
		return SharedEmbeddingCaches.forDirectory(stack.cacheDirectory(), monitor::warn);
	}
}
