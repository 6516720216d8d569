package io.github.samfiji.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

import io.github.samfiji.engine.cache.DiskEmbeddingStore;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput and memory on a long stack, real model: a {@code planes}-slice 256x256 16-bit stack (the MRI volume
 * repeated, each copy shifted in intensity so that every plane is different), one box prompt on every plane.
 * <ol>
 * <li>Whole-stack segmentation through the disk cache (empty at first): seconds per plane, peak Java heap, memory
 * cache and disk cache sizes; then the first {@code overlap} planes again (new cache) encoding the next plane in the
 * background while the current one is decoded.</li>
 * <li>The same run again in a new session (new memory cache, same directory): encoder runs (expected 0).</li>
 * <li>Bare onnxruntime sessions (preprocessed input tensor ready, encoder + one decoder run per plane) on the first
 * {@code bare} planes, and our pipeline without caches on the same planes: the throughput ratio.</li>
 * </ol>
 * Usage: {@code scripts/benchmark io.github.samfiji.bench.StackBenchmark [planes=200] [bare=10] [overlap=20] [data-dir]}.
 */
public final class StackBenchmark {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("prefetch")) {
			PrefetchComparison.main(args);
			return;
		}
		int planes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		int bare = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		int overlap = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		Path data = Path.of(args.length > 3 ? args[3] : "../shared/data");
		ImagePlus stack = longStack(IJ.openImage(data.resolve("mri-brain/brain1.tif").toString()), planes);
		List<ObjectPrompt> box = Collections.singletonList(ObjectPrompt.builder().box(180, 90, 40, 30).everyPlane()
			.build());
		ModelDescriptor descriptor = ModelStore.defaultStore().resolve(ModelStore.DEFAULT_MODEL);
		Path dir = Files.createTempDirectory("sam-stack-bench");
		HeapPeak heap = new HeapPeak();
		try (SamModel model = SamModel.open(descriptor, EngineOptions.defaults())) {
			System.out.printf("model %s, %d planes of 256x256 16-bit, one box per plane, %d cores, max heap %d MiB%n",
				descriptor.id(), planes, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
			for (boolean prefetch : new boolean[] { false, true }) {
				int n = prefetch ? Math.min(planes, overlap) : planes;
				ImagePlus run = n == planes ? stack : new ImagePlus("head", stack.getStack().crop(0, 0, 0, stack.getWidth(),
					stack.getHeight(), n));
				Path cacheDir = dir.resolve(prefetch ? "prefetch" : "plain");
				EmbeddingCache cache = new EmbeddingCache(Runtime.getRuntime().maxMemory() / 8, new DiskEmbeddingStore(
					cacheDir, System.err::println));
				heap.reset();
				long runs = model.encoder().runCount(), t0 = System.nanoTime();
				SegmentationResult r = new PromptSegmenter(model, SegmentationOptions.defaults(), cache).withPrefetch(
					prefetch).segment(new ImagePlusPlanes(run), box, TaskMonitor.NONE);
				double s = (System.nanoTime() - t0) / 1e9;
				DiskEmbeddingStore store = new DiskEmbeddingStore(cacheDir, System.err::println);
				System.out.printf("  first run of %d planes, prefetch %-5s: %.0f s, %.3f s/plane, %d encoder runs, %d objects; " +
					"peak heap %d MiB, memory cache %d MiB (%d embeddings, bound %d MiB), disk cache %d MiB (%d files)%n", n,
					prefetch, s, s / n, model.encoder().runCount() - runs, r.objects().size(), heap.peakMiB(), cache
						.sizeInBytes() >> 20, cache.size(), cache.maxBytes() >> 20, store.sizeInBytes() >> 20, store.size());
			}
			EmbeddingCache again = new EmbeddingCache(Runtime.getRuntime().maxMemory() / 8, new DiskEmbeddingStore(dir
				.resolve("plain"), System.err::println));
			long runs = model.encoder().runCount(), t0 = System.nanoTime();
			new PromptSegmenter(model, SegmentationOptions.defaults(), again).segment(new ImagePlusPlanes(stack), box,
				TaskMonitor.NONE);
			System.out.printf("  re-run in a new session with the disk cache: %.0f s, %d encoder runs, %d from disk%n",
				(System.nanoTime() - t0) / 1e9, model.encoder().runCount() - runs, again.storeHits());
			compareWithBare(model, descriptor, stack, bare);
		}
	}

	private static void compareWithBare(SamModel model, ModelDescriptor descriptor, ImagePlus stack, int n)
		throws OrtException
	{
		ImagePlusPlanes planes = new ImagePlusPlanes(stack);
		List<ObjectPrompt> box = Collections.singletonList(ObjectPrompt.builder().box(180, 90, 40, 30).everyPlane()
			.build());
		float[][] tensors = new float[n][];
		for (int z = 1; z <= n; z++)
			tensors[z - 1] = model.preprocessor().prepare(planes.plane(z), SegmentationOptions.defaults()
				.intensityMapping()).tensor();
		try (Bare b = new Bare(descriptor)) {
			b.run(tensors[0]); // warm-up
			PromptSegmenter plain = new PromptSegmenter(model, SegmentationOptions.defaults()).withPrefetch(false);
			long ours = 0, bareNanos = 0;
			for (int z = 1; z <= n; z++) { // interleaved, so that load changes hit both sides alike
				ImagePlus plane = new ImagePlus("plane", stack.getStack().getProcessor(z));
				long t0 = System.nanoTime();
				plain.segment(new ImagePlusPlanes(plane), box, TaskMonitor.NONE);
				long t1 = System.nanoTime();
				b.run(tensors[z - 1]);
				ours += t1 - t0;
				bareNanos += System.nanoTime() - t1;
			}
			System.out.printf("  first %d planes, interleaved, no caches: pipeline %.2f s/plane, bare onnxruntime %.2f " +
				"s/plane: ratio %.3f%n", n, ours / 1e9 / n, bareNanos / 1e9 / n, ours / (double) bareNanos);
		}
	}

	/** The volume repeated to {@code planes} slices, copy k shifted by k grey levels (every plane distinct). */
	private static ImagePlus longStack(ImagePlus volume, int planes) {
		ImageStack stack = new ImageStack(volume.getWidth(), volume.getHeight());
		for (int i = 0; i < planes; i++) {
			ImageProcessor ip = volume.getStack().getProcessor(i % volume.getStackSize() + 1).duplicate();
			ip.add(i / volume.getStackSize());
			stack.addSlice(ip);
		}
		return new ImagePlus("long", stack);
	}

	/** The highest heap use seen since {@link #reset()}, from the JVM's memory pools. */
	private static final class HeapPeak {

		void reset() {
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
				if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
		}

		long peakMiB() {
			long sum = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
				if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
			return sum >> 20;
		}
	}

	/** Bare sessions on ready tensors: encoder, then one box decode at full resolution. */
	private static final class Bare implements AutoCloseable {

		private final OrtEnvironment env = OrtEnvironment.getEnvironment();
		private final OrtSession encoder;
		private final OrtSession decoder;
		private final String input;

		Bare(ModelDescriptor d) throws OrtException {
			encoder = env.createSession(d.encoderPath().toString(), new OrtSession.SessionOptions());
			decoder = env.createSession(d.decoderPath().toString(), new OrtSession.SessionOptions());
			input = d.encoder().inputs().get(0);
		}

		void run(float[] tensor) throws OrtException {
			float[] embedding;
			try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(tensor), new long[] { 1, 3, 1024, 1024 });
				OrtSession.Result r = encoder.run(Collections.singletonMap(input, t)))
			{
				FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
				embedding = new float[fb.remaining()];
				fb.get(embedding);
			}
			Map<String, OnnxTensor> in = new HashMap<>();
			try {
				in.put("image_embeddings", OnnxTensor.createTensor(env, FloatBuffer.wrap(embedding), new long[] { 1, 256, 64,
					64 }));
				in.put("point_coords", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 720, 360, 876, 476 }),
					new long[] { 1, 2, 2 }));
				in.put("point_labels", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 2, 3 }), new long[] { 1,
					2 }));
				in.put("mask_input", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[256 * 256]), new long[] { 1, 1,
					256, 256 }));
				in.put("has_mask_input", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 0 }), new long[] { 1 }));
				in.put("orig_im_size", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 256, 256 }), new long[] {
					2 }));
				try (OrtSession.Result r = decoder.run(in)) {
					((OnnxTensor) r.get("masks").get()).getFloatBuffer();
				}
			}
			finally {
				for (OnnxTensor t : in.values())
					t.close();
			}
		}

		@Override
		public void close() throws OrtException {
			encoder.close();
			decoder.close();
		}
	}
}
