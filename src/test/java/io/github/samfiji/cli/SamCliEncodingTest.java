package io.github.samfiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.io.FileSaver;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --encoding}, {@code --tile-size}, {@code --tile-halo}, {@code --crop-margin} with the tiny model on a
 * 128 x 128 image: tiles of 64 with halo 8 start at 0, 32 and 64 on each axis.
 */
class SamCliEncodingTest {

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
	private Path image;
	private Path prompts;

	@BeforeEach
	void files() throws IOException {
		image = tmp.resolve("cells.tif");
		assertTrue(new FileSaver(IjTestFixtures.grey8("cells", 128, 128, 1)).saveAsTiff(image.toString()));
		prompts = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "a,box,10,12,20,15,,", "b,box,80,90,8,9,,");
	}

	private int run(String... args) {
		return new SamCli(new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true,
			StandardCharsets.UTF_8)).run(args);
	}

	private String out() { return new String(outBytes.toByteArray(), StandardCharsets.UTF_8); }

	private String err() { return new String(errBytes.toByteArray(), StandardCharsets.UTF_8); }

	@Test
	void tilesAreReportedInTheTableAndOnStderr() throws IOException {
		Path out = tmp.resolve("out");
		assertEquals(0, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--image", image.toString(),
			"--prompts", prompts.toString(), "--out", out.toString(), "--encoding", "tiles", "--tile-size", "64",
			"--tile-halo", "8"), err());
		List<String> table = Files.readAllLines(out.resolve(OutputWriter.TABLE));
		assertEquals("1,a,1,300,300,pixel,0,0.9,,10,12,20,15,\"tile:0,0,64,64\",300,auto", table.get(1));
		assertEquals("2,b,1,72,72,pixel,0,0.9,,80,90,8,9,\"tile:64,64,64,64\",72,auto", table.get(2));
		assertTrue(out().contains("Encoding: tiles on slice(s) 1, 2 region(s) (as asked)"), out());
	}

	@Test
	void everythingOnTiles() throws IOException {
		Path out = tmp.resolve("out");
		assertEquals(0, run("everything", "--method", "grid", "--model", IjTestFixtures.descriptor().toString(), "--image", image
			.toString(), "--out", out.toString(), "--points-per-side", "2", "--pred-iou-thresh", "0.7",
			"--stability-score-offset", "0.5", "--encoding", "tiles", "--tile-size", "64", "--tile-halo", "8"), err());
		List<String> table = Files.readAllLines(out.resolve(OutputWriter.TABLE));
		assertTrue(table.size() > 1, "objects found");
		for (String row : table.subList(1, table.size()))
			assertTrue(row.contains("tile:"), row);
		assertTrue(out().contains("Encoding: tiles on slice(s) 1, 9 region(s)"), out());
	}

	@Test
	void badEncodingOptions() {
		assertEquals(2, run("everything", "--image", image.toString(), "--out", tmp.toString(), "--encoding", "crop"));
		assertTrue(err().startsWith("sam: --encoding must be one of auto, whole, tiles, not 'crop'"),
			err());
		errBytes.reset();
		assertEquals(2, run("segment", "--image", image.toString(), "--prompts", prompts.toString(), "--out", tmp
			.toString(), "--tile-size", "big"));
		assertTrue(err().startsWith("sam: --tile-size must be a whole number, not 'big'"), err());
		errBytes.reset();
		assertEquals(2, run("segment", "--image", image.toString(), "--prompts", prompts.toString(), "--out", tmp
			.toString(), "--encoding", "zoom"));
		assertTrue(err().startsWith("sam: --encoding must be one of auto, whole, crop, tiles, not 'zoom'"), err());
		errBytes.reset();
		assertEquals(1, run("segment", "--image", image.toString(), "--prompts", prompts.toString(), "--out", tmp
			.toString(), "--tile-size", "64", "--tile-halo", "32"));
		assertTrue(err().startsWith("sam: The tile halo (32) must be less than half of the tile size (64)"), err());
	}
}
