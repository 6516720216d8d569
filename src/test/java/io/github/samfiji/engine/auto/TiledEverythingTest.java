package io.github.samfiji.engine.auto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.AnalyticMasks;
import io.github.samfiji.engine.RecordingMonitor;
import io.github.samfiji.engine.TestImages;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.engine.region.Region;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PlaneRegions;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Segment everything on tiles with the tiny single-mask model, whose masks are discs of radius 4.5 around the grid
 * points. Tiles of 256 pixels are encoded at scale 4, where one low-resolution cell is one pixel, so every kept mask
 * is exactly its analytic disc; with an 8 x 8 grid per tile, grid points lie at 16 + 32 k in tile coordinates.
 */
class TiledEverythingTest {

	private static SamModel model;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static PromptSegmenter prompts(int tile, int halo, EmbeddingCache cache) {
		return new PromptSegmenter(model, SegmentationOptions.defaults().withEncoding(EncodingOptions.of(
			EncodingMode.TILES, tile, halo, 0)), cache);
	}

	private static AutomaticSegmenter segmenter(int tile, int halo, EmbeddingCache cache) {
		return new AutomaticSegmenter(prompts(tile, halo, cache), AutomaticOptions.defaults().withPointsPerSide(8)
			.withIouThreshold(0.65).withStabilityOffset(0.5));
	}

	@Test
	void piecesCutByBothTilesOfANarrowOverlapAreMergedIntoOneObject() {
		// 480 x 256, tiles of 256 with halo 16: x = 0 and 224, overlapping on columns 224-255. Grid columns: 16..240
		// in the first tile, 240..464 in the second. The discs at x = 240 lie within 20 pixels of an inner edge of
		// both tiles: pieces, found twice and merged. Every other disc is found once, whole.
		SegmentationResult r = segmenter(256, 16, EmbeddingCache.none()).segment(PlaneSource.of(TestImages
			.unsignedBytes(480, 256)), TaskMonitor.NONE);
		assertTrue(r.isComplete());
		assertEquals(120, r.objects().size());
		Set<String> centres = new HashSet<>();
		int merged = 0;
		for (SegmentedObject o : r.objects()) {
			assertArrayEquals(AnalyticMasks.mask(480, 256, o.prompt(), AnalyticMasks.R2_SINGLE), o.mask().toPlane(), o
				.region());
			assertTrue(centres.add(o.prompt().points().get(0).x() + "," + o.prompt().points().get(0).y()), "duplicate " + o
				.prompt());
			if (o.prompt().points().get(0).x() == 240) {
				assertEquals("tile:0,0,256,256+tile:224,0,256,256", o.region());
				merged++;
			}
		}
		assertEquals(8, merged);
		assertEquals("Encoding: tiles on slice(s) 1, 2 region(s) (as asked)", r.notes().get(0));
	}

	@Test
	void piecesOfObjectsFoundWholeInAnotherTileAreDroppedAndDuplicatesKeptOnce() {
		// 448 x 256, halo 48: tiles at x = 0, 96, 192, grids at 16 + 32 k, 112 + 32 k, 208 + 32 k, so neighbouring
		// tiles share grid points. A disc near an inner edge of one tile (e.g. x = 240 in the first) is whole in
		// another; discs found whole in two tiles are one object.
		SegmentationResult r = segmenter(256, 48, EmbeddingCache.none()).segment(PlaneSource.of(TestImages
			.unsignedBytes(448, 256)), TaskMonitor.NONE);
		assertEquals(14 * 8, r.objects().size());
		Set<String> centres = new HashSet<>();
		for (SegmentedObject o : r.objects()) {
			assertArrayEquals(AnalyticMasks.mask(448, 256, o.prompt(), AnalyticMasks.R2_SINGLE), o.mask().toPlane());
			assertFalse(o.region().contains("+"), "nothing to merge");
			double x = o.prompt().points().get(0).x(), y = o.prompt().points().get(0).y();
			assertEquals(16, (x - 16) % 32 + 16, 0, "on the common grid");
			assertTrue(centres.add(x + "," + y), "duplicate " + o.prompt());
		}
	}

	@Test
	void cancellingDuringTilingStopsTheTileBeingEncodedAndKeepsTheFinishedOnesInTheCache() {
		EmbeddingCache cache = new EmbeddingCache(1L << 30, null);
		RecordingMonitor cancelInSecondTile = new RecordingMonitor(messages -> messages.stream().anyMatch(m -> m
			.contains("encoding plane 1, tile:224,0")));
		long runs = model.encoder().runCount();
		SegmentationResult r = segmenter(256, 16, cache).segment(PlaneSource.of(TestImages.unsignedBytes(480, 256)),
			cancelInSecondTile);
		assertFalse(r.isComplete());
		assertTrue(r.objects().isEmpty(), "the plane was not finished");
		assertEquals(1, model.encoder().runCount() - runs, "the second tile's encoder run was stopped");
		PlaneRegions regions = new PlaneRegions(prompts(256, 16, cache), TestImages.unsignedBytes(480, 256));
		assertTrue(regions.isCached(new Region(Region.Kind.TILE, 480, 256, 0, 0, 256, 256)));
		assertFalse(regions.isCached(new Region(Region.Kind.TILE, 480, 256, 224, 0, 256, 256)));

		assertEquals(120, segmenter(256, 16, cache).segment(PlaneSource.of(TestImages.unsignedBytes(480, 256)),
			TaskMonitor.NONE).objects().size());
		assertEquals(2, model.encoder().runCount() - runs, "the re-run takes the first tile from the cache");
	}

	@Test
	void cropEncodingNeedsPrompts() {
		AutomaticSegmenter crop = new AutomaticSegmenter(new PromptSegmenter(model, SegmentationOptions.defaults()
			.withEncoding(EncodingOptions.defaults().withMode(EncodingMode.CROP))), AutomaticOptions.defaults());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> crop.segment(PlaneSource.of(
			TestImages.unsignedBytes(64, 64)), TaskMonitor.NONE));
		assertTrue(e.getMessage().contains("Crops need prompts"), e.getMessage());
	}
}
