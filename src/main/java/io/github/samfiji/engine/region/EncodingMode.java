package io.github.samfiji.engine.region;

import java.util.Locale;

/**
 * What the encoder sees of a plane.
 * <ul>
 * <li>{@link #WHOLE}: the whole plane, resized so that its longest side fits the model input (the classic SAM
 * way; small objects in large planes shrink).</li>
 * <li>{@link #CROP}: a crop around the prompts plus a margin, at native resolution when it fits the model input,
 * else shrunk as little as possible; re-used by later prompts that lie inside it.</li>
 * <li>{@link #TILES}: a grid of overlapping tiles covering the plane, each encoded once (when first needed) and
 * cached; a prompt is decoded on the tile where it has the most margin.</li>
 * <li>{@link #AUTO}: chosen per plane from the plane size, the model's input size and the prompts (see
 * {@link RegionPlanner}).</li>
 * </ul>
 */
public enum EncodingMode {
	WHOLE, CROP, TILES, AUTO;

	/** The lower-case name used by the commands and the command line. */
	public String key() { return name().toLowerCase(Locale.ROOT); }

	/** @throws IllegalArgumentException for anything but auto, whole, crop or tiles (any case) */
	public static EncodingMode parse(String text) {
		String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
		for (EncodingMode m : values())
			if (m.name().equals(t)) return m;
		throw new IllegalArgumentException("Unknown encoding '" + text + "': use auto, whole, crop or tiles");
	}
}
