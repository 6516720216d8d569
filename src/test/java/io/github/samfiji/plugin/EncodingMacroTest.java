package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoding keys through the ImageJ 1 macro entries, headless: tiles of 64 pixels with halo 8 on a 128 x 96
 * image start at x = 0, 32, 64 and y = 0, 32. The choice is logged (ImageJ's log goes to stdout headless) and
 * each object's region is in the results table.
 */
class EncodingMacroTest {

	@TempDir
	Path tmp;

	@RegisterExtension
	final CapturedStdout stdout = new CapturedStdout();

	@Test
	void segmentWithPromptsOnTiles() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", 128, 96, 1);
		Path csv = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "a,box,3,4,6,5,,", "b,box,80,60,10,10,,");
		Path out = tmp.resolve("out");
		MacroCall.run(image, "model=[" + IjTestFixtures.descriptor() + "] prompts=File prompt_file=[" + csv +
			"] output_directory=[" + out + "] encoding=tiles tile_size=64 tile_halo=8");
		assertEquals("Segment with Prompts: Encoding: tiles on slice(s) 1, 2 region(s) (as asked)\n",
			stdout.printedBesidesEmbeddingCounts());
		List<String> table = Files.readAllLines(out.resolve(OutputWriter.TABLE));
		assertEquals("1,a,1,30,30,pixel,0,0.9,,3,4,6,5,\"tile:0,0,64,64\",30,auto", table.get(1));
		assertEquals("2,b,1,100,100,pixel,0,0.9,,80,60,10,10,\"tile:64,32,64,64\",100,auto", table.get(2));
	}

	@Test
	void segmentEverythingRefusesCrops() {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", 64, 48, 1);
		MacroCall.run(new SegmentEverythingPlugin(), image, "model=[" + IjTestFixtures.descriptor() +
			"] encoding=crop output_directory=[" + tmp + "]");
		assertTrue(stdout.printed().contains("encoding must be one of auto, whole, tiles, not 'crop'"),
			stdout.printed());
	}
}
