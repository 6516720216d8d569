package io.github.samfiji.cli;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.install.ModelManager;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.ij.AutomaticSegmentation;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.PromptSegmentation;
import io.github.samfiji.ij.PromptSource;
import io.github.samfiji.ij.RoiPrompts;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.ij.StackOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Command line for scripts and clusters ({@code scripts/sam}):
 * <pre>
 * sam segment --model ID|DESCRIPTOR.json --image IN --prompts PROMPTS.csv|RoiSet.zip --out DIR
 *             [--multimask best|single|all] [--intensity auto|percentiles:LOW:HIGH|fixed:MIN:MAX] [--threads N]
 *             [--device cpu|cuda]
 *             [--encoding auto|whole|crop|tiles] [--tile-size 1024] [--tile-halo 128] [--crop-margin 128]
 *             [--channel all|C|C1,C2,C3] [--every-plane] [--cache-dir DIR]
 * sam propagate (the options of segment) [--axis z|t] [--propagation-prompt box|box+mask|box+point|point]
 *             [--box-margin F] [--min-iou F] [--max-area-change F] [--min-step-iou F] [--max-planes N]
 * sam everything --image IN --out DIR [--model ID] [--points-per-side 32] [--pred-iou-thresh 0.88] ...
 * sam refine --image IN --objects LABELS.tif|RoiSet.zip --out DIR [--model ID] [--add-point] ...
 * sam models [list | install ID | import ID|DESCRIPTOR.json --from DIR | remove ID]
 * </pre>
 * {@code segment} writes {@code DIR/labels.tif}, {@code DIR/RoiSet.zip}, {@code DIR/results.csv} and
 * {@code DIR/overlay.png}. Exit status: 0 on success, 1 when the run fails, 2 for a usage error.
 */
public final class SamCli {

	static final String USAGE = String.join("\n",
		"Usage:",
		"  sam segment --model ID|DESCRIPTOR.json --image IN --prompts PROMPTS.csv|RoiSet.zip --out DIR",
		"              [--multimask best|single|all] [--intensity auto|percentiles:LOW:HIGH|fixed:MIN:MAX] [--threads N]",
		"              [--device cpu|cuda]",
		"              [--encoding auto|whole|crop|tiles] [--tile-size 1024] [--tile-halo 128] [--crop-margin 128]",
		"              [--channel all|C|C1,C2,C3] [--every-plane] [--cache-dir DIR]",
		"  sam propagate  the options of segment, and [--axis z|t] [--propagation-prompt box|box+mask|box+point|point]",
		"              [--box-margin F] [--min-iou F] [--max-area-change F] [--min-step-iou F] [--max-planes N]",
		"  Intensity presets: " + String.join(", ", IntensityMapping.PRESETS.keySet()) + "; window:WIDTH:LEVEL",
		"  sam everything --image IN --out DIR [--model ID] [--points-per-side 32] [--pred-iou-thresh 0.88]",
		"              [--stability-score-thresh 0.95] [--stability-score-offset 1] [--box-nms-thresh 0.7]",
		"              [--crop-n-layers 0] [--crop-overlap-ratio 0.3413] [--crop-nms-thresh 0.7]",
		"              [--crop-n-points-downscale-factor 1] [--min-mask-region-area 0] [--intensity ...] [--threads N]",
		"              [--encoding auto|whole|tiles] [--tile-size 1024] [--tile-halo 128]",
		"  sam refine --image IN --objects LABELS.tif|RoiSet.zip --out DIR [--model ID] [--add-point true|false]",
		"              [--multimask single|best] [--intensity ...] [--threads N]",
		"              (segment, everything and refine also take --device cpu|cuda)",
		ModelsCommand.USAGE,
		"Prompt CSV header: object,kind,x,y,width,height,label,slice");

	private final PrintStream out;
	private final PrintStream err;

	SamCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		System.exit(new SamCli(System.out, System.err).run(args));
	}

	/** Runs the command line; returns the exit status. */
	int run(String[] args) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			(args.length == 0 ? err : out).println(USAGE);
			return args.length == 0 ? 2 : 0;
		}
		try {
			switch (args[0]) {
				case "segment":
					return segment(options(args, "model|image|prompts|out|multimask|intensity|threads|encoding|tile-size|" +
						"tile-halo|crop-margin|" + StackCommands.STACK_OPTIONS));
				case "propagate":
					return StackCommands.propagate(options(args, "model|image|prompts|out|intensity|threads|" +
						StackCommands.STACK_OPTIONS + "|" + StackCommands.PROPAGATION_OPTIONS), out, err);
				case "everything":
					return everything(options(args, "model|image|out|intensity|threads|points-per-side|pred-iou-thresh|" +
						"stability-score-thresh|stability-score-offset|box-nms-thresh|crop-n-layers|crop-overlap-ratio|" +
						"crop-nms-thresh|crop-n-points-downscale-factor|min-mask-region-area|encoding|tile-size|tile-halo"));
				case "refine":
					return refine(options(args, "model|image|objects|out|add-point|multimask|intensity|threads"));
				case "models":
					return new ModelsCommand(out, consoleMonitor()).run(args, ModelManager.defaults());
				default:
					throw new UsageException("Unknown command '" + args[0] + "'");
			}
		}
		catch (UsageException e) {
			err.println("sam: " + e.getMessage());
			err.println(USAGE);
			return 2;
		}
		catch (IOException | IllegalArgumentException e) {
			err.println("sam: " + e.getMessage());
			return 1;
		}
	}

	private int segment(Map<String, String> o) throws IOException {
		Path prompts = Paths.get(require(o, "prompts"));
		Path outDir = Paths.get(require(o, "out"));
		ImagePlus image = openImage(o, "image");
		SegmentationOptions options = SegmentationOptions.defaults().withMultimask(MultimaskMode.parse(o.getOrDefault(
			"multimask", "best"))).withIntensityMapping(IntensityMapping.parse(o.getOrDefault("intensity", "auto")))
			.withEncoding(encoding(o));
		StackOptions stack = StackCommands.stackOptions(o);
		SegmentationOutputs outputs = PromptSegmentation.run(image, PromptSource.FILE.read(image, prompts, stack
			.everyPlane()), model(o), options, engine(o), stack, consoleMonitor());
		if (image.getStackSize() > 1 || !outputs.result().isComplete()) for (String note : outputs.notes())
			out.println(note);
		return written(outputs, image, outDir);
	}

	private int everything(Map<String, String> o) throws IOException {
		Path outDir = Paths.get(require(o, "out"));
		ImagePlus image = openImage(o, "image");
		AutomaticOptions a = AutomaticOptions.defaults();
		a = a.withPointsPerSide(integer(o.getOrDefault("points-per-side", "" + a.pointsPerSide()), "points-per-side"));
		a = a.withIouThreshold(number(o, "pred-iou-thresh", a.iouThreshold()));
		a = a.withStabilityThreshold(number(o, "stability-score-thresh", a.stabilityThreshold()));
		a = a.withStabilityOffset(number(o, "stability-score-offset", a.stabilityOffset()));
		a = a.withBoxNmsThreshold(number(o, "box-nms-thresh", a.boxNmsThreshold()));
		a = a.withCropLayers(integer(o.getOrDefault("crop-n-layers", "" + a.cropLayers()), "crop-n-layers"));
		a = a.withCropOverlapRatio(number(o, "crop-overlap-ratio", a.cropOverlapRatio()));
		a = a.withCropNmsThreshold(number(o, "crop-nms-thresh", a.cropNmsThreshold()));
		a = a.withCropPointsDownscale(integer(o.getOrDefault("crop-n-points-downscale-factor", "" + a
			.cropPointsDownscale()), "crop-n-points-downscale-factor"));
		a = a.withMinRegionArea(integer(o.getOrDefault("min-mask-region-area", "" + a.minRegionArea()),
			"min-mask-region-area"));
		SegmentationOptions options = SegmentationOptions.defaults().withIntensityMapping(IntensityMapping.parse(o
			.getOrDefault("intensity", "auto"))).withEncoding(encoding(o));
		if (options.encoding().mode() == EncodingMode.CROP) throw new UsageException(
			"--encoding crop needs prompts; sam everything takes auto, whole or tiles");
		return written(AutomaticSegmentation.everything(image, Collections.emptyList(), model(o), options, a, engine(o),
			consoleMonitor()), image, outDir);
	}

	private int refine(Map<String, String> o) throws IOException {
		Path objects = Paths.get(require(o, "objects"));
		Path outDir = Paths.get(require(o, "out"));
		ImagePlus image = openImage(o, "image");
		String addPoint = o.getOrDefault("add-point", "false");
		if (!addPoint.matches("true|false")) throw new UsageException("--add-point must be true or false");
		SegmentationOptions options = SegmentationOptions.defaults().withMultimask(MultimaskMode.parse(o.getOrDefault(
			"multimask", "single"))).withIntensityMapping(IntensityMapping.parse(o.getOrDefault("intensity", "auto")));
		String name = objects.getFileName().toString().toLowerCase(Locale.ROOT);
		SegmentationOutputs outputs;
		if (name.endsWith(".zip") || name.endsWith(".roi")) outputs = AutomaticSegmentation.refineRois(image, RoiPrompts
			.readRois(objects), addPoint.equals("true"), model(o), options, engine(o), consoleMonitor());
		else outputs = AutomaticSegmentation.refineLabels(image, openImage(o, "objects"), addPoint.equals("true"), model(
			o), options, engine(o), consoleMonitor());
		return written(outputs, image, outDir);
	}

	private static ImagePlus openImage(Map<String, String> o, String key) throws IOException {
		Path path = Paths.get(require(o, key));
		if (!Files.isRegularFile(path)) throw new IOException("Image not found: " + path);
		ImagePlus image = IJ.openImage(path.toString());
		if (image == null) throw new IOException("ImageJ cannot read the image " + path);
		return image;
	}

	private static String model(Map<String, String> o) {
		return o.getOrDefault("model", ModelStore.DEFAULT_MODEL);
	}

	private static EncodingOptions encoding(Map<String, String> o) {
		EncodingOptions d = EncodingOptions.defaults();
		return EncodingOptions.of(EncodingMode.parse(o.getOrDefault("encoding", d.mode().key())), integer(o.getOrDefault(
			"tile-size", "" + d.tileSize()), "tile-size"), integer(o.getOrDefault("tile-halo", "" + d.tileHalo()),
				"tile-halo"), integer(o.getOrDefault("crop-margin", "" + d.cropMargin()), "crop-margin"));
	}

	static EngineOptions engine(Map<String, String> o) {
		return EngineOptions.defaults().withThreads(integer(o.getOrDefault("threads", "0"), "threads")).withDevice(
			EngineOptions.Device.parse(o.getOrDefault("device", "cpu")));
	}

	/** Writes the outputs; the exit status is 1 when the run stopped early (the finished objects are written). */
	private int written(SegmentationOutputs outputs, ImagePlus image, Path outDir) throws IOException {
		OutputWriter.write(outputs, image, outDir);
		for (String note : outputs.result().notes())
			err.println(note);
		out.println("Segmented " + outputs.result().objects().size() + " object(s) in " + image.getTitle() + "; wrote " +
			OutputWriter.LABELS + ", " + OutputWriter.ROIS + ", " + OutputWriter.TABLE + ", " + OutputWriter.OVERLAY +
			" to " + outDir);
		if (outputs.result().isComplete()) return 0;
		err.println("sam: " + (outputs.result().stoppedBecause() == null ? "stopped early"
			: SegmentationOutputs.stoppedEarlyNote(outputs.result())));
		if (outputs.failure() != null) outputs.failure().printStackTrace(err);
		return 1;
	}

	/** Progress on stderr, one line per new message or new whole percent. */
	private TaskMonitor consoleMonitor() {
		return new TaskMonitor() {

			private String last = "";

			@Override
			public void progress(String message, long done, long total) {
				String line = total > 0 ? String.format("[%3d%%] %s", 100 * done / total, message) : message;
				if (!line.equals(last)) err.println(line);
				last = line;
			}

			@Override
			public boolean isCancelled() { return false; }
		};
	}

	private static Map<String, String> options(String[] args, String allowedKeys) {
		Map<String, String> o = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			String key = args[i];
			if (key.equals("--every-plane")) {
				o.put("every-plane", "true");
				continue;
			}
			if (!key.startsWith("--") || i + 1 >= args.length) throw new UsageException("Expected --option value, got '" +
				key + "'");
			o.put(key.substring(2), args[++i]);
		}
		for (String key : o.keySet())
			if (!key.matches(allowedKeys + "|device")) throw new UsageException(
				"Unknown option --" + key);
		return o;
	}

	static String require(Map<String, String> o, String key) {
		String v = o.get(key);
		if (v == null) throw new UsageException("Missing --" + key);
		return v;
	}

	static double number(Map<String, String> o, String key, double defaultValue) {
		String text = o.get(key);
		if (text == null) return defaultValue;
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException e) {
			throw new UsageException("--" + key + " must be a number, not '" + text + "'");
		}
	}

	static int integer(String text, String name) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException e) {
			throw new UsageException("--" + name + " must be a whole number, not '" + text + "'");
		}
	}

	/** A malformed command line. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}
	}
}
