package io.github.samfiji.cli;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.PromptSegmentation;
import io.github.samfiji.ij.PromptSource;
import io.github.samfiji.ij.SegmentationOutputs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/**
 * Command line for scripts and clusters ({@code scripts/sam}):
 * <pre>
 * sam segment --model ID|DESCRIPTOR.json --image IN --prompts PROMPTS.csv|RoiSet.zip --out DIR
 *             [--multimask best|single|all] [--intensity auto|percentiles:LOW:HIGH|fixed:MIN:MAX] [--threads N]
 * sam models
 * </pre>
 * {@code segment} writes {@code DIR/labels.tif}, {@code DIR/RoiSet.zip}, {@code DIR/results.csv} and
 * {@code DIR/overlay.png}. Exit status: 0 on success, 1 when the run fails, 2 for a usage error.
 */
public final class SamCli {

	static final String USAGE = String.join("\n",
		"Usage:",
		"  sam segment --model ID|DESCRIPTOR.json --image IN --prompts PROMPTS.csv|RoiSet.zip --out DIR",
		"              [--multimask best|single|all] [--intensity auto|percentiles:LOW:HIGH|fixed:MIN:MAX] [--threads N]",
		"  sam models       list the installed models and the model directory",
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
					return segment(options(args));
				case "models":
					return models();
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
		Path imagePath = Paths.get(require(o, "image"));
		Path prompts = Paths.get(require(o, "prompts"));
		Path outDir = Paths.get(require(o, "out"));
		if (!Files.isRegularFile(imagePath)) throw new IOException("Image not found: " + imagePath);
		ImagePlus image = IJ.openImage(imagePath.toString());
		if (image == null) throw new IOException("ImageJ cannot read the image " + imagePath);
		SegmentationOptions options = SegmentationOptions.defaults().withMultimask(MultimaskMode.parse(o.getOrDefault(
			"multimask", "best"))).withIntensityMapping(IntensityMapping.parse(o.getOrDefault("intensity", "auto")));
		EngineOptions engine = EngineOptions.defaults().withThreads(integer(o.getOrDefault("threads", "0"), "threads"));
		SegmentationOutputs outputs = PromptSegmentation.run(image, PromptSource.FILE.read(image, prompts), o.getOrDefault(
			"model", ModelStore.DEFAULT_MODEL), options, engine, consoleMonitor());
		OutputWriter.write(outputs, image, outDir);
		out.println("Segmented " + outputs.result().objects().size() + " object(s) in " + imagePath.getFileName() +
			"; wrote " + OutputWriter.LABELS + ", " + OutputWriter.ROIS + ", " + OutputWriter.TABLE + ", " +
			OutputWriter.OVERLAY + " to " + outDir);
		return 0;
	}

	private int models() throws IOException {
		ModelStore store = ModelStore.defaultStore();
		out.println("Model directory: " + store.root());
		for (String id : store.installedIds())
			out.println("  " + id + "  " + store.resolve(id).name());
		return 0;
	}

	private TaskMonitor consoleMonitor() {
		return new TaskMonitor() {

			@Override
			public void progress(String message, long done, long total) {
				err.println(total > 0 ? String.format("[%3d%%] %s", 100 * done / total, message) : message);
			}

			@Override
			public boolean isCancelled() { return false; }
		};
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> o = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			String key = args[i];
			if (!key.startsWith("--") || i + 1 >= args.length) throw new UsageException("Expected --option value, got '" +
				key + "'");
			o.put(key.substring(2), args[++i]);
		}
		for (String key : o.keySet())
			if (!key.matches("model|image|prompts|out|multimask|intensity|threads")) throw new UsageException(
				"Unknown option --" + key);
		return o;
	}

	private static String require(Map<String, String> o, String key) {
		String v = o.get(key);
		if (v == null) throw new UsageException("Missing --" + key);
		return v;
	}

	private static int integer(String text, String name) {
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
