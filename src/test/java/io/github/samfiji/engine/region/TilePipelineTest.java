package io.github.samfiji.engine.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.AnalyticMasks;
import io.github.samfiji.engine.RecordingMonitor;
import io.github.samfiji.engine.TestImages;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PlaneRegions;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tiled encoding with the tiny analytic models on a 2100 x 1100 plane: tiles of 1024 with halo 128 start at x = 0,
 * 538, 1076 and y = 0, 76. Each prompt is decoded on the tile where it has the most margin, each tile is encoded
 * once, and masks are exactly the analytic masks in the plane.
 */
class TilePipelineTest {

	private static final int W = 2100, H = 1100;
	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static final List<ObjectPrompt> PROMPTS = Arrays.asList( //
		ObjectPrompt.builder().box(20, 1000, 31, 17).build(), // bottom-left corner
		ObjectPrompt.builder().point(1100.5, 550.5, true).build(), // the middle tile
		ObjectPrompt.builder().box(2090, 0, 10, 1).build(), // top-right corner, one row high
		ObjectPrompt.builder().point(300.5, 200.5, true).point(303.5, 200.5, false).build());

	private static PromptSegmenter segmenter(EmbeddingCache cache) {
		return new PromptSegmenter(model, SegmentationOptions.defaults().withEncoding(EncodingOptions.defaults()
			.withMode(EncodingMode.TILES)), cache);
	}

	@Test
	void promptsAreDecodedOnTheirBestTileAndEachTileIsEncodedOnce() {
		EmbeddingCache cache = new EmbeddingCache(1L << 30, null);
		long runs = model.encoder().runCount();
		SegmentationResult result = segmenter(cache).segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), PROMPTS,
			TaskMonitor.NONE);

		List<String> regions = new ArrayList<>();
		for (SegmentedObject o : result.objects()) {
			regions.add(o.region());
			AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(W, H, o.prompt(), AnalyticMasks.R2_SINGLE), o.mask());
		}
		assertEquals(Arrays.asList("tile:0,76,1024,1024", "tile:538,0,1024,1024", "tile:1076,0,1024,1024",
			"tile:0,0,1024,1024"), regions);
		assertEquals(4, model.encoder().runCount() - runs);
		assertEquals(Arrays.asList(1, 2, 3, 4), ids(result), "numbered in prompt order");
		assertEquals("Encoding: tiles on slice(s) 1, 4 region(s) (as asked)", result.notes().get(0));

		segmenter(cache).segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), PROMPTS, TaskMonitor.NONE);
		assertEquals(4, model.encoder().runCount() - runs, "tiles are cached like any embedding");
	}

	@Test
	void cancellingDuringTilingStopsTheTileBeingEncodedAndKeepsTheFinishedOnesInTheCache() {
		EmbeddingCache cache = new EmbeddingCache(1L << 30, null);
		RecordingMonitor cancelAfterTwoTiles = new RecordingMonitor(messages -> messages.stream().filter(m -> m.contains(
			"encoding tile:")).count() >= 2);
		long runs = model.encoder().runCount();
		SegmentationResult cancelled = segmenter(cache).segment(PlaneSource.of(TestImages.unsignedBytes(W, H)),
			PROMPTS, cancelAfterTwoTiles);
		assertFalse(cancelled.isComplete());
		assertEquals(Arrays.asList(1), ids(cancelled), "the second tile's encoder run was stopped");
		assertEquals(1, model.encoder().runCount() - runs);
		PlaneRegions planeRegions = new PlaneRegions(segmenter(cache), TestImages.unsignedBytes(W, H));
		assertTrue(planeRegions.isCached(new Region(Region.Kind.TILE, W, H, 0, 76, 1024, 1024)));
		assertEquals(1, planeRegions.cachedRegions().size());

		SegmentationResult resumed = segmenter(cache).segment(PlaneSource.of(TestImages.unsignedBytes(W, H)), PROMPTS,
			TaskMonitor.NONE);
		assertTrue(resumed.isComplete());
		assertEquals(4, model.encoder().runCount() - runs, "the re-run encodes only the three tiles not finished");
	}

	private static List<Integer> ids(SegmentationResult r) {
		List<Integer> ids = new ArrayList<>();
		for (SegmentedObject o : r.objects())
			ids.add(o.id());
		return ids;
	}
}
