package io.github.samfiji.cli;

import static io.github.samfiji.cli.BatchFixtures.image;
import static io.github.samfiji.cli.BatchFixtures.name;
import static io.github.samfiji.cli.BatchFixtures.prompts;
import static io.github.samfiji.cli.BatchFixtures.sam;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.batch.BatchFaults;
import io.github.samfiji.batch.BatchRunner;
import io.github.samfiji.batch.SparkBatch;
import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sam batch segment --master local[2]} on Spark (one local[2] context for the class, two tries per task): 40
 * images, one corrupt; byte-equal outputs to the single-image command line; a rerun that runs nothing; an attempt
 * killed while writing and retried.
 */
class BatchSparkTest {

	private static final int IMAGES = 40, CORRUPT = 17;

	@TempDir
	static Path data;

	private static JavaSparkContext spark;
	private static Path manifest;
	private static final Function<String, BatchRunner> SHARED = master -> new SparkBatch(spark);

	@BeforeAll
	static void start() throws IOException {
		System.setProperty("log4j2.configurationFile", SparkBatch.class.getResource("spark-log4j2.properties")
			.toString());
		spark = new JavaSparkContext(new SparkConf().setMaster("local[2,2]").setAppName("BatchSparkTest").set(
			"spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
		manifest = BatchFixtures.write(data, IMAGES, CORRUPT);
	}

	@AfterAll
	static void stop() {
		if (spark != null) spark.stop();
	}

	@AfterEach
	void noFaults() {
		BatchFaults.clear();
	}

	private static BatchFixtures.Run batch(Path manifestFile, Path out) {
		return sam(SHARED, "batch", "segment", "--manifest", manifestFile.toString(), "--out", out.toString(), "--model",
			IjTestFixtures.descriptor().toString(), "--master", "local[2]");
	}

	@Test
	void fortyImagesOneCorruptThenARerunThatRunsNothing() throws IOException {
		Path out = data.resolve("out");
		BatchFixtures.Run run = batch(manifest, out);
		assertEquals(1, run.status, run.toString());
		Map<String, List<String>> status = BatchFixtures.status(out);
		assertEquals(IMAGES, status.size());
		int ok = 0;
		for (int i = 0; i < IMAGES; i++) {
			List<String> row = status.get(image(data, i).toString());
			if (i == CORRUPT) {
				assertEquals(Arrays.asList("failed", "ImageJ cannot read " + image(data, i) + ": is it an image (TIFF, " +
					"PNG, JPEG or another format ImageJ opens)?", "0"), row.subList(1, 4), row.toString());
				continue;
			}
			assertEquals(Arrays.asList("ok", "", "2", "1"), row.subList(1, 5), row.toString());
			assertEquals(Arrays.asList(OutputWriter.ROIS, "batch.json", OutputWriter.LABELS, OutputWriter.OVERLAY,
				OutputWriter.TABLE), IjTestFixtures.fileNames(out.resolve(name(i))));
			ok++;
		}
		assertEquals(IMAGES - 1, ok);
		assertTrue(run.err.contains("Batch: 40/40 done (1 failed), 0 remaining"), run.err);
		assertTrue(run.out.contains("Batch segment: 39 ok, 0 skipped, 1 failed of 40 images"), run.out);
		assertEquals(1 + 2 * (IMAGES - 1), Files.readAllLines(out.resolve("objects.csv")).size());
		assertEquals(0, BatchFaults.stagingLeft(out));

		for (int i : new int[] { 0, 23, IMAGES - 1 })
			assertSameAsSingleImage(out.resolve(name(i)), i);

		List<String> before = BatchFixtures.snapshot(out.resolve(name(0)).getParent());
		BatchFixtures.Run again = batch(manifest, out);
		assertEquals(1, again.status, again.toString());
		for (List<String> row : BatchFixtures.status(out).values())
			if (!row.get(0).equals(image(data, CORRUPT).toString())) assertEquals(Arrays.asList("skipped", "", "2", "0"),
				row.subList(1, 5), row.toString());
		List<String> after = BatchFixtures.snapshot(out);
		after.removeIf(f -> f.startsWith("status.csv") || f.startsWith("objects.csv"));
		before.removeIf(f -> f.startsWith("status.csv") || f.startsWith("objects.csv"));
		assertEquals(before, after, "a rerun rewrites no image's outputs");
	}

	@Test
	void anAttemptKilledWhileWritingIsRetriedIntoOneCleanSet() throws IOException {
		Path dir = data.resolve("killed");
		Path few = BatchFixtures.write(dir, 3);
		AtomicInteger killed = BatchFaults.killFirstAttemptWhileWriting(name(1));
		Path out = dir.resolve("out");
		BatchFixtures.Run run = batch(few, out);
		assertEquals(0, run.status, run.toString());
		assertEquals(1, killed.get());
		for (List<String> row : BatchFixtures.status(out).values())
			assertEquals("ok", row.get(1), row.toString());
		assertEquals(Arrays.asList(OutputWriter.ROIS, "batch.json", OutputWriter.LABELS, OutputWriter.OVERLAY,
			OutputWriter.TABLE), IjTestFixtures.fileNames(out.resolve(name(1))));
		assertEquals(Arrays.asList("img-00", "img-01", "img-02", "objects.csv", "status.csv"), IjTestFixtures.fileNames(
			out));
		assertSameAsSingleImageOf(dir, out.resolve(name(1)), 1);
	}

	private static void assertSameAsSingleImage(Path folder, int i) throws IOException {
		assertSameAsSingleImageOf(data, folder, i);
	}

	/** The four outputs are byte-equal to those of {@code sam segment} on the same image with the same options. */
	private static void assertSameAsSingleImageOf(Path dir, Path folder, int i) throws IOException {
		Path single = dir.resolve("single-" + i);
		BatchFixtures.Run run = sam(null, "segment", "--image", image(dir, i).toString(), "--prompts", prompts(dir, i)
			.toString(), "--out", single.toString(), "--model", IjTestFixtures.descriptor().toString());
		assertEquals(0, run.status, run.toString());
		for (String f : IjTestFixtures.outputFileNames())
			assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(folder.resolve(f)), folder + "/" + f +
				" differs from the single-image command line's");
		assertTrue(new String(Files.readAllBytes(folder.resolve("batch.json")), StandardCharsets.UTF_8).contains(
			"\"encoder_runs\": 1"));
	}
}
