package io.github.samfiji.engine.region;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TileGridTest {

	@Test
	void tilesSpreadEvenlyFromEdgeToEdge() {
		// 2784 = 4 x 696: (2784 - 1024) / (1024 - 256) = 2.29 -> 3 steps, 4 tiles; origins floor(i * 1760 / 3)
		assertArrayEquals(new int[] { 0, 586, 1173, 1760 }, TileGrid.origins(2784, 1024, 128));
		assertArrayEquals(new int[] { 0, 528, 1056 }, TileGrid.origins(2080, 1024, 128));
		// exactly one stride more than a tile
		assertArrayEquals(new int[] { 0, 768 }, TileGrid.origins(1792, 1024, 128));
		// one pixel more needs a third tile
		assertArrayEquals(new int[] { 0, 384, 769 }, TileGrid.origins(1793, 1024, 128));
	}

	@Test
	void everyPointHasAtLeastTheHaloOfContextInSomeTile() {
		for (int length : new int[] { 1025, 1100, 1793, 2000, 2784, 4096, 5088 }) {
			int[] o = TileGrid.origins(length, 1024, 128);
			for (int i = 0; i + 1 < o.length; i++)
				assertTrue(o[i] + 1024 - o[i + 1] >= 256, "neighbours overlap by at least twice the halo, length " + length);
			assertEquals(length - 1024, o[o.length - 1], "the last tile ends at the plane edge");
			for (double p = 0; p <= length; p += 0.5) {
				double best = Double.NEGATIVE_INFINITY;
				for (int x : o)
					if (p >= x && p <= x + 1024) best = Math.max(best, Math.min(x == 0 ? 1e9 : p - x, x + 1024 == length ? 1e9
						: x + 1024 - p));
				assertTrue(best >= 128, "point " + p + " of " + length + " has margin " + best);
			}
		}
	}

	@Test
	void aTileLargerThanThePlaneIsClampedToIt() {
		List<Region> tiles = TileGrid.of(700, 1500, 1024, 128);
		assertEquals(2, tiles.size());
		assertEquals(700, tiles.get(0).width());
		assertEquals(1024, tiles.get(0).height());
		assertEquals(476, tiles.get(1).y());
		assertEquals("tile:0,476,700,1024", tiles.get(1).label());
		List<Region> one = TileGrid.of(300, 200, 1024, 128);
		assertEquals(1, one.size());
		assertTrue(one.get(0).isWholePlane(), "a plane smaller than a tile is encoded whole");
	}

	@Test
	void tilesAreListedRowByRow() {
		List<Region> tiles = TileGrid.of(2000, 1500, 1024, 128);
		assertEquals(6, tiles.size());
		assertEquals("tile:0,0,1024,1024", tiles.get(0).label());
		assertEquals("tile:488,0,1024,1024", tiles.get(1).label());
		assertEquals("tile:976,0,1024,1024", tiles.get(2).label());
		assertEquals("tile:0,476,1024,1024", tiles.get(3).label());
		assertEquals(Region.Kind.TILE, tiles.get(3).kind());
	}

	@Test
	void impossibleTilingsAreRefusedWithTheKeyToChange() {
		IllegalArgumentException halo = assertThrows(IllegalArgumentException.class, () -> EncodingOptions.defaults()
			.withTileHalo(512));
		assertTrue(halo.getMessage().contains("The tile halo (512) must be less than half of the tile size (1024)"), halo
			.getMessage());
		IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> EncodingOptions.defaults()
			.withTileSize(32));
		assertTrue(small.getMessage().startsWith("The tile size must be at least 64"), small.getMessage());
		assertThrows(IllegalArgumentException.class, () -> EncodingOptions.defaults().withTileHalo(-1));
		assertThrows(IllegalArgumentException.class, () -> EncodingOptions.defaults().withCropMargin(-5));
		// values given together are checked together
		EncodingOptions o = EncodingOptions.of(EncodingMode.TILES, 256, 16, 0);
		assertEquals("tiles (tiles of 256, halo 16; crop margin 0)", o.toString());
		IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> EncodingMode.parse("zoom"));
		assertEquals("Unknown encoding 'zoom': use auto, whole, crop or tiles", mode.getMessage());
		assertEquals(EncodingMode.TILES, EncodingMode.parse(" Tiles "));
	}
}
