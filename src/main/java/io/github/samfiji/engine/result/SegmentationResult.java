package io.github.samfiji.engine.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The objects segmented in an image of {@code planeCount} planes of {@code width x height}, in object (prompt)
 * order, and whether the run finished or stopped early (cancelled, out of memory, a failure; then the objects are
 * those finished before, and {@link #stoppedBecause()} may say why).
 */
public final class SegmentationResult {

	private final int width;
	private final int height;
	private final int planeCount;
	private final List<SegmentedObject> objects;
	private final boolean complete;
	private final List<String> notes;
	private final String stoppedBecause;
	private final Throwable failure;

	public SegmentationResult(int width, int height, int planeCount, List<SegmentedObject> objects,
		boolean complete)
	{
		this(width, height, planeCount, objects, complete, Collections.emptyList());
	}

	/** @param notes lines for the log, e.g. how the planes were encoded */
	public SegmentationResult(int width, int height, int planeCount, List<SegmentedObject> objects, boolean complete,
		List<String> notes)
	{
		this(width, height, planeCount, objects, complete, notes, null, null);
	}

	private SegmentationResult(int width, int height, int planeCount, List<SegmentedObject> objects, boolean complete,
		List<String> notes, String stoppedBecause, Throwable failure)
	{
		this.stoppedBecause = stoppedBecause;
		this.failure = failure;
		this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
		this.width = width;
		this.height = height;
		this.planeCount = planeCount;
		this.objects = Collections.unmodifiableList(new ArrayList<>(objects));
		this.complete = complete;
	}

	public int width() { return width; }

	public int height() { return height; }

	public int planeCount() { return planeCount; }

	public List<SegmentedObject> objects() { return objects; }

	/** Lines for the log, e.g. which encoding mode each plane used and why; may be empty. */
	public List<String> notes() { return notes; }

	/** False when the run was cancelled or failed before every object was segmented. */
	public boolean isComplete() { return complete; }

	/**
	 * The same objects and notes, marked incomplete, with why the run stopped early.
	 *
	 * @param reason e.g. "out of memory at slice 3; give Java more memory or set a disk cache directory and run
	 *          again"
	 * @param failure the error that stopped the run (for the log, with its stack trace), or {@code null} when it was
	 *          cancelled
	 */
	public SegmentationResult stoppedEarly(String reason, Throwable failure) {
		return new SegmentationResult(width, height, planeCount, objects, false, notes, reason, failure);
	}

	/**
	 * Why the run stopped before the end (cancelled, out of memory, a failure), or {@code null} when it finished or
	 * nobody said.
	 */
	public String stoppedBecause() { return stoppedBecause; }

	/** The error that stopped the run early, or {@code null}. */
	public Throwable failure() { return failure; }

	/** Objects on plane {@code slice} (1-based), in object order. */
	public List<SegmentedObject> objectsOn(int slice) {
		List<SegmentedObject> on = new ArrayList<>();
		for (SegmentedObject o : objects)
			if (o.slice() == slice) on.add(o);
		return on;
	}

	/** The label planes and per-object overlap counts, composed by {@link LabelComposer}. */
	public LabelStack labels() {
		List<List<Integer>> indicesBySlice = new ArrayList<>();
		for (int s = 0; s <= planeCount; s++) indicesBySlice.add(new ArrayList<>());
		for (int i = 0; i < objects.size(); i++)
			indicesBySlice.get(objects.get(i).slice()).add(i);
		short[][] planes = new short[planeCount][];
		int[] overlap = new int[objects.size()];
		for (int s = 1; s <= planeCount; s++) {
			List<Integer> indices = indicesBySlice.get(s);
			List<SegmentedObject> on = new ArrayList<>();
			for (int i : indices) on.add(objects.get(i));
			int[] planeOverlap = new int[on.size()];
			planes[s - 1] = LabelComposer.compose(on, width, height, planeOverlap);
			for (int i = 0; i < on.size(); i++)
				overlap[indices.get(i)] = planeOverlap[i];
		}
		return new LabelStack(width, height, planes, overlap);
	}

	/** 16-bit label planes (row-major, unsigned) and, per object, the pixels given to an earlier object. */
	public static final class LabelStack {

		private final int width;
		private final int height;
		private final short[][] planes;
		private final int[] overlap;

		LabelStack(int width, int height, short[][] planes, int[] overlap) {
			this.width = width;
			this.height = height;
			this.planes = planes;
			this.overlap = overlap;
		}

		public int width() { return width; }

		public int height() { return height; }

		/** Label plane of slice {@code slice} (1-based). */
		public short[] plane(int slice) { return planes[slice - 1]; }

		public int planeCount() { return planes.length; }

		/** Pixels of object {@code index} (position in the result's object list) labelled as an earlier object. */
		public int overlapPixels(int index) { return overlap[index]; }
	}
}
