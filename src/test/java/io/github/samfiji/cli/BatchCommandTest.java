package io.github.samfiji.cli;

import static io.github.samfiji.cli.BatchFixtures.image;
import static io.github.samfiji.cli.BatchFixtures.name;
import static io.github.samfiji.cli.BatchFixtures.prompts;
import static io.github.samfiji.cli.BatchFixtures.sam;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.options.BatchOptions;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionHelp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sam batch OP} without a master: in this process, without Spark. Usage errors, a manifest with a corrupt image,
 * outputs byte-equal to the single-image command line's, reruns (skipped unless the inputs or a result-changing
 * option changed), Ctrl-C.
 */
class BatchCommandTest {

	@TempDir
	Path dir;

	private Path manifest;

	@BeforeEach
	void data() throws IOException {
		manifest = BatchFixtures.write(dir, 4, 2);
	}

	private BatchFixtures.Run batch(String... options) {
		String[] args = new String[options.length + 8];
		String[] head = { "batch", "segment", "--manifest", manifest.toString(), "--out", dir.resolve("out").toString(),
			"--model" };
		System.arraycopy(head, 0, args, 0, head.length);
		args[head.length] = IjTestFixtures.descriptor().toString();
		System.arraycopy(options, 0, args, head.length + 1, options.length);
		return sam(null, args);
	}

	@Test
	void helpListsBatchOptionsThenTheOperationsAndUsageErrorsExit2() {
		BatchFixtures.Run help = sam(null, "batch", "segment", "--help");
		assertEquals(0, help.status);
		assertEquals(OptionHelp.batchUsage(Operation.SEGMENT), help.out);
		for (String flag : new String[] { "--manifest FILE", "--images DIR", "--glob", "--out DIR", "--master",
			"--prompts FILE", "--tile-size", "--threads" })
			assertTrue(help.out.contains(flag), flag + " in\n" + help.out);
		assertFalse(help.out.contains("--image FILE"), help.out);
		assertEquals(2, sam(null, "batch").status);
		BatchFixtures.Run unknown = sam(null, "batch", "segmnt");
		assertEquals(2, unknown.status);
		assertTrue(unknown.err.startsWith("sam batch: unknown operation 'segmnt'"), unknown.err);
		assertUsageError("sam batch segment takes its images from --manifest or --images, not --image", "batch",
			"segment", "--image", "a.tif", "--out", "o");
		assertUsageError("sam batch segment needs --manifest FILE or --images DIR", "batch", "segment", "--out", "o");
		assertUsageError("sam batch needs --out DIR", "batch", "segment", "--images", ".");
		assertUsageError("--tile-size must be in 64-16384, got 3", "batch", "segment", "--images", ".", "--out", "o",
			"--tile-size", "3");
		assertUsageError("--glob goes with --images DIR", "batch", "everything", "--manifest", "m.csv", "--out", "o",
			"--glob", "*.png");
	}

	private static void assertUsageError(String message, String... args) {
		BatchFixtures.Run run = sam(null, args);
		assertEquals(2, run.status, run.toString());
		assertTrue(run.err.startsWith("sam: " + message + System.lineSeparator()), run.err);
		assertTrue(run.err.contains("Usage: sam batch " + args[1]), run.err);
	}

	@Test
	void aBadManifestExits2BeforeAnythingRuns() throws IOException {
		Files.write(manifest, Arrays.asList("image,prompt", "images/img-00.tif,prompts/img-00.csv"));
		BatchFixtures.Run run = batch();
		assertEquals(2, run.status, run.toString());
		assertEquals("sam: " + manifest + ": unknown column 'prompt'; the columns of sam batch segment are image, prompts," +
			" name" + System.lineSeparator(), run.err);
		Files.write(manifest, Arrays.asList("image,prompts", "images/img-00.tif,"));
		run = batch();
		assertEquals(2, run.status, run.toString());
		assertEquals("sam: " + manifest + ": row 1 (" + image(dir, 0) + ") has no prompts: fill its prompts column or " +
			"give --prompts for every image" + System.lineSeparator(), run.err);
		assertFalse(Files.exists(dir.resolve("out")));
	}

