package io.github.samfiji.ij;

import ij.ImagePlus;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.PromptSegmenter;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.SharedModels;
import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.cache.EmbeddingCache;
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
		ImagePlusPlanes planes = new ImagePlusPlanes(image);
		monitor.progress("Loading model " + (model == null ? "" : model), 0, 0);
		try (SharedModels.Lease lease = SharedModels.instance().acquire(model, engine)) {
			SegmentationResult result = new PromptSegmenter(lease.model(), options, EmbeddingCache.shared()).segment(planes,
				prompts, monitor);
			return new SegmentationOutputs(result, image);
		}
	}
}
