package io.github.samfiji.realmodel;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.prompt.ObjectPrompt;
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
 * Propagation quality on the real stacks for every prompt mode and a few stopping settings (the figures behind
 * {@link PropagationOptions#defaults()}): 3D Dice of the MRI tumour, mean 3D IoU of the StarDist nuclei. One
 * embedding cache serves all settings, so each plane is encoded once. Usage:
 * {@code scripts/benchmark io.github.samfiji.realmodel.StackPropagationReport [data-dir]}.
 */
public final class StackPropagationReport {

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data");
		StackEvaluation.Stack brain = new StackEvaluation.Stack(data.resolve("mri-brain/brain1.tif"), data.resolve(
			"mri-brain/brain1_tumour.tif"));
		StackEvaluation.Stack nuclei = new StackEvaluation.Stack(data.resolve("stardist/img3d.tif"), data.resolve(
			"stardist/mask3d.tif"));
		List<ObjectPrompt> tumour = StackEvaluation.prompts(brain, 0);
		List<ObjectPrompt> boxes = StackEvaluation.prompts(nuclei, 0);
		if (args.length > 1 && args[1].equals("brain-only")) boxes = java.util.Collections.emptyList();
		if (args.length > 1 && args[1].startsWith("every-")) {
			int k = Integer.parseInt(args[1].substring(6));
			List<ObjectPrompt> some = new java.util.ArrayList<>();
			for (int i = 0; i < boxes.size(); i += k)
				some.add(boxes.get(i));
			boxes = some;
		}
		System.out.println("tumour prompt: " + tumour + "; nuclei: " + boxes.size());
		EmbeddingCache cache = new EmbeddingCache(1L << 30, null);
		try (SamModel model = SamModel.open(ModelStore.defaultStore().resolve(ModelStore.DEFAULT_MODEL), EngineOptions
			.defaults()))
		{
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults(), cache);
			PropagationOptions base = PropagationOptions.defaults();
			Map<Integer, StackEvaluation.Overlap> ceilingBrain = StackEvaluation.boxOnEveryPlane(brain, segmenter, 0);
			Map<Integer, StackEvaluation.Overlap> ceilingNuclei = StackEvaluation.boxOnEveryPlane(nuclei, segmenter, 0);
			System.out.printf(Locale.ROOT, "%-45s tumour 3D Dice %.4f | nuclei mean 3D IoU %.4f (%d)%n",
				"ceiling: truth box on every plane", StackEvaluation.mean(ceilingBrain, true), StackEvaluation.mean(
					ceilingNuclei, false), ceilingNuclei.size());
			if (args.length > 1 && args[1].equals("ceiling")) return;
			reportTwo("two annotated planes per object, defaults", brain, nuclei, segmenter, base);
			reportTwo("two annotated planes, max area change 4", brain, nuclei, segmenter, base.withMaxAreaChange(4));
			if (args.length > 1 && args[1].equals("two")) return;
			report("seed plane only", brain, nuclei, tumour, boxes, segmenter, base.withMinPredictedIou(2));
			report("defaults: " + base, brain, nuclei, tumour, boxes, segmenter, base);
			for (double step : new double[] { 0.5, 0.7, 0.8 })
				for (double change : new double[] { 1.25, 1.5, 4 })
					report("min IoU with previous plane " + step + ", max area change " + change, brain, nuclei, tumour, boxes,
						segmenter, base.withMinStepIou(step).withMaxAreaChange(change));
			report("box+point, 0.7, 1.25", brain, nuclei, tumour, boxes, segmenter, base.withPromptMode(
				PromptMode.BOX_AND_POINT).withMinStepIou(0.7).withMaxAreaChange(1.25));
			report("box+mask, 0.7, 1.25", brain, nuclei, tumour, boxes, segmenter, base.withPromptMode(
				PromptMode.BOX_AND_MASK).withMinStepIou(0.7).withMaxAreaChange(1.25));
			report("point, 0.7, 1.25", brain, nuclei, tumour, boxes, segmenter, base.withPromptMode(PromptMode.POINT)
				.withMinStepIou(0.7).withMaxAreaChange(1.25));
			report("margin 0.2, 0.7, 1.25", brain, nuclei, tumour, boxes, segmenter, base.withBoxMargin(0.2)
				.withMinStepIou(0.7).withMaxAreaChange(1.25));
			System.out.println("encoder runs: " + model.encoder().runCount());
		}
	}

	private static void reportTwo(String what, StackEvaluation.Stack brain, StackEvaluation.Stack nuclei,
		PromptSegmenter segmenter, PropagationOptions options)
	{
		System.out.printf(Locale.ROOT, "%-45s tumour 3D Dice %.4f | nuclei mean 3D IoU %.4f%n", what, StackEvaluation
			.mean(StackEvaluation.evaluate(brain, segmenter, options, StackEvaluation.twoBoxes(brain, 0)), true),
			StackEvaluation.mean(StackEvaluation.evaluate(nuclei, segmenter, options, StackEvaluation.twoBoxes(nuclei, 0)),
				false));
	}

	private static void report(String what, StackEvaluation.Stack brain, StackEvaluation.Stack nuclei,
		List<ObjectPrompt> tumour, List<ObjectPrompt> boxes, PromptSegmenter segmenter, PropagationOptions options)
	{
		long t0 = System.nanoTime();
		Map<Integer, StackEvaluation.Overlap> b = StackEvaluation.evaluate(brain, segmenter, options, tumour);
		Map<Integer, StackEvaluation.Overlap> n = boxes.isEmpty() ? java.util.Collections.singletonMap(0,
			new StackEvaluation.Overlap()) : StackEvaluation.evaluate(nuclei, segmenter, options, boxes);
		System.out.printf(Locale.ROOT, "%-45s tumour 3D Dice %.4f (%d voxels predicted, %d true) | nuclei mean 3D IoU %.4f (%d) | %.1f s%n",
			what, StackEvaluation.mean(b, true), b.values().iterator().next().predicted, b.values().iterator().next().truth,
			StackEvaluation.mean(n, false), n.size(), (System.nanoTime() - t0) / 1e9);
	}
}
