package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.engine.region.RegionPlan;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.RegionSegmentation;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "Small objects in big images" on real data: a DSB2018 image scaled up (bilinear; its labels nearest neighbour),
 * so that nuclei keep their size relative to the image while the plane grows, and the mean IoU of tight
 * ground-truth box prompts for one encoding mode, with the encoder runs and the time it took.
 */
final class LargeImageEvaluation {

	private LargeImageEvaluation() {}

	/** One image at one scale, with its ground truth. */
	static final class Case {

		final String id;
		final int scale;
		final ImagePlus image;
		final List<GroundTruthObject> truth;

		private Case(String id, int scale, ImagePlus image, List<GroundTruthObject> truth) {
			this.id = id;
			this.scale = scale;
			this.image = image;
			this.truth = truth;
		}

		int width() { return image.getWidth(); }

		int height() { return image.getHeight(); }
	}

	/** Image {@code id} of {@code dir} as RGB, scaled up {@code scale} times (1: as it is). */
	static Case load(Path dir, String id, int scale) {
		ImagePlus imp = IJ.openImage(dir.resolve(id + ".png").toString());
		ImageProcessor rgb = imp.getProcessor().convertToRGB();
		ImageProcessor labels = IJ.openImage(dir.resolve(id + "_labels.png").toString()).getProcessor();
		int w = rgb.getWidth() * scale, h = rgb.getHeight() * scale;
		if (scale != 1) {
			rgb.setInterpolationMethod(ImageProcessor.BILINEAR);
			rgb = rgb.resize(w, h);
			labels.setInterpolationMethod(ImageProcessor.NONE);
			labels = labels.resize(w, h);
		}
		return new Case(id, scale, new ImagePlus(id + "-x" + scale, rgb), GroundTruthObject.fromLabels((short[]) labels
			.getPixels(), w, h));
	}

	/** The outcome of one mode on one case. */
	static final class Outcome {

		double iouSum;
		int objects;
		long encoderRuns;
		double seconds;
		/** How the plane was encoded (the log line, or "whole" when there was nothing to choose). */
		String encoding;

		double meanIou() { return iouSum / objects; }

		@Override
		public String toString() {
			return String.format("mean IoU %.4f over %d nuclei, %d encoder run(s), %.1f s", meanIou(), objects,
				encoderRuns, seconds);
		}
	}

	/** The tight boxes of every {@code every}-th ground-truth object: {@code first}, {@code first + every}, ... */
	static List<GroundTruthObject> chosen(Case c, int first, int every) {
		List<GroundTruthObject> chosen = new ArrayList<>();
		for (int i = first; i < c.truth.size(); i += every)
			chosen.add(c.truth.get(i));
		return chosen;
	}

	static List<ObjectPrompt> boxes(List<GroundTruthObject> objects) {
		List<ObjectPrompt> prompts = new ArrayList<>();
		for (GroundTruthObject t : objects)
			prompts.add(ObjectPrompt.builder().box(t.minX, t.minY, t.maxX - t.minX + 1, t.maxY - t.minY + 1).build());
		return prompts;
	}

	private static PromptSegmenter segmenter(SamModel model, EncodingMode mode, EmbeddingCache cache) {
		return new PromptSegmenter(model, SegmentationOptions.defaults().withEncoding(EncodingOptions.defaults()
			.withMode(mode)), cache);
	}

	/**
	 * Segments the boxes of {@code objects} with {@code mode} and a cache of its own, so that each mode pays for its
	 * own encoder runs.
	 */
	static Outcome run(SamModel model, Case c, EncodingMode mode, List<GroundTruthObject> objects) {
		return run(model, c, mode, objects, new EmbeddingCache(1L << 29, null));
	}

	/** The same with a given cache (e.g. shared by modes whose regions coincide). */
	static Outcome run(SamModel model, Case c, EncodingMode mode, List<GroundTruthObject> objects,
		EmbeddingCache cache)
	{
		Outcome o = new Outcome();
		long runs = model.encoder().runCount(), t0 = System.nanoTime();
		SegmentationResult r = segmenter(model, mode, cache).segment(new ImagePlusPlanes(c.image), boxes(objects),
			TaskMonitor.NONE);
		o.seconds = (System.nanoTime() - t0) / 1e9;
		o.encoderRuns = model.encoder().runCount() - runs;
		for (int k = 0; k < objects.size(); k++)
			o.iouSum += r.objects().get(k).mask().iou(objects.get(k).mask);
		o.objects = objects.size();
		o.encoding = r.notes().isEmpty() ? "whole (the plane fits the model input)" : String.join("; ", r.notes());
		return o;
	}

	/**
	 * What the automatic choice plans for these boxes (no model run). Its regions are those of the mode it picks, so
	 * its masks are that mode's masks.
	 */
	static RegionPlan autoPlan(SamModel model, Case c, List<GroundTruthObject> objects) {
		return new RegionSegmentation(segmenter(model, EncodingMode.AUTO, EmbeddingCache.none()), new ImagePlusPlanes(
			c.image).plane(1)).plan(boxes(objects));
	}
}
