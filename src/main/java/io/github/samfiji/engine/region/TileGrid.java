package io.github.samfiji.engine.region;

import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping tiles covering a plane. Along an axis of length {@code L}, tiles of side {@code T} with halo
 * {@code H}: one tile of side {@code L} when {@code L <= T} (clamping), else {@code n = ceil((L - T) / (T - 2H)) + 1}
 * tiles of side {@code T} whose origins {@code floor(i (L - T) / (n - 1))} spread them evenly from edge to edge,
 * so that neighbours overlap by at least {@code 2H}: every point of the plane lies at least {@code H} away from the
 * inner edges of some tile. Tiles are listed row by row.
 */
public final class TileGrid {

	private TileGrid() {}

	public static List<Region> of(int planeWidth, int planeHeight, int tileSize, int halo) {
		if (planeWidth <= 0 || planeHeight <= 0) throw new IllegalArgumentException("Empty plane " + planeWidth + "x" +
			planeHeight);
		if (2L * halo >= tileSize || halo < 0) throw new IllegalArgumentException("tile_halo (" + halo +
			") must be >= 0 and less than half of tile_size (" + tileSize + ")");
		int[] xs = origins(planeWidth, tileSize, halo), ys = origins(planeHeight, tileSize, halo);
		int tw = Math.min(tileSize, planeWidth), th = Math.min(tileSize, planeHeight);
		List<Region> tiles = new ArrayList<>();
		for (int y : ys)
			for (int x : xs)
				tiles.add(new Region(Region.Kind.TILE, planeWidth, planeHeight, x, y, tw, th));
		return tiles;
	}

	/** Tile origins along one axis. */
	static int[] origins(int length, int tile, int halo) {
		if (length <= tile) return new int[] { 0 };
		int n = (int) ((length - tile + (long) (tile - 2 * halo) - 1) / (tile - 2 * halo)) + 1;
		int[] o = new int[n];
		for (int i = 0; i < n; i++)
			o[i] = (int) ((long) i * (length - tile) / (n - 1));
		return o;
	}
}