	@Test
	void aCorruptImageFailsItsRowAndTheOthersAreWrittenAsTheSingleImageCommandWritesThem() throws IOException {
		BatchFixtures.Run run = batch();
		assertEquals(1, run.status, run.toString());
		Path out = dir.resolve("out");
		Map<String, List<String>> status = BatchFixtures.status(out);
		assertEquals(Arrays.asList("ok", "ok", "failed", "ok"), column(status, 1));
		assertEquals("ImageJ cannot read " + image(dir, 2) + ": is it an image (TIFF, PNG, JPEG or another format " +
			"ImageJ opens)?", status.get(image(dir, 2).toString()).get(2));
		assertEquals(Arrays.asList("1", "1", "0", "1"), column(status, 4));
		assertTrue(run.err.contains("sam: " + image(dir, 2) + ": ImageJ cannot read " + image(dir, 2)), run.err);
		assertFalse(Files.exists(out.resolve(name(2))));
		for (int i : new int[] { 0, 3 }) {
			Path single = dir.resolve("single");
			assertEquals(0, sam(null, "segment", "--image", image(dir, i).toString(), "--prompts", prompts(dir, i)
				.toString(), "--out", single.toString(), "--model", IjTestFixtures.descriptor().toString()).status);
			for (String f : IjTestFixtures.outputFileNames())
				assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(out.resolve(name(i)).resolve(f)),
					f);
		}
		List<String> objects = Files.readAllLines(out.resolve("objects.csv"));
		assertEquals("image," + IjTestFixtures.RESULTS_HEADER, objects.get(0));
		List<String> table = Files.readAllLines(out.resolve(name(3)).resolve("results.csv"));
		assertEquals(image(dir, 3) + "," + table.get(1), objects.get(5));
		assertEquals(7, objects.size());
	}

	@Test
	void aRerunSkipsWhatIsDoneRedoesFailedRowsAndRowsWhoseInputsOrOptionsChanged() throws IOException {
		assertEquals(1, batch().status);
		Path out = dir.resolve("out");
		List<String> before = outputs(out);
		BatchFixtures.Run again = batch("--threads", "1", "--cache-dir", dir.resolve("cache").toString());
		assertEquals(Arrays.asList("skipped", "skipped", "failed", "skipped"), column(BatchFixtures.status(out), 1), again
			.toString());
		assertEquals(Arrays.asList("0", "0", "0", "0"), column(BatchFixtures.status(out), 4));
		assertEquals(before, outputs(out), "threads and the cache do not change results: nothing is rewritten");

		assertTrue(new ij.io.FileSaver(BatchFixtures.pattern(2)).saveAsTiff(image(dir, 2).toString()));
		IjTestFixtures.writeCsv(prompts(dir, 1), "a,box,20,20,8,8,,");
		assertEquals(0, batch().status);
		Map<String, List<String>> status = BatchFixtures.status(out);
		assertEquals(Arrays.asList("skipped", "ok", "ok", "skipped"), column(status, 1));
		assertEquals("1", status.get(image(dir, 1).toString()).get(3), "the new prompts have one object");

		assertEquals(0, batch("--crop-margin", "64").status);
		assertEquals(Arrays.asList("ok", "ok", "ok", "ok"), column(BatchFixtures.status(out), 1),
			"an option that can change results runs every row again");
	}

	@Test
	void ctrlCStopsTheBatchAndWritesTheStatus() throws IOException {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		ConsoleMonitor monitor = new ConsoleMonitor(e);
		monitor.interrupt();
		BatchOptions options = BatchOptions.parse(Operation.SEGMENT, flags("manifest", manifest.toString(), "out", dir
			.resolve("out").toString(), "model", IjTestFixtures.descriptor().toString()));
		assertEquals(1, BatchCommand.standard(new PrintStream(new ByteArrayOutputStream()), e).run(options, monitor));
		Map<String, List<String>> status = BatchFixtures.status(dir.resolve("out"));
		assertEquals(Collections.nCopies(4, "Not run: the batch was interrupted"), column(status, 2));
		assertEquals(Arrays.asList("objects.csv", "status.csv"), IjTestFixtures.fileNames(dir.resolve("out")));
	}

	private static Map<String, String> flags(String... keyValues) {
		Map<String, String> m = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2)
			m.put(keyValues[i], keyValues[i + 1]);
		return m;
	}

	private static List<String> column(Map<String, List<String>> status, int c) {
		List<String> cells = new java.util.ArrayList<>();
		for (List<String> row : status.values())
			cells.add(row.get(c));
		return cells;
	}

	/** The image folders' files with sizes, times and file keys. */
	private static List<String> outputs(Path out) throws IOException {
		List<String> files = BatchFixtures.snapshot(out);
		files.removeIf(f -> f.startsWith("status.csv") || f.startsWith("objects.csv"));
		return files;
	}
}
