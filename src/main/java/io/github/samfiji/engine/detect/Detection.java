package io.github.samfiji.engine.detect;

import java.util.Collections;
import java.util.List;

/**
 * What {@link NucleusDetector} found on a plane: the foreground, its polarity and threshold, the seeds (one per
 * detected object, strongest first) with their watershed regions, the typical object radius, and the pixels that are
 * confidently background. Arrays are row-major and not copied. Immutable by contract.
 */
public final class Detection {

	private final int width;
	private final int height;
	private final boolean brightObjects;
	private final double threshold;
	private final boolean[] foreground;
	private final List<Seed> seeds;
	private final int[] regions;
	private final double radius;
	private final boolean[] background;

	Detection(int width, int height, boolean brightObjects, double threshold, boolean[] foreground, List<Seed> seeds,
		int[] regions, double radius, boolean[] background)
	{
		this.width = width;
		this.height = height;
		this.brightObjects = brightObjects;
		this.threshold = threshold;
		this.foreground = foreground;
		this.seeds = Collections.unmodifiableList(seeds);
		this.regions = regions;
		this.radius = radius;
		this.background = background;
	}

	public int width() { return width; }

	public int height() { return height; }

	/** Whether objects are brighter than the background (fluorescence) or darker (bright-field, H&E). */
	public boolean brightObjects() { return brightObjects; }

	/** The automatic threshold on the smoothed grey plane (0-255 units of the pre-processed plane). */
	public double threshold() { return threshold; }

	/** Foreground pixels (objects), small specks removed. */
	public boolean[] foreground() { return foreground; }

	/**
	 * One seed per detected object, strongest first (the highest maxima of the distance, or of the smoothed intensity
	 * with intensity seeds; ties in raster order).
	 */
	public List<Seed> seeds() { return seeds; }

	/** Watershed region of each pixel: seed {@code i} of {@link #seeds()} has region {@code i + 1}; 0 elsewhere. */
	public int[] regions() { return regions; }

	/**
	 * The detector's scale estimate: the median {@link Seed#radius()} of the seeds (the typical inscribed radius of an
	 * object), 0 without seeds.
	 */
	public double radius() { return radius; }

	/**
	 * Pixels that are confidently background: outside the foreground, farther than {@link #radius()} from it, and
	 * nearer the background level than the threshold.
	 */
	public boolean[] background() { return background; }

	public boolean isForeground(int x, int y) { return foreground[y * width + x]; }

	public boolean isBackground(int x, int y) { return background[y * width + x]; }
}
