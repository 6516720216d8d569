package io.github.samfiji.bench;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.util.ArrayList;
import java.util.List;

/**
 * Encoding the next plane while decoding the current one, against not doing so, on the MRI volume's 25 slices with
 * {@code boxes} box prompts on every plane (more boxes, more decoding to overlap), runs alternated so that load
 * changes hit both alike; each run starts with an empty cache. Usage:
 * {@code scripts/benchmark io.github.samfiji.bench.StackBenchmark prefetch [boxes=10] [repetitions=2]}.
 */
final class PrefetchComparison {

	private PrefetchComparison() {}

	static void main(String[] args) throws Exception {
		int boxes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		int reps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
		ImagePlus volume = IJ.openImage("../shared/data/mri-brain/brain1.tif");
		List<ObjectPrompt> prompts = new ArrayList<>();
		for (int i = 0; i < boxes; i++)
			prompts.add(ObjectPrompt.builder().box(20 + 20 * i, 60 + 10 * i, 40, 30).everyPlane().build());
		try (SamModel model = SamModel.open(ModelStore.defaultStore().resolve(ModelStore.DEFAULT_MODEL), EngineOptions
			.defaults()))
		{
			double[] seconds = new double[2];
			for (int r = 0; r < reps; r++)
				for (int mode = 0; mode < 2; mode++) {
					PromptSegmenter s = new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(1L << 28,
						null)).withPrefetch(mode == 1);
					long t0 = System.nanoTime();
					s.segment(new ImagePlusPlanes(volume), prompts, TaskMonitor.NONE);
					seconds[mode] += (System.nanoTime() - t0) / 1e9;
				}
			int planes = volume.getStackSize() * reps;
			System.out.printf("%d planes x %d boxes, %d cores: without prefetch %.3f s/plane, with %.3f s/plane: ratio %.3f%n",
				volume.getStackSize(), boxes, Runtime.getRuntime().availableProcessors(), seconds[0] / planes, seconds[1] /
					planes, seconds[1] / seconds[0]);
		}
	}
}
