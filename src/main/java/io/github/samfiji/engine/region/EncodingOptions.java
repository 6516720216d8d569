package io.github.samfiji.engine.region;

/**
 * How planes are encoded: the {@link EncodingMode}, the tile size and halo of {@link EncodingMode#TILES}, and the
 * margin that {@link EncodingMode#CROP} keeps around prompts. Immutable; {@link #defaults()}: automatic mode, tiles
 * of 1024 pixels (SAM's input size, so tiles are encoded at native resolution) with a halo of 128, crop margin 128.
 * <p>
 * Clamping: a tile size larger than the plane makes the plane a single tile along that axis (a plane smaller than
 * a tile is encoded whole). Values that cannot work are refused with a message saying what to give.
 */
public final class EncodingOptions {

	/** The smallest tile side accepted. */
	public static final int MIN_TILE_SIZE = 64;

	private final EncodingMode mode;
	private final int tileSize;
	private final int tileHalo;
	private final int cropMargin;

	private EncodingOptions(EncodingMode mode, int tileSize, int tileHalo, int cropMargin) {
		if (mode == null) throw new IllegalArgumentException("The encoding mode is missing: use auto, whole, crop or tiles");
		if (tileSize < MIN_TILE_SIZE) throw new IllegalArgumentException("The tile size must be at least " + MIN_TILE_SIZE +
			" pixels, got " + tileSize);
		if (tileHalo < 0) throw new IllegalArgumentException("The tile halo must be >= 0 pixels, got " + tileHalo);
		if (2L * tileHalo >= tileSize) throw new IllegalArgumentException("The tile halo (" + tileHalo +
			") must be less than half of the tile size (" + tileSize + "), or tiles would not advance; e.g. tiles of 1024 with a halo of 128");
		if (cropMargin < 0) throw new IllegalArgumentException("The crop margin must be >= 0 pixels, got " + cropMargin);
		this.mode = mode;
		this.tileSize = tileSize;
		this.tileHalo = tileHalo;
		this.cropMargin = cropMargin;
	}

	public static EncodingOptions defaults() { return new EncodingOptions(EncodingMode.AUTO, 1024, 128, 128); }

	/**
	 * All values at once (checked together, so that e.g. a smaller tile and a smaller halo can be given in any
	 * order).
	 *
	 * @throws IllegalArgumentException naming the macro key of a value that cannot work
	 */
	public static EncodingOptions of(EncodingMode mode, int tileSize, int tileHalo, int cropMargin) {
		return new EncodingOptions(mode, tileSize, tileHalo, cropMargin);
	}

	/** The whole plane only: SAM's classic behaviour. */
	public static EncodingOptions whole() { return defaults().withMode(EncodingMode.WHOLE); }

	public EncodingOptions withMode(EncodingMode m) { return new EncodingOptions(m, tileSize, tileHalo, cropMargin); }

	/** @param size tile side in pixels (>= {@value #MIN_TILE_SIZE}) */
	public EncodingOptions withTileSize(int size) { return new EncodingOptions(mode, size, tileHalo, cropMargin); }

	/** @param halo pixels kept on each side of a tile's core: neighbouring tiles overlap by at least twice this */
	public EncodingOptions withTileHalo(int halo) { return new EncodingOptions(mode, tileSize, halo, cropMargin); }

	/** @param margin pixels of context kept around the prompts in a crop */
	public EncodingOptions withCropMargin(int margin) { return new EncodingOptions(mode, tileSize, tileHalo, margin); }

	public EncodingMode mode() { return mode; }

	public int tileSize() { return tileSize; }

	public int tileHalo() { return tileHalo; }

	public int cropMargin() { return cropMargin; }

	/** E.g. {@code auto (tiles of 1024, halo 128; crop margin 128)}. */
	@Override
	public String toString() {
		return mode.key() + " (tiles of " + tileSize + ", halo " + tileHalo + "; crop margin " + cropMargin + ")";
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof EncodingOptions)) return false;
		EncodingOptions e = (EncodingOptions) o;
		return mode == e.mode && tileSize == e.tileSize && tileHalo == e.tileHalo && cropMargin == e.cropMargin;
	}

	@Override
	public int hashCode() { return java.util.Objects.hash(mode, tileSize, tileHalo, cropMargin); }
}
