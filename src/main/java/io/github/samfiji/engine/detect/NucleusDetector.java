package io.github.samfiji.engine.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A classical blob detector for nuclei and cells, used to place prompts:
 * <ol>
 * <li>grey = mean of the channels of the pre-processed plane (0-255), smoothed by a Gaussian ({@code sigma} 1);</li>
 * <li>Otsu threshold; objects are on the side of the threshold that does not hold the median (so bright objects on
 * a dark background, or dark ones on a bright background), unless the polarity is given; specks smaller than
 * {@code minArea} pixels are removed;</li>
 * <li>seeds are the local maxima of the (slightly smoothed) distance to the background, strongest first; a maximum
 * lying inside the inscribed disc of a stronger seed is the same object and is dropped, so touching round objects
 * get one seed each and the separation adapts to each object's own size;</li>
 * <li>a seeded watershed on the distance map gives each seed its region, whose box is a box prompt;</li>
 * <li>the scale estimate is the median inscribed radius of the seeds;</li>
 * <li>optionally (<em>local</em>), for unevenly lit planes where dim objects fall below a global threshold: a second
 * pass thresholds (Otsu again) the local contrast, the smoothed grey minus its Gaussian surroundings at
 * {@value #LOCAL_SCALE} times the first pass's radius, and takes its foreground, seeds and scale instead.</li>
 * </ol>
 * Works on a region of interest when given one (pixels outside are neither foreground nor background).
 */
public final class NucleusDetector {

	/** Which side of the threshold the objects are on. */
	public enum Polarity { AUTO, BRIGHT, DARK }

	/** The local contrast's surroundings: a Gaussian of this many times the first pass's object radius. */
	static final double LOCAL_SCALE = 4;

	private final Polarity polarity;
	private final int minArea;
	private final double sigma;
	private final boolean local;

	private NucleusDetector(Polarity polarity, int minArea, double sigma, boolean local) {
		if (minArea < 1) throw new IllegalArgumentException("The detector's minimum area must be >= 1, got " + minArea);
		this.polarity = polarity;
		this.minArea = minArea;
		this.sigma = sigma;
		this.local = local;
	}

	/** Automatic polarity, specks below 15 pixels ignored, smoothing 1 pixel, global threshold, distance seeds. */
	public static NucleusDetector defaults() { return new NucleusDetector(Polarity.AUTO, 15, 1, false); }

	public NucleusDetector withPolarity(Polarity p) {
		return new NucleusDetector(p, minArea, sigma, local);
	}

	/** Foreground specks below this many pixels are ignored; >= 1. */
	public NucleusDetector withMinArea(int pixels) {
		return new NucleusDetector(polarity, pixels, sigma, local);
	}

	/** Gaussian smoothing before thresholding, in pixels (0: none). */
	public NucleusDetector withSigma(double pixels) {
		return new NucleusDetector(polarity, minArea, pixels, local);
	}

	/** Whether to threshold the local contrast in a second pass (see the class comment). */
	public NucleusDetector withLocalContrast(boolean on) {
		return new NucleusDetector(polarity, minArea, sigma, on);
	}


	/**
	 * @param channels one or more row-major channels of the same plane (grey: one; RGB: three), values 0-255
	 * @param roi pixels to consider, or null for all
	 */
	public Detection detect(float[][] channels, int width, int height, boolean[] roi) {
		float[] grey = GaussianBlur.blur(mean(channels), width, height, sigma);
		float[] inside = roi == null ? grey : selected(grey, roi);
		double threshold = Otsu.threshold(inside), median = median(inside);
		boolean bright = polarity == Polarity.AUTO ? median < threshold : polarity == Polarity.BRIGHT;
		Objects objects = objects(above(grey, roi, bright, threshold), width, height);
		if (local && objects.radius > 0) {
			float[] contrast = contrast(grey, bright, LOCAL_SCALE * objects.radius, width, height);
			double t = Otsu.threshold(roi == null ? contrast : selected(contrast, roi));
			objects = objects(above(contrast, roi, true, t), width, height);
		}
		boolean[] background = background(grey, objects.foreground, roi, bright, threshold, median, objects.radius,
			width, height);
		return new Detection(width, height, bright, threshold, objects.foreground, objects.seeds, objects.regions,
			objects.radius, background);
	}

	/** The foreground, seeds, regions and scale found from one thresholded plane. */
	private static final class Objects {

		boolean[] foreground;
		List<Seed> seeds;
		int[] regions;
		double radius;
	}

	private Objects objects(boolean[] raw, int width, int height) {
		Objects o = new Objects();
		o.foreground = Components.of(raw, width, height).withoutSmall(minArea);
		float[] distance = DistanceTransform.of(o.foreground, width, height);
		float[] smooth = GaussianBlur.blur(distance, width, height, 1);
		for (int i = 0; i < smooth.length; i++) if (!o.foreground[i]) smooth[i] = 0;
		List<int[]> peaks = peaks(smooth, distance, o.foreground, width, height);
		o.regions = SeededWatershed.grow(smooth, o.foreground, width, height, peaks);
		o.seeds = seeds(peaks, distance, o.regions, width, height);
		o.radius = medianRadius(o.seeds);
		return o;
	}

	private static boolean[] above(float[] values, boolean[] roi, boolean bright, double threshold) {
		boolean[] raw = new boolean[values.length];
		for (int i = 0; i < values.length; i++)
			raw[i] = (roi == null || roi[i]) && (bright ? values[i] >= threshold : values[i] < threshold);
		return raw;
	}

	/** How much brighter (or, for dark objects, darker) each pixel is than its surroundings at the given scale. */
	private static float[] contrast(float[] grey, boolean bright, double scale, int w, int h) {
		float[] surroundings = GaussianBlur.blur(grey, w, h, scale);
		float[] c = new float[grey.length];
		for (int i = 0; i < c.length; i++) c[i] = bright ? grey[i] - surroundings[i] : surroundings[i] - grey[i];
		return c;
	}

	/** Local maxima of {@code height}, strongest first, without those inside a stronger seed's inscribed disc. */
	private static List<int[]> peaks(float[] height, float[] distance, boolean[] foreground, int w, int h) {
		List<Integer> maxima = new ArrayList<>();
		for (int p = 0; p < height.length; p++)
			if (foreground[p] && isMaximum(height, p, w, h)) maxima.add(p);
		maxima.sort((a, b) -> height[a] != height[b] ? Float.compare(height[b], height[a]) : Integer.compare(a, b));
		List<int[]> kept = new ArrayList<>();
		for (int p : maxima) {
			int x = p % w, y = p / w;
			boolean inside = false;
			for (int[] k : kept) {
				double r = distance[k[1] * w + k[0]];
				if ((x - k[0]) * (x - k[0]) + (y - k[1]) * (y - k[1]) < r * r) {
					inside = true;
					break;
				}
			}
			if (!inside) kept.add(new int[] { x, y });
		}
		return kept;
	}

	/** Greater than the 8 neighbours before it in raster order, at least the ones after (plateaus keep one pixel). */
	private static boolean isMaximum(float[] v, int p, int w, int h) {
		int x = p % w, y = p / w;
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++) {
				int nx = x + dx, ny = y + dy;
				if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
				int q = ny * w + nx;
				if (q < p ? v[q] >= v[p] : v[q] > v[p]) return false;
			}
		return true;
	}

	private static List<Seed> seeds(List<int[]> peaks, float[] distance, int[] regions, int w, int h) {
		int n = peaks.size();
		int[] minX = new int[n], minY = new int[n], maxX = new int[n], maxY = new int[n], area = new int[n];
		Arrays.fill(minX, Integer.MAX_VALUE);
		Arrays.fill(minY, Integer.MAX_VALUE);
		Arrays.fill(maxX, -1);
		Arrays.fill(maxY, -1);
		for (int p = 0; p < regions.length; p++) {
			int r = regions[p] - 1;
			if (r < 0) continue;
			int x = p % w, y = p / w;
			minX[r] = Math.min(minX[r], x);
			maxX[r] = Math.max(maxX[r], x);
			minY[r] = Math.min(minY[r], y);
			maxY[r] = Math.max(maxY[r], y);
			area[r]++;
		}
		List<Seed> seeds = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int[] p = peaks.get(i);
			seeds.add(new Seed(p[0], p[1], distance[p[1] * w + p[0]], minX[i], minY[i], maxX[i], maxY[i], area[i]));
		}
		return seeds;
	}

	private static double medianRadius(List<Seed> seeds) {
		if (seeds.isEmpty()) return 0;
		float[] r = new float[seeds.size()];
		for (int i = 0; i < r.length; i++) r[i] = seeds.get(i).radius();
		Arrays.sort(r);
		return r[r.length / 2];
	}

	private static boolean[] background(float[] grey, boolean[] foreground, boolean[] roi, boolean bright,
		double threshold, double median, double radius, int w, int h)
	{
		boolean[] notForeground = new boolean[foreground.length];
		for (int i = 0; i < foreground.length; i++) notForeground[i] = !foreground[i];
		float[] fromForeground = DistanceTransform.of(notForeground, w, h, false);
		double midpoint = (threshold + median) / 2;
		boolean anyForeground = false;
		for (boolean f : foreground) anyForeground |= f;
		boolean[] background = new boolean[foreground.length];
		for (int i = 0; i < background.length; i++) {
			boolean far = !anyForeground || fromForeground[i] > Math.max(radius, 1);
			boolean dim = bright ? grey[i] < midpoint : grey[i] > midpoint;
			background[i] = (roi == null || roi[i]) && !foreground[i] && far && dim;
		}
		return background;
	}

	private static float[] mean(float[][] channels) {
		float[] grey = new float[channels[0].length];
		for (float[] c : channels)
			for (int i = 0; i < grey.length; i++) grey[i] += c[i] / channels.length;
		return grey;
	}

	private static float[] selected(float[] values, boolean[] roi) {
		int n = 0;
		for (boolean b : roi) if (b) n++;
		float[] out = new float[n];
		n = 0;
		for (int i = 0; i < values.length; i++) if (roi[i]) out[n++] = values[i];
		return out;
	}

	private static double median(float[] values) {
		if (values.length == 0) return 0;
		float[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
