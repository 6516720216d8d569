package io.github.samfiji.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.auto.AutomaticSegmenter;
import io.github.samfiji.engine.auto.PointGrid;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment everything on a 1024x1024 image (the bundled example scaled up) with an n x n grid (default 32), in one
 * run: its time as a ratio to n*n bare onnxruntime decoder runs (the same point prompts on the same embedding,
 * ready-made tensors, only {@code low_res_masks} read; timed in a block before and one after, the mean used), and the
 * shares of the encoder (a fresh encoding), the decoder (our decoder calls, timed in their own block on the same
 * points) and our own code (the rest: filters, NMS, upsampling, masks).
 * Usage: {@code scripts/benchmark io.github.samfiji.bench.EverythingBenchmark [model-id] [points-per-side]}.
 */
public final class EverythingBenchmark {

	public static void main(String[] args) throws Exception {
		String modelId = args.length > 0 ? args[0] : ModelStore.DEFAULT_MODEL;
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 32;
		ModelDescriptor descriptor = ModelStore.defaultStore().resolve(modelId);
		ImagePlus example = IJ.openImage("examples/nuclei.png");
		ImagePlus image = new ImagePlus("nuclei-1024", example.getProcessor().resize(1024, 1024, true));
		try (SamModel model = SamModel.open(descriptor, EngineOptions.defaults());
			OrtSession bare = OrtEnvironment.getEnvironment().createSession(descriptor.decoderPath().toString(),
				new OrtSession.SessionOptions()))
		{
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
			AutomaticSegmenter auto = new AutomaticSegmenter(segmenter, AutomaticOptions.defaults().withPointsPerSide(n));
			ImageEmbedding embedding = segmenter.encode(new ImagePlusPlanes(image).plane(1)); // warm-up
			List<PromptPoint> grid = PointGrid.over(0, 0, 1024, 1024, n);

			// Blocks, not call-by-call interleaving: onnxruntime's intra-op threads spin for a while after each run, so
			// alternating two sessions makes each wait for the other's spinning threads (both ran ~1.5x slower so).
			long bareBefore = bareBlock(bare, embedding, grid);
			long ours = 0;
			for (PromptPoint p : grid) {
				long a = System.nanoTime();
				model.decoder().decodeLowResolution(embedding, ObjectPrompt.builder().point(p).build());
				ours += System.nanoTime() - a;
			}
			long t0 = System.nanoTime();
			SegmentationResult result = auto.segment(new ImagePlusPlanes(image), TaskMonitor.NONE);
			long total = System.nanoTime() - t0;
			long bareAfter = bareBlock(bare, embedding, grid);
			long t1 = System.nanoTime();
			try (SamModel fresh = SamModel.open(descriptor, EngineOptions.defaults())) {
				long t2 = System.nanoTime();
				new PromptSegmenter(fresh, SegmentationOptions.defaults(), new EmbeddingCache(1L << 28, null)).encode(
					new ImagePlusPlanes(image).plane(1));
				t1 = System.nanoTime() - t2;
			}
			long encoder = t1;
			double bareTotal = (bareBefore + bareAfter) / 2.0;
			long own = total - encoder - ours;
			System.out.printf("model %s, 1024x1024 image, %dx%d grid, %d objects kept:%n", modelId, n, n, result.objects()
				.size());
			System.out.printf("  %d bare decoder runs: %.1f s before, %.1f s after (drift %.3f)%n", n * n, bareBefore / 1e9,
				bareAfter / 1e9, bareAfter / (double) bareBefore);
			System.out.printf("  segment everything %.1f s: ratio to the bare runs %.3f%n", total / 1e9, total / bareTotal);
			System.out.printf("  our %d low-resolution decoder calls %.1f s: ratio to the bare runs %.3f%n", n * n, ours / 1e9,
				ours / bareTotal);
			System.out.printf("  shares of segment everything: encoder %.1f%%, decoder calls %.1f%%, own code %.1f%%%n",
				100.0 * encoder / total, 100.0 * ours / total, 100.0 * own / total);
		}
	}

	/** The bare decoder on every grid point, in a row; nanoseconds. */
	private static long bareBlock(OrtSession bare, ImageEmbedding embedding, List<PromptPoint> grid) throws OrtException {
		long t = System.nanoTime();
		for (PromptPoint p : grid)
			bareDecode(bare, embedding.tensor(0), (float) (p.x() - 0.5), (float) (p.y() - 0.5));
		return System.nanoTime() - t;
	}

	/** One bare run of the official decoder graph: a positive point plus the padding point, no mask input. */
	private static void bareDecode(OrtSession session, float[] embedding, float x, float y) throws OrtException {
		OrtEnvironment env = OrtEnvironment.getEnvironment();
		Map<String, OnnxTensor> in = new HashMap<>();
		try {
			in.put("image_embeddings", OnnxTensor.createTensor(env, FloatBuffer.wrap(embedding), new long[] { 1, 256, 64,
				64 }));
			in.put("point_coords", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { x, y, 0, 0 }), new long[] {
				1, 2, 2 }));
			in.put("point_labels", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 1, -1 }), new long[] { 1,
				2 }));
			in.put("mask_input", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[256 * 256]), new long[] { 1, 1,
				256, 256 }));
			in.put("has_mask_input", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 0 }), new long[] { 1 }));
			in.put("orig_im_size", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 1024, 1024 }), new long[] {
				2 }));
			try (OrtSession.Result r = session.run(in)) {
				((OnnxTensor) r.get("low_res_masks").get()).getFloatBuffer();
			}
		}
		finally {
			for (OnnxTensor t : in.values()) t.close();
		}
	}
}
