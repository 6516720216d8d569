package io.github.samfiji.engine.refine;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.LabelComposer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The objects of a label plane (any source: StarDist, Cellpose, a threshold, hand-drawn), turned into SAM prompts:
 * each non-zero value is one object, prompted with its tight bounding box (its first and last pixel columns and
 * rows) and, optionally, the object's pixel nearest its centroid as a positive point (SAM's standard evaluation
 * prompts). Values must be whole numbers in 1-{@value LabelComposer#MAX_LABEL}.
 */
public final class LabeledObjects {

	private LabeledObjects() {}

	/** One object's prompt and the label value it came from. */
	public static final class LabeledPrompt {

		private final int label;
		private final ObjectPrompt prompt;

		public LabeledPrompt(int label, ObjectPrompt prompt) {
			if (label < 1 || label > LabelComposer.MAX_LABEL) throw new IllegalArgumentException("Label " + label +
				" is outside 1-" + LabelComposer.MAX_LABEL);
			this.label = label;
			this.prompt = prompt;
		}

		public int label() { return label; }

		public ObjectPrompt prompt() { return prompt; }
	}

	/**
	 * @param labels a 2D plane of a real type holding whole numbers (0 = background); only read
	 * @param slice the 1-based plane the prompts belong to
	 * @param withInteriorPoint add the pixel nearest the centroid as a positive point
	 * @return one prompt per label, in increasing label order
	 * @throws IllegalArgumentException for negative, fractional or too large values
	 */
	public static List<LabeledPrompt> prompts(RandomAccessibleInterval<? extends RealType<?>> labels, int slice,
		boolean withInteriorPoint)
	{
		if (labels.numDimensions() != 2) throw new IllegalArgumentException("A label plane must be 2D, got " + labels
			.numDimensions() + " dimensions");
		TreeMap<Integer, Stats> objects = new TreeMap<>();
		long x0 = labels.min(0), y0 = labels.min(1);
		Cursor<? extends RealType<?>> c = Views.flatIterable(labels).localizingCursor();
		while (c.hasNext()) {
			double v = c.next().getRealDouble();
			if (v == 0) continue;
			if (v < 0 || v != Math.rint(v) || v > LabelComposer.MAX_LABEL) throw new IllegalArgumentException(
				"Label images must hold whole numbers 0-" + LabelComposer.MAX_LABEL + " (0 = background); found " + v +
					" at " + (c.getLongPosition(0) - x0) + "," + (c.getLongPosition(1) - y0) + " on slice " + slice);
			objects.computeIfAbsent((int) v, k -> new Stats()).add((int) (c.getLongPosition(0) - x0), (int) (c
				.getLongPosition(1) - y0));
		}
		if (withInteriorPoint) findInteriorPoints(labels, objects);
		List<LabeledPrompt> prompts = new ArrayList<>();
		for (Map.Entry<Integer, Stats> e : objects.entrySet()) {
			Stats s = e.getValue();
			ObjectPrompt.Builder b = ObjectPrompt.builder().box(s.minX, s.minY, s.maxX - s.minX + 1, s.maxY - s.minY + 1)
				.slice(slice).name("label-" + e.getKey());
			if (withInteriorPoint) b.point(PromptPoint.atPixel(s.pointX, s.pointY, true));
			prompts.add(new LabeledPrompt(e.getKey(), b.build()));
		}
		return prompts;
	}

	/** Second pass: each object's pixel nearest its centroid (first in raster order on ties). */
	private static void findInteriorPoints(RandomAccessibleInterval<? extends RealType<?>> labels,
		TreeMap<Integer, Stats> objects)
	{
		long x0 = labels.min(0), y0 = labels.min(1);
		Cursor<? extends RealType<?>> c = Views.flatIterable(labels).localizingCursor();
		while (c.hasNext()) {
			double v = c.next().getRealDouble();
			if (v == 0) continue;
			Stats s = objects.get((int) v);
			int x = (int) (c.getLongPosition(0) - x0), y = (int) (c.getLongPosition(1) - y0);
			double dx = x - s.sumX / s.count, dy = y - s.sumY / s.count, d = dx * dx + dy * dy;
			if (d < s.pointDistance) {
				s.pointDistance = d;
				s.pointX = x;
				s.pointY = y;
			}
		}
	}

	private static final class Stats {

		int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
		double sumX, sumY;
		long count;
		int pointX, pointY;
		double pointDistance = Double.MAX_VALUE;

		void add(int x, int y) {
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
			sumX += x;
			sumY += y;
			count++;
		}
	}
}
