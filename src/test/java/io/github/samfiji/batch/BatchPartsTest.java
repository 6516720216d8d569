package io.github.samfiji.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line, Spark's local master with retries, CSV cells, and inputs read through Hadoop. */
class BatchPartsTest {

	@TempDir
	Path dir;

	@Test
	void theProgressLineCountsAndEstimatesTheTimeLeft() {
		assertEquals("Batch: 0/40 done, 40 remaining, 0:00 elapsed", BatchProgress.line(0, 0, 40, 0.2));
		assertEquals("Batch: 10/40 done (1 failed), 30 remaining, 0:25 elapsed, about 1:15 left", BatchProgress.line(10,
			1, 40, 25));
		assertEquals("Batch: 40/40 done, 0 remaining, 1:02:05 elapsed", BatchProgress.line(40, 0, 40, 3725));
	}

	@Test
	void localMastersGetRetriesAsOnACluster() {
		assertEquals("local[2,4]", SparkBatch.withRetries("local[2]"));
		assertEquals("local[*,4]", SparkBatch.withRetries("local[*]"));
		assertEquals("local[2,1]", SparkBatch.withRetries("local[2,1]"));
		assertEquals("spark://host:7077", SparkBatch.withRetries("spark://host:7077"));
	}

	@Test
	void csvCellsAreQuotedWhenTheyNeedItAndSplitBack() {
		String cell = "Cannot read \"a,b\"";
		assertEquals("\"Cannot read \"\"a,b\"\"\"", Csv.quote(cell));
		assertEquals(java.util.Arrays.asList("x", cell, ""), Csv.split("x," + Csv.quote(cell) + ","));
		assertEquals("plain", Csv.quote("plain"));
	}

	@Test
	void aUriIsCopiedThroughHadoopUnderItsOwnNameWithItsSha256() throws IOException {
		byte[] bytes = "some image bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Path original = Files.write(dir.resolve("cells.tif"), bytes);
		InputFile copy = InputFile.of(original.toUri().toString(), dir.resolve("copies"));
		assertEquals("cells.tif", copy.local().getFileName().toString());
		assertEquals(dir.resolve("copies"), copy.local().getParent().getParent());
		assertArrayEquals(bytes, Files.readAllBytes(copy.local()));
		assertEquals("4a1d0745de0af6810ed553996afd73d8f152b0c32918fda983c0505bc7a07bc1", copy.sha256());
		InputFile local = InputFile.of(original.toString(), dir.resolve("copies"));
		assertEquals(original, local.local());
		assertEquals("4a1d0745de0af6810ed553996afd73d8f152b0c32918fda983c0505bc7a07bc1", local.sha256());
		assertEquals(dir.resolve("nope.tif") + " does not exist", org.junit.jupiter.api.Assertions.assertThrows(
			IOException.class, () -> InputFile.of(dir.resolve("nope.tif").toString(), dir)).getMessage());
	}
}
