package io.github.samfiji.engine.preprocess;

import java.util.Locale;

/**
 * How grey values become the 0-255 range SAM models were trained on.
 * <ul>
 * <li>{@link #auto()}: 8-bit data and RGB are used as they are; 16-bit and 32-bit data are mapped linearly from
 * their 0.1 and 99.9 percentiles to 0 and 255 (values outside are clipped). This is the default.</li>
 * <li>{@link #percentiles(double, double)}: the same linear mapping from other percentiles, for any grey type.</li>
 * <li>{@link #fixed(double, double)}: a fixed display range, e.g. a CT window, for any grey type.</li>
 * </ul>
 * A percentile {@code p} of {@code n} values is the sorted value at index {@code round(p / 100 * (n - 1))}; NaN
 * values are ignored and become 0. RGB planes are never remapped. When the range is empty (a constant plane),
 * every pixel becomes 0.
 */
public final class IntensityMapping {

	/** The kinds of mapping. */
	public enum Kind { AUTO, PERCENTILES, FIXED }

	private final Kind kind;
	private final double low;
	private final double high;

	private IntensityMapping(Kind kind, double low, double high) {
		if (Double.isNaN(low) || Double.isNaN(high) || !(low < high)) throw new IllegalArgumentException(
			"The intensity range needs low < high, got " + low + " and " + high);
		if (kind != Kind.FIXED && (low < 0 || high > 100)) throw new IllegalArgumentException(
			"Percentiles must lie in 0-100, got " + low + " and " + high);
		this.kind = kind;
		this.low = low;
		this.high = high;
	}

	/** The default: 8-bit and RGB as they are, other types from their 0.1-99.9 percentiles. */
	public static IntensityMapping auto() { return new IntensityMapping(Kind.AUTO, 0.1, 99.9); }

	public static IntensityMapping percentiles(double lowPercentile, double highPercentile) {
		return new IntensityMapping(Kind.PERCENTILES, lowPercentile, highPercentile);
	}

	public static IntensityMapping fixed(double min, double max) {
		return new IntensityMapping(Kind.FIXED, min, max);
	}

	/**
	 * Parses the textual form used by commands and the command line: {@code auto}, {@code percentiles:LOW:HIGH}
	 * or {@code fixed:MIN:MAX}.
	 */
	public static IntensityMapping parse(String text) {
		String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (t.isEmpty() || t.equals("auto")) return auto();
		String[] parts = t.split(":");
		try {
			if (parts.length == 3 && parts[0].equals("percentiles"))
				return percentiles(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
			if (parts.length == 3 && parts[0].equals("fixed"))
				return fixed(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
		}
		catch (NumberFormatException e) {
			// fall through to the message below
		}
		throw new IllegalArgumentException("Unknown intensity mapping '" + text +
			"': use auto, percentiles:LOW:HIGH (e.g. percentiles:0.1:99.9) or fixed:MIN:MAX (e.g. fixed:-160:240)");
	}

	public Kind kind() { return kind; }

	/** Low percentile, or fixed minimum. */
	public double low() { return low; }

	/** High percentile, or fixed maximum. */
	public double high() { return high; }

	/** The textual form accepted by {@link #parse(String)}. */
	@Override
	public String toString() {
		if (kind == Kind.AUTO) return "auto";
		return kind.name().toLowerCase(Locale.ROOT) + ":" + fmt(low) + ":" + fmt(high);
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof IntensityMapping && toString().equals(o.toString());
	}

	@Override
	public int hashCode() { return toString().hashCode(); }
}
