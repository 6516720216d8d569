package io.github.samfiji.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

import io.github.samfiji.ij.IjTestFixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Batch test data: numbered 8-bit TIFFs ({@code images/img-NN.tif}, each with its own pixels), a prompt file per
 * image with two boxes placed by its number ({@code prompts/img-NN.csv}), a manifest with relative paths, and
 * helpers to run the command line and read its outputs.
 */
final class BatchFixtures {

	static final int W = 64, H = 48;

	private BatchFixtures() {}

	/** The image file of number {@code i} under {@code dir}. */
	static Path image(Path dir, int i) {
		return dir.resolve("images").resolve(name(i) + ".tif");
	}

	static Path prompts(Path dir, int i) {
		return dir.resolve("prompts").resolve(name(i) + ".csv");
	}

	static String name(int i) {
		return String.format("img-%02d", i);
	}

	/**
	 * Writes {@code count} images with their prompts and {@code manifest.csv} (image,prompts, relative paths); the
	 * images numbered in {@code corrupt} hold bytes no reader opens.
	 */
	static Path write(Path dir, int count, int... corrupt) throws IOException {
		Files.createDirectories(dir.resolve("images"));
		Files.createDirectories(dir.resolve("prompts"));
		List<String> manifest = new ArrayList<>();
		manifest.add("image,prompts");
		for (int i = 0; i < count; i++) {
			final int n = i;
			if (java.util.Arrays.stream(corrupt).anyMatch(c -> c == n)) Files.write(image(dir, i), "not an image"
				.getBytes(StandardCharsets.UTF_8));
			else assertTrue(new FileSaver(pattern(i)).saveAsTiff(image(dir, i).toString()));
			IjTestFixtures.writeCsv(prompts(dir, i), "a,box," + (2 + i % 20) + ",5,12,10,,", "b,box,40," + (3 + i % 15) +
				",10,12,,");
			manifest.add("images/" + name(i) + ".tif,prompts/" + name(i) + ".csv");
		}
		return Files.write(dir.resolve("manifest.csv"), manifest, StandardCharsets.UTF_8);
	}

	/** An image whose pixels depend on its number. */
	static ImagePlus pattern(int i) {
		ByteProcessor bp = new ByteProcessor(W, H);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				bp.set(x, y, (x * 3 + y * 5 + i * 7) & 0xff);
		return new ImagePlus(name(i), bp);
	}

	/** A command's exit status, stdout and stderr. */
	static final class Run {

		final int status;
		final String out;
		final String err;

		Run(int status, String out, String err) {
			this.status = status;
			this.out = out;
			this.err = err;
		}

		@Override
		public String toString() { return "exit " + status + "\nstdout:\n" + out + "\nstderr:\n" + err; }
	}

	/** Runs {@code sam ARGS} (the single-image command line or, with a Spark context, a batch). */
	static Run sam(java.util.function.Function<String, io.github.samfiji.batch.BatchRunner> spark, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true,
			StandardCharsets.UTF_8);
		int status = args[0].equals("batch") ? (spark == null ? BatchCommand.standard(o, e) : new BatchCommand(o, e,
			spark)).run(args) : new SamCli(o, e).run(args);
		return new Run(status, new String(out.toByteArray(), StandardCharsets.UTF_8), new String(err.toByteArray(),
			StandardCharsets.UTF_8));
	}

	/** The rows of status.csv by image (cells: image, status, message, objects, encoder_runs, seconds). */
	static Map<String, List<String>> status(Path out) throws IOException {
		List<String> lines = Files.readAllLines(out.resolve("status.csv"), StandardCharsets.UTF_8);
		assertTrue(lines.get(0).equals("image,status,message,objects,encoder_runs,seconds"), lines.get(0));
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			List<String> cells = cells(line);
			rows.put(cells.get(0), cells);
		}
		return rows;
	}

	/** The cells of a CSV line (quotes as the batch writes them). */
	static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') cell.append(line.charAt(++i));
				else quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else cell.append(c);
		}
		cells.add(cell.toString());
		return cells;
	}

	/**
	 * Every file under {@code dir} (relative path) with its size, modification time and file key (device and inode
	 * where the file system has them: a file replaced by a rename gets another), sorted.
	 */
	static List<String> snapshot(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).map(f -> {
				try {
					java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(f,
						java.nio.file.attribute.BasicFileAttributes.class);
					return dir.relativize(f) + " " + a.size() + " " + a.lastModifiedTime().toMillis() + " " + a.fileKey();
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).sorted().collect(Collectors.toList());
		}
	}
}
