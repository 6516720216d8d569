package io.github.samfiji.engine.propagate;

import io.github.samfiji.engine.result.SegmentationResult;

import java.util.Collections;
import java.util.List;

/**
 * What {@link ObjectPropagator} found: the objects on every plane they reach (each object keeps its id, and so its
 * label value, on all its planes), a summary per object, and, when the run stopped early, why. On cancellation or
 * failure the planes finished before are kept.
 */
public final class PropagationResult {

	private final SegmentationResult segmentation;
	private final List<Track> tracks;

	PropagationResult(SegmentationResult segmentation, List<Track> tracks) {
		this.segmentation = segmentation;
		this.tracks = Collections.unmodifiableList(tracks);
	}

	/** The per-plane objects, ordered by object id, then plane; it also says why the run stopped early. */
	public SegmentationResult segmentation() { return segmentation; }

	/**
	 * The error that stopped the run (with its stack trace, for the log), or {@code null} when it finished or was
	 * cancelled.
	 */
	public Throwable failure() { return segmentation.failure(); }

	/** One summary per object, in id order. */
	public List<Track> tracks() { return tracks; }

	/** Why the run stopped before the end (cancelled, out of memory, a failure), or {@code null} when it finished. */
	public String stoppedBecause() { return segmentation.stoppedBecause(); }

	/** One object across planes: its id, name, planes reached and where and why each walk stopped. */
	public static final class Track {

		private final int id;
		private final String name;
		private final List<Integer> planes;
		private final List<String> stops;

		Track(int id, String name, List<Integer> planes, List<String> stops) {
			this.id = id;
			this.name = name;
			this.planes = Collections.unmodifiableList(planes);
			this.stops = Collections.unmodifiableList(stops);
		}

		public int id() { return id; }

		/** The prompt's name, or {@code null}. */
		public String name() { return name; }

		/** The planes (stack indices) that have this object, ascending. */
		public List<Integer> planes() { return planes; }

		/** Where each walk from an annotated plane stopped and why, e.g. "z 18: predicted IoU 0.41 < 0.5". */
		public List<String> stops() { return stops; }

		@Override
		public String toString() {
			return "object " + id + (name == null ? "" : " (" + name + ")") + ": " + planes.size() + " plane(s) " +
				planes + "; " + String.join("; ", stops);
		}
	}
}
