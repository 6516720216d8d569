package io.github.samfiji.engine.preprocess;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How grey values become the 0-255 range SAM models were trained on.
 * <ul>
 * <li>{@link #auto()}: 8-bit data and RGB are used as they are; 16-bit and 32-bit data are mapped linearly from
 * their 0.1 and 99.9 percentiles to 0 and 255 (values outside are clipped). This is the default.</li>
 * <li>{@link #percentiles(double, double)}: the same linear mapping from other percentiles, for any grey type.</li>
 * <li>{@link #fixed(double, double)}: a fixed display range, e.g. a CT window, for any grey type;
 * {@link #window(double, double)} gives it as width and level, and {@link #PRESETS} holds the usual CT windows by name
 * (values in Hounsfield units, so 32-bit or signed 16-bit CT data with negative values map as radiologists see
 * them).</li>
 * </ul>
 * A percentile {@code p} of {@code n} values is the sorted value at index {@code round(p / 100 * (n - 1))}; NaN
 * and infinite values are left out (NaN and -Infinity become 0, +Infinity 255). RGB planes are never remapped. When the range is empty (a constant plane),
 * every pixel becomes 0.
 */
public final class IntensityMapping {

	/** The kinds of mapping. */
	public enum Kind { AUTO, PERCENTILES, FIXED }

	/**
	 * Named CT windows (width / level in HU): {@code ct-soft-tissue} W400/L40, {@code ct-lung} W1500/L-600,
	 * {@code ct-bone} W1800/L400, {@code ct-brain} W80/L40, {@code ct-liver} W150/L30, {@code ct-mediastinum}
	 * W350/L50, {@code ct-stroke} W40/L40. Each is a fixed mapping from level - width/2 to level + width/2.
	 */
	public static final Map<String, IntensityMapping> PRESETS;

	static {
		Map<String, IntensityMapping> p = new LinkedHashMap<>();
		preset(p, "ct-soft-tissue", 400, 40);
		preset(p, "ct-lung", 1500, -600);
		preset(p, "ct-bone", 1800, 400);
		preset(p, "ct-brain", 80, 40);
		preset(p, "ct-liver", 150, 30);
		preset(p, "ct-mediastinum", 350, 50);
		preset(p, "ct-stroke", 40, 40);
		PRESETS = Collections.unmodifiableMap(p);
	}

	private static void preset(Map<String, IntensityMapping> presets, String name, double width, double level) {
		presets.put(name, new IntensityMapping(Kind.FIXED, level - width / 2, level + width / 2, name));
	}

	private final Kind kind;
	private final double low;
	private final double high;
	private final String name;

	private IntensityMapping(Kind kind, double low, double high) {
		this(kind, low, high, null);
	}

	private IntensityMapping(Kind kind, double low, double high, String name) {
		if (!Double.isFinite(low) || !Double.isFinite(high) || !Double.isFinite(high - low))
			throw new IllegalArgumentException("The intensity range needs finite numbers, got " + low + " and " + high);
		if (!(low < high)) throw new IllegalArgumentException(
			"The intensity range needs low < high, got " + low + " and " + high);
		if (kind != Kind.FIXED && (low < 0 || high > 100)) throw new IllegalArgumentException(
			"Percentiles must lie in 0-100, got " + low + " and " + high);
		this.kind = kind;
		this.low = low;
		this.high = high;
		this.name = name;
	}

	/** The default: 8-bit and RGB as they are, other types from their 0.1-99.9 percentiles. */
	public static IntensityMapping auto() { return new IntensityMapping(Kind.AUTO, 0.1, 99.9); }

	public static IntensityMapping percentiles(double lowPercentile, double highPercentile) {
		return new IntensityMapping(Kind.PERCENTILES, lowPercentile, highPercentile);
	}

	public static IntensityMapping fixed(double min, double max) {
		return new IntensityMapping(Kind.FIXED, min, max);
	}

	/** A fixed mapping given as a window {@code width} centred on {@code level}, as CT viewers do. */
	public static IntensityMapping window(double width, double level) {
		if (!(width > 0)) throw new IllegalArgumentException("A window needs a positive width, got " + width);
		return fixed(level - width / 2, level + width / 2);
	}

	/**
	 * Parses the textual form used by commands and the command line: {@code auto}, {@code percentiles:LOW:HIGH},
	 * {@code fixed:MIN:MAX}, {@code window:WIDTH:LEVEL} or a preset name of {@link #PRESETS} (e.g. {@code ct-lung}).
	 */
	public static IntensityMapping parse(String text) {
		String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (t.isEmpty() || t.equals("auto")) return auto();
		IntensityMapping preset = PRESETS.get(t.replace('_', '-').replace(' ', '-'));
		if (preset != null) return preset;
		String[] parts = t.split(":");
		try {
			if (parts.length == 3 && parts[0].equals("window"))
				return window(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
			if (parts.length == 3 && parts[0].equals("percentiles"))
				return percentiles(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
			if (parts.length == 3 && parts[0].equals("fixed"))
				return fixed(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
		}
		catch (NumberFormatException e) {
			// fall through to the message below
		}
		throw new IllegalArgumentException("Unknown intensity mapping '" + text +
			"': use auto, percentiles:LOW:HIGH (e.g. percentiles:0.1:99.9), fixed:MIN:MAX (e.g. fixed:-160:240), " +
			"window:WIDTH:LEVEL (e.g. window:400:40) or a preset: " + String.join(", ", PRESETS.keySet()));
	}

	public Kind kind() { return kind; }

	/** Low percentile, or fixed minimum. */
	public double low() { return low; }

	/** High percentile, or fixed maximum. */
	public double high() { return high; }

	/** The preset's name, or {@code null} for a mapping given by its numbers. */
	public String presetName() { return name; }

	/** The textual form accepted by {@link #parse(String)}: the preset name for a preset. */
	@Override
	public String toString() {
		return name != null ? name : canonical();
	}

	/**
	 * The mapping by its numbers ({@code auto}, {@code percentiles:LOW:HIGH} or {@code fixed:MIN:MAX}), the same for a
	 * preset and the equal fixed range; what cached embeddings are keyed by.
	 */
	public String canonical() {
		if (kind == Kind.AUTO) return "auto";
		return kind.name().toLowerCase(Locale.ROOT) + ":" + fmt(low) + ":" + fmt(high);
	}

	/** How it reads in a results table: the preset name with its range, e.g. {@code ct-lung (fixed:-1350:150)}. */
	public String describe() {
		return name != null ? name + " (" + canonical() + ")" : canonical();
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof IntensityMapping && canonical().equals(((IntensityMapping) o).canonical());
	}

	@Override
	public int hashCode() { return canonical().hashCode(); }
}
