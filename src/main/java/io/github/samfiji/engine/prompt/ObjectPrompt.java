package io.github.samfiji.engine.prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything that prompts one object on one plane: any number of positive and negative points, at most one box,
 * and optionally the low-resolution logits of a previous prediction. Immutable; build with {@link #builder()}.
 */
public final class ObjectPrompt {

	/** The {@link #slice()} of a prompt meant for every plane of the image (see {@link Builder#everyPlane()}). */
	public static final int EVERY_PLANE = 0;

	private final List<PromptPoint> points;
	private final PromptBox box;
	private final LowResMask maskInput;
	private final int slice;
	private final String name;

	private ObjectPrompt(Builder b) {
		this.points = Collections.unmodifiableList(new ArrayList<>(b.points));
		this.box = b.box;
		this.maskInput = b.maskInput;
		this.slice = b.slice;
		this.name = b.name;
	}

	public static Builder builder() { return new Builder(); }

	public List<PromptPoint> points() { return points; }

	/** The box, or {@code null}. */
	public PromptBox box() { return box; }

	/** The previous prediction's low-res logits to refine, or {@code null}. */
	public LowResMask maskInput() { return maskInput; }

	/** 1-based plane index in the image's stack, or {@link #EVERY_PLANE}. */
	public int slice() { return slice; }

	/** Whether this prompt applies to every plane (it had no position and the run asked for every plane). */
	public boolean onEveryPlane() { return slice == EVERY_PLANE; }

	/** A name for messages and outputs, e.g. the ROI's name; may be {@code null}. */
	public String name() { return name; }

	/** The same prompt with a mask input (e.g. the previous low-res logits). */
	public ObjectPrompt withMaskInput(LowResMask mask) {
		return builder().points(points).box(box).maskInput(mask).slice(slice).name(name).build();
	}

	/** A copy of this prompt on another plane. */
	public ObjectPrompt withSlice(int newSlice) {
		return builder().points(points).box(box).maskInput(maskInput).slice(newSlice).name(name).build();
	}

	/**
	 * Checks that every point lies inside a {@code width x height} plane, and that the box overlaps it and reaches no
	 * further than the plane's own size beyond its edges (so that its corners stay exact in the model's float
	 * coordinates; a box of width {@code 1e300} is refused).
	 *
	 * @param label how the object is called in the message, e.g. "Object 3"
	 * @throws IllegalArgumentException naming the offending prompt and the plane size
	 */
	public void checkInside(int width, int height, String label) {
		for (PromptPoint p : points)
			if (p.x() < 0 || p.y() < 0 || p.x() > width || p.y() > height) throw new IllegalArgumentException(label +
				": point " + p + " lies outside the " + width + "x" + height + " image");
		if (box == null) return;
		if (box.x() >= width || box.y() >= height || box.maxX() <= 0 || box.maxY() <= 0)
			throw new IllegalArgumentException(label + ": " + box + " lies outside the " + width + "x" + height +
				" image");
		if (box.x() < -width || box.y() < -height || box.maxX() > 2.0 * width || box.maxY() > 2.0 * height)
			throw new IllegalArgumentException(label + ": " + box + " reaches more than the image's size beyond its " +
				"edges (the image is " + width + "x" + height + "): give the box in pixels of this image");
	}

	@Override
	public String toString() {
		return (name == null ? "" : name + " ") + (slice == EVERY_PLANE ? "every slice" : "slice " + slice) + " " + points + (box == null ? "" : " " + box) +
			(maskInput == null ? "" : " +mask");
	}

	/** Collects the parts of an {@link ObjectPrompt}. */
	public static final class Builder {

		private final List<PromptPoint> points = new ArrayList<>();
		private PromptBox box;
		private LowResMask maskInput;
		private int slice = 1;
		private String name;

		public Builder point(double x, double y, boolean positive) {
			return point(new PromptPoint(x, y, positive));
		}

		public Builder point(PromptPoint p) {
			points.add(p);
			return this;
		}

		public Builder points(List<PromptPoint> ps) {
			points.addAll(ps);
			return this;
		}

		/**
		 * @throws IllegalArgumentException when a box is already set: SAM takes one box per object
		 */
		public Builder box(PromptBox b) {
			if (b != null && box != null) throw new IllegalArgumentException(
				"An object can have only one box; put other boxes in other objects");
			box = b;
			return this;
		}

		public Builder box(double x, double y, double width, double height) {
			return box(new PromptBox(x, y, width, height));
		}

		public Builder maskInput(LowResMask m) {
			maskInput = m;
			return this;
		}

		public Builder slice(int s) {
			if (s < 1) throw new IllegalArgumentException("Slices are numbered from 1, got " + s);
			slice = s;
			return this;
		}

		/** Puts the prompt on every plane: segmenters apply it to each plane, as one object across planes. */
		public Builder everyPlane() {
			slice = EVERY_PLANE;
			return this;
		}

		public Builder name(String n) {
			name = n;
			return this;
		}

		public boolean isEmpty() { return points.isEmpty() && box == null; }

		/** @throws IllegalArgumentException when there is neither a point nor a box */
		public ObjectPrompt build() {
			if (isEmpty()) throw new IllegalArgumentException("An object prompt needs at least one point or a box" +
				(name == null ? "" : " (" + name + ")"));
			return new ObjectPrompt(this);
		}
	}
}
