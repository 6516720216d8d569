package io.github.samfiji.engine.result;

import java.util.List;

/**
 * Paints objects into a 16-bit label plane: 0 is background, an object's pixels get its {@link SegmentedObject#id()}.
 * <p>
 * <b>Overlaps</b>: objects are painted in increasing id (prompt) order and never overwrite a labelled pixel, so
 * where masks overlap the pixel keeps the lowest object number. Each object's own mask (its ROI, its area in the
 * table) is unchanged; {@link #overlapPixels} reports how many of its pixels went to an earlier object.
 */
public final class LabelComposer {

	/** Largest label value a 16-bit label image holds. */
	public static final int MAX_LABEL = 65535;

	private LabelComposer() {}

	/**
	 * @param objects objects of one plane; ids must be in 1-{@value #MAX_LABEL}
	 * @param overlap if not null, receives per object (same order) the pixels already taken by an earlier object
	 * @return the label plane, row-major, values as unsigned shorts
	 */
	public static short[] compose(List<SegmentedObject> objects, int width, int height, int[] overlap) {
		short[] labels = new short[width * height];
		Integer[] order = new Integer[objects.size()];
		for (int i = 0; i < order.length; i++) order[i] = i;
		java.util.Arrays.sort(order, (a, b) -> Integer.compare(objects.get(a).id(), objects.get(b).id()));
		for (int index : order) {
			SegmentedObject o = objects.get(index);
			if (o.id() < 1 || o.id() > MAX_LABEL) throw new IllegalArgumentException("Object " + o.id() +
				": a 16-bit label image holds labels 1-" + MAX_LABEL);
			int[] taken = { 0 };
			short value = (short) o.id();
			o.mask().forEachPixel((x, y) -> {
				int i = y * width + x;
				if (labels[i] == 0) labels[i] = value;
				else taken[0]++;
			});
			if (overlap != null) overlap[index] = taken[0];
		}
		return labels;
	}
}
