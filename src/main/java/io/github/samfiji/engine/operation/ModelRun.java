package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.cache.CacheCounts;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.cache.EmbeddingCaches;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.ModelPool;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every operation does around its own work: takes the run's embedding cache, leases the model, gives the work
 * a {@link PromptSegmenter}, and returns the {@link RunResult} with the embedding counts.
 */
final class ModelRun {

	/** An operation's own work. */
	@FunctionalInterface
	interface Work {

		/**
		 * @param notes lines for the log, added to
		 * @throws IOException when a further model file (e.g. more decoder sessions) cannot be opened
		 */
		SegmentationResult run(PromptSegmenter segmenter, List<String> notes) throws IOException;
	}

	private ModelRun() {}

	/**
	 * @throws IOException when the model cannot be opened; the message says how to install or repair it
	 */
	static RunResult run(RunSettings settings, ChosenPlanes planes, ModelPool models, EmbeddingCaches caches,
		TaskMonitor monitor, Work work) throws IOException
	{
		planes.checkLabelMemory();
		String notice = planes.channelNotice();
		if (notice != null) monitor.warn(notice);
		EmbeddingCache cache = caches.forDirectory(settings.cacheDirectory(), monitor::warn);
		monitor.progress("Loading model " + (settings.model() == null ? "" : settings.model()), 0, 0);
		try (ModelPool.Lease lease = models.acquire(settings.model(), settings.engine())) {
			CacheCounts before = CacheCounts.of(cache);
			List<String> notes = new ArrayList<>();
			SegmentationResult result = work.run(new PromptSegmenter(lease.model(), settings.segmentation(), cache),
				notes);
			if (notice != null) notes.add(notice);
			notes.add(CacheCounts.of(cache).since(before).toString());
			return new RunResult(result, planes.labelDimensions(), settings.segmentation().intensityMapping().describe(),
				notes);
		}
	}

	/** The run's planes after its channel choice. */
	static ChosenPlanes planes(ImageInput image, RunSettings settings) {
		return ChosenPlanes.of(image, settings.channels(), settings.segmentation().intensityMapping());
	}
}
