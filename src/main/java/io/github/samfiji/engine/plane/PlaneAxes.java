package io.github.samfiji.engine.plane;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the plane numbers of a {@link PlaneSource} decompose into named axes, first axis fastest, as ImageJ orders a
 * hyperstack: with axes {@code (c, z, t)} of sizes {@code (C, Z, T)}, plane {@code 1 + (c-1) + C*(z-1) + C*Z*(t-1)}
 * is channel {@code c}, slice {@code z}, frame {@code t} (coordinates 1-based). Immutable.
 */
public final class PlaneAxes {

	/** Axis names used by the adapters: channel, slice (z) and frame (t). */
	public static final String CHANNEL = "c", Z = "z", T = "t";

	private final String[] names;
	private final int[] sizes;

	/**
	 * @param names one short name per axis, e.g. {@code "c", "z", "t"}
	 * @param sizes the number of planes along each axis (at least 1)
	 */
	public PlaneAxes(String[] names, int[] sizes) {
		if (names.length != sizes.length || names.length == 0) throw new IllegalArgumentException(
			"One size per axis name is needed");
		for (int s : sizes)
			if (s < 1) throw new IllegalArgumentException("Axis sizes must be >= 1: " + Arrays.toString(sizes));
		this.names = names.clone();
		this.sizes = sizes.clone();
	}

	/** One axis {@code z} over {@code planeCount} planes: a plain stack. */
	public static PlaneAxes zStack(int planeCount) {
		return new PlaneAxes(new String[] { Z }, new int[] { planeCount });
	}

	/** Channels, slices and frames in ImageJ's order. */
	public static PlaneAxes hyperstack(int channels, int slices, int frames) {
		return new PlaneAxes(new String[] { CHANNEL, Z, T }, new int[] { channels, slices, frames });
	}

	/** Number of planes: the product of the sizes. */
	public int planeCount() {
		int n = 1;
		for (int s : sizes)
			n *= s;
		return n;
	}

	/** Size of the axis called {@code name}, or 1 when there is no such axis. */
	public int size(String name) {
		int a = index(name);
		return a < 0 ? 1 : sizes[a];
	}

	/** The 1-based coordinate of {@code plane} along axis {@code name} (1 when there is no such axis). */
	public int coordinate(int plane, String name) {
		int a = index(name);
		if (a < 0) return 1;
		return (plane - 1) / stride(a) % sizes[a] + 1;
	}

	/**
	 * The plane {@code steps} away from {@code plane} along axis {@code name}, other coordinates unchanged, or 0
	 * when that leaves the axis.
	 */
	public int step(int plane, String name, int steps) {
		int a = checkedIndex(name);
		int c = coordinate(plane, name) + steps;
		if (c < 1 || c > sizes[a]) return 0;
		return plane + steps * stride(a);
	}

	/**
	 * Checks that propagation along {@code name} makes sense here.
	 *
	 * @throws IllegalArgumentException when there is no such axis or it holds a single plane; the message names the
	 *           axes that have several planes
	 */
	public void checkPropagationAxis(String name) {
		int a = index(name);
		if (a >= 0 && sizes[a] > 1) return;
		StringBuilder usable = new StringBuilder();
		for (int i = 0; i < names.length; i++)
			if (sizes[i] > 1 && !names[i].equals(CHANNEL)) usable.append(usable.length() == 0 ? "" : " or ").append(
				names[i]).append(" (").append(sizes[i]).append(" ").append(describe(names[i])).append(")");
		throw new IllegalArgumentException("The image has " + (a < 0 ? "no axis " + name : "a single " + singular(
			name) + " along " + name) + ", so there is nothing to propagate to" + (usable.length() == 0
				? ": it is a single plane" : "; choose axis " + usable));
	}

	private static String describe(String axis) {
		switch (axis) {
			case Z: return "slices";
			case T: return "frames";
			case CHANNEL: return "channels";
			default: return "planes";
		}
	}

	private static String singular(String axis) {
		String d = describe(axis);
		return d.substring(0, d.length() - 1);
	}

	private int stride(int axis) {
		int s = 1;
		for (int i = 0; i < axis; i++)
			s *= sizes[i];
		return s;
	}

	private int index(String name) {
		String n = name.trim().toLowerCase(Locale.ROOT);
		for (int i = 0; i < names.length; i++)
			if (names[i].equals(n)) return i;
		return -1;
	}

	private int checkedIndex(String name) {
		int a = index(name);
		if (a < 0) throw new IllegalArgumentException("No axis '" + name + "' in " + this);
		return a;
	}

	@Override
	public String toString() {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < names.length; i++)
			s.append(i == 0 ? "" : " x ").append(names[i]).append('=').append(sizes[i]);
		return s.toString();
	}
}
