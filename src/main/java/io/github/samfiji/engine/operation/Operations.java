package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.auto.AdaptiveSegmenter;
import io.github.samfiji.engine.auto.AutomaticSegmenter;
import io.github.samfiji.engine.cache.EmbeddingCaches;
import io.github.samfiji.engine.decode.DecoderPool;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.propagate.ObjectPropagator;
import io.github.samfiji.engine.propagate.PropagationResult;
import io.github.samfiji.engine.refine.LabeledObjects.LabeledPrompt;
import io.github.samfiji.engine.refine.ObjectRefiner;
import io.github.samfiji.engine.sam.ModelPool;
import io.github.samfiji.engine.segment.EmbeddingPrefetcher;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The run method of each operation, over the models and caches of a {@code SamEngine}. Every run checks its input
 * (prompts, planes, memory for the label image) before any model runs, so that bad input fails at once with a clear
 * message and nothing is computed; a run that stops later (cancelled, out of memory, a failing model run) returns
 * what was finished, marked incomplete, with the reason in its first note. Blocking: call off the event thread.
 */
public final class Operations {

	private final ModelPool models;
	private final EmbeddingCaches caches;

	public Operations(ModelPool models, EmbeddingCaches caches) {
		this.models = models;
		this.caches = caches;
	}

	/**
	 * @throws IOException when the model cannot be opened
	 * @throws IllegalArgumentException for unsupported images, a missing plane or prompts outside the image
	 */
	public RunResult segment(SegmentRequest request, TaskMonitor monitor) throws IOException {
		RunSettings s = request.settings();
		ChosenPlanes planes = ModelRun.planes(request.image(), s);
		List<ObjectPrompt> placed = planes.place(request.prompts());
		return ModelRun.run(s, planes, models, caches, monitor, (segmenter, notes) -> segmenter.segment(planes.planes(),
			placed, monitor));
	}

	/**
	 * @throws IOException when the model cannot be opened
	 * @throws IllegalArgumentException for a missing plane or an encoding that needs prompts
	 */
	public RunResult everything(EverythingRequest request, TaskMonitor monitor) throws IOException {
		RunSettings s = request.settings();
		ChosenPlanes planes = ModelRun.planes(request.image(), s);
		List<Integer> chosen = new ArrayList<>();
		for (int index : request.planes())
			if (!chosen.contains(planes.plane(index))) chosen.add(planes.plane(index));
		if (chosen.isEmpty()) for (int z = 1; z <= planes.planes().planeCount(); z++) chosen.add(z);
		if (request.method() == EverythingRequest.Method.GRID) return ModelRun.run(s, planes, models, caches, monitor, (
			segmenter, notes) -> new AutomaticSegmenter(segmenter, request.options()).segment(planes.planes(), chosen,
				monitor));
		return ModelRun.run(s, planes, models, caches, monitor, (segmenter, notes) -> {
			try (DecoderPool pool = request.decoders() <= 1 ? DecoderPool.of(segmenter.model().decoder()) : DecoderPool
				.open(segmenter.model().descriptor(), s.engine(), request.decoders()))
			{
				return new AdaptiveSegmenter(segmenter, request.adaptive(), pool).withRegion(request.region())
					.withSeedLabels(request.seedLabels()).segment(planes.planes(), chosen, monitor);
			}
		});
	}

	/**
	 * @throws IOException when the model cannot be opened
	 * @throws IllegalArgumentException when the label image does not match the image's planes, for a bad label
	 *           value, or when multimask {@code all} is asked for
	 */
	public RunResult refine(RefineRequest request, TaskMonitor monitor) throws IOException {
		RunSettings s = request.settings();
		ChosenPlanes planes = ModelRun.planes(request.image(), s);
		List<LabeledPrompt> prompts = new ArrayList<>();
		if (request.prompts() != null) for (LabeledPrompt p : request.prompts()) {
			List<ObjectPrompt> placed = planes.place(java.util.Collections.singletonList(p.prompt()));
			prompts.add(new LabeledPrompt(p.label(), placed.get(0)));
		}
		return ModelRun.run(s, planes, models, caches, monitor, (segmenter, notes) -> {
			ObjectRefiner refiner = new ObjectRefiner(segmenter, request.addPoint());
			return request.labels() != null ? refiner.refine(planes.planes(), request.labels(), monitor) : refiner.refine(
				planes.planes(), prompts, monitor);
		});
	}

	/**
	 * @throws IOException when the model cannot be opened
	 * @throws IllegalArgumentException for a wrong axis (e.g. t on an image with one frame), a prompt without
	 *           position or on a missing plane; nothing has run then
	 */
	public RunResult propagate(PropagateRequest request, TaskMonitor monitor) throws IOException {
		RunSettings s = request.settings();
		ChosenPlanes planes = ModelRun.planes(request.image(), s);
		List<ObjectPrompt> placed = planes.place(request.prompts());
		planes.axes().checkPropagationAxis(request.options().axis());
		return ModelRun.run(s, planes, models, caches, monitor, (segmenter, notes) -> {
			PropagationResult result = new ObjectPropagator(segmenter, request.options(), EmbeddingPrefetcher
				.worthwhile()).propagate(planes.planes(), planes.axes(), placed, monitor);
			notes.add("Propagation: " + request.options());
			for (PropagationResult.Track t : result.tracks())
				notes.add("  " + t);
			return result.segmentation();
		});
	}
}
