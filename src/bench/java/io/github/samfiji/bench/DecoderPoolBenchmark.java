package io.github.samfiji.bench;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.auto.PointGrid;
import io.github.samfiji.engine.decode.DecoderPool;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decoding a batch of prompts (a 16x16 grid of points on the bundled example scaled to 1024x1024) on one decoder
 * session with onnxruntime's default threads (all cores) against pools of {@code n} sessions with one intra-op
 * thread each, for n = 1 .. the number of cores (and 2 at least). Blocks of each setting alternate, three rounds;
 * the medians of the blocks are compared. Usage:
 * {@code scripts/benchmark io.github.samfiji.bench.DecoderPoolBenchmark [model-id] [rounds]}.
 */
public final class DecoderPoolBenchmark {

	public static void main(String[] args) throws Exception {
		String modelId = args.length > 0 ? args[0] : ModelStore.DEFAULT_MODEL;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		ModelDescriptor descriptor = ModelStore.defaultStore().resolve(modelId);
		ImagePlus example = IJ.openImage("examples/nuclei.png");
		ImagePlus image = new ImagePlus("nuclei-1024", example.getProcessor().resize(1024, 1024, true));
		int cores = Runtime.getRuntime().availableProcessors();
		List<Integer> sizes = new ArrayList<>();
		for (int n = 1; n <= Math.max(2, cores); n *= 2) sizes.add(n);
		if (!sizes.contains(cores) && cores > 2) sizes.add(cores);
		List<ObjectPrompt> prompts = new ArrayList<>();
		for (PromptPoint p : PointGrid.over(0, 0, 1024, 1024, 16)) prompts.add(ObjectPrompt.builder().point(p).build());
		try (SamModel model = SamModel.open(descriptor, EngineOptions.defaults())) {
			ImageEmbedding embedding = new PromptSegmenter(model, SegmentationOptions.defaults()).encode(
				new ImagePlusPlanes(image).plane(1));
			List<DecoderPool> pools = new ArrayList<>();
			pools.add(DecoderPool.of(model.decoder()));
			for (int n : sizes) pools.add(DecoderPool.open(descriptor, EngineOptions.defaults().withThreads(1), n));
			double[][] seconds = new double[pools.size()][rounds];
			for (DecoderPool pool : pools) block(pool, embedding, prompts.subList(0, 16)); // warm-up
			for (int r = 0; r < rounds; r++)
				for (int i = 0; i < pools.size(); i++) seconds[i][r] = block(pools.get(i), embedding, prompts);
			System.out.printf(Locale.ROOT, "%s, %d prompts per block, %d cores, %d rounds (median block):%n", modelId,
				prompts.size(), cores, rounds);
			double reference = median(seconds[0]);
			for (int i = 0; i < pools.size(); i++) {
				String what = i == 0 ? "1 session, default threads" : sizes.get(i - 1) + " session(s), 1 thread each";
				System.out.printf(Locale.ROOT, "  %-30s %.2f s = %.1f ms per prompt; speed-up %.2f%n", what, median(
					seconds[i]), 1000 * median(seconds[i]) / prompts.size(), reference / median(seconds[i]));
			}
			for (DecoderPool pool : pools) pool.close();
		}
	}

	private static double block(DecoderPool pool, ImageEmbedding embedding, List<ObjectPrompt> prompts) {
		long t0 = System.nanoTime();
		pool.decode(embedding, prompts, (i, out) -> out.predictedIou(0), TaskMonitor.NONE, n -> {});
		return (System.nanoTime() - t0) / 1e9;
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		java.util.Arrays.sort(s);
		return s[s.length / 2];
	}
}
