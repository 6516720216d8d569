package io.github.samfiji.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Speed of our pipeline relative to bare onnxruntime sessions on the same model, measured in one run on a 1024x1024
 * image (the bundled example scaled up), runs interleaved, medians reported:
 * <ol>
 * <li>whole pipeline (intensity mapping, resize, normalisation, encoder, one box prompt decoded, mask extracted)
 * divided by bare encoder run + bare decoder run on ready tensors;</li>
 * <li>prompt-to-mask on a cached embedding divided by one bare decoder run.</li>
 * </ol>
 * Usage: {@code scripts/benchmark [model-id] [repetitions]}.
 */
public final class PipelineBenchmark {

	public static void main(String[] args) throws Exception {
		String modelId = args.length > 0 ? args[0] : ModelStore.DEFAULT_MODEL;
		int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		ModelDescriptor descriptor = ModelStore.defaultStore().resolve(modelId);
		ImagePlus example = IJ.openImage("examples/nuclei.png");
		ImageProcessor scaled = example.getProcessor().resize(1024, 1024, true);
		ImagePlus image = new ImagePlus("nuclei-1024", scaled);
		ObjectPrompt box = ObjectPrompt.builder().box(300, 300, 120, 100).build();
		try (SamModel model = SamModel.open(descriptor, EngineOptions.defaults());
			Bare bare = new Bare(descriptor))
		{
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
			ImageEmbedding cached = segmenter.encode(new ImagePlusPlanes(image).plane(1));
			float[] tensor = model.preprocessor().prepare(new ImagePlusPlanes(image).plane(1), SegmentationOptions
				.defaults().intensityMapping()).tensor();
			long[] pipeline = new long[reps], bareFull = new long[reps], prompt = new long[reps], bareDecoder =
				new long[reps];
			for (int warm = 0; warm < 2; warm++) {
				bare.encodeAndDecode(tensor);
				segmenter.decode(segmenter.encode(new ImagePlusPlanes(image).plane(1)), box, 1);
			}
			for (int r = 0; r < reps; r++) {
				long t0 = System.nanoTime();
				segmenter.decode(segmenter.encode(new ImagePlusPlanes(image).plane(1)), box, 1);
				long t1 = System.nanoTime();
				bare.encodeAndDecode(tensor);
				long t2 = System.nanoTime();
				segmenter.decode(cached, box, 1);
				long t3 = System.nanoTime();
				bare.decode(cached.tensor(0));
				long t4 = System.nanoTime();
				pipeline[r] = t1 - t0;
				bareFull[r] = t2 - t1;
				prompt[r] = t3 - t2;
				bareDecoder[r] = t4 - t3;
			}
			System.out.printf("model %s, 1024x1024 image, %d interleaved repetitions, medians:%n", modelId, reps);
			System.out.printf("  whole pipeline %.0f ms, bare encoder+decoder %.0f ms: ratio %.3f%n", ms(pipeline), ms(
				bareFull), ms(pipeline) / ms(bareFull));
			System.out.printf("  prompt-to-mask on cached embedding %.1f ms, bare decoder %.1f ms: ratio %.3f%n", ms(
				prompt), ms(bareDecoder), ms(prompt) / ms(bareDecoder));
		}
	}

	private static double ms(long[] nanos) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		return s[s.length / 2] / 1e6;
	}

	/** The bare onnxruntime sessions with ready-made tensors: the yardstick. */
	private static final class Bare implements AutoCloseable {

		private final OrtEnvironment env = OrtEnvironment.getEnvironment();
		private final OrtSession encoder;
		private final OrtSession decoder;
		private final String encoderInput;

		Bare(ModelDescriptor d) throws OrtException {
			encoder = env.createSession(d.encoderPath().toString(), new OrtSession.SessionOptions());
			decoder = env.createSession(d.decoderPath().toString(), new OrtSession.SessionOptions());
			encoderInput = d.encoder().inputs().get(0);
		}

		void encodeAndDecode(float[] input) throws OrtException {
			float[] embedding;
			try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] { 1, 3, 1024, 1024 });
				OrtSession.Result r = encoder.run(Collections.singletonMap(encoderInput, t)))
			{
				FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
				embedding = new float[fb.remaining()];
				fb.get(embedding);
			}
			decode(embedding);
		}

		void decode(float[] embedding) throws OrtException {
			Map<String, OnnxTensor> in = new HashMap<>();
			try {
				in.put("image_embeddings", OnnxTensor.createTensor(env, FloatBuffer.wrap(embedding), new long[] { 1, 256,
					64, 64 }));
				in.put("point_coords", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 300, 300, 420, 400 }),
					new long[] { 1, 2, 2 }));
				in.put("point_labels", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 2, 3 }), new long[] { 1,
					2 }));
				in.put("mask_input", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[256 * 256]), new long[] { 1, 1,
					256, 256 }));
				in.put("has_mask_input", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 0 }), new long[] {
					1 }));
				in.put("orig_im_size", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 1024, 1024 }),
					new long[] { 2 }));
				try (OrtSession.Result r = decoder.run(in)) {
					((OnnxTensor) r.get("masks").get()).getFloatBuffer();
				}
			}
			finally {
				for (OnnxTensor t : in.values()) t.close();
			}
		}

		@Override
		public void close() throws OrtException {
			encoder.close();
			decoder.close();
		}
	}
}
