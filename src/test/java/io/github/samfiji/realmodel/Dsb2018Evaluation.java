package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mean IoU of SAM masks against the DSB2018 ground truth with the standard prompts (tight box; pixel nearest the
 * centroid), for the engine and, optionally, for the {@link PlainOnnxReference}.
 */
final class Dsb2018Evaluation {

	/** Mean IoU and object count of one prompt kind and one pipeline. */
	static final class Score {

		double sum;
		int count;

		void add(double iou) {
			sum += iou;
			count++;
		}

		double mean() { return count == 0 ? Double.NaN : sum / count; }

		@Override
		public String toString() { return String.format("mean IoU %.4f over %d objects", mean(), count); }
	}

	final Score engineBox = new Score(), enginePoint = new Score(), plainBox = new Score(), plainPoint = new Score();
	/** The engine's box score on the objects the plain reference also ran on. */
	final Score engineBoxCompared = new Score();
	int images;

	/**
	 * @param boxEvery evaluate the engine's box prompts on every n-th object of each image (and on every object the
	 *          reference runs on)
	 * @param plain the reference, or null to evaluate the engine only
	 * @param plainEvery run the reference's box prompts on every n-th object of the images it runs on
	 * @param plainImageEvery run the reference on every n-th image (it encodes each image again)
	 * @param pointEvery evaluate point prompts on every n-th object of each image (0: none)
	 */
	void run(Path dir, PromptSegmenter engine, int boxEvery, PlainOnnxReference plain, int plainEvery,
		int plainImageEvery, int pointEvery) throws Exception
	{
		for (Path image : images(dir)) {
			boolean withPlain = plain != null && images % plainImageEvery == 0;
			ImagePlus imp = IJ.openImage(image.toString());
			String labelsName = image.getFileName().toString().replace(".png", "_labels.png");
			ImagePlus labels = IJ.openImage(image.resolveSibling(labelsName).toString());
			if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor()
				.convertToRGB());
			int w = imp.getWidth(), h = imp.getHeight();
			List<GroundTruthObject> truth = GroundTruthObject.fromLabels((short[]) labels.getProcessor().getPixels(), w,
				h);
			ImageEmbedding embedding = engine.encode(new ImagePlusPlanes(imp).plane(1));
			PlainOnnxReference.Encoded reference = withPlain ? plain.encode((int[]) imp.getProcessor().getPixels(), w, h)
				: null;
			int n = 0;
			for (GroundTruthObject t : truth) {
				boolean compared = withPlain && n % plainEvery == 0;
				double engineIou = Double.NaN;
				if (compared || n % boxEvery == 0) {
					ObjectPrompt box = ObjectPrompt.builder().box(t.minX, t.minY, t.maxX - t.minX + 1, t.maxY - t.minY + 1)
						.build();
					engineIou = engine.decode(embedding, box, 1).get(0).mask().iou(t.mask);
					engineBox.add(engineIou);
				}
				if (compared) {
					engineBoxCompared.add(engineIou);
					plainBox.add(iou(plain.box(reference, t.minX, t.minY, t.maxX, t.maxY), t.mask, w, h));
				}
				if (pointEvery > 0 && n % pointEvery == 0) {
					ObjectPrompt point = ObjectPrompt.builder().point(PromptPoint.atPixel(t.pointX, t.pointY, true)).build();
					enginePoint.add(engine.decode(embedding, point, 1).get(0).mask().iou(t.mask));
					if (withPlain) plainPoint.add(iou(plain.point(reference, t.pointX, t.pointY), t.mask, w, h));
				}
				n++;
			}
			images++;
		}
	}

	private static double iou(boolean[] mask, ObjectMask truth, int w, int h) {
		return ObjectMask.of(mask, w, h).iou(truth);
	}

	static List<Path> images(Path dir) throws IOException {
		List<Path> images = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.png")) {
			for (Path f : files)
				if (!f.getFileName().toString().endsWith("_labels.png")) images.add(f);
		}
		images.sort(null);
		return images;
	}
}
