package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.auto.AdaptiveOptions;
import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.plane.PlaneSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Segment everything: automatic segmentation of the given planes (the image's 1-based stack indices; all when
 * empty), by adaptive prompting ({@link Method#ADAPTIVE}, the default: its options, optionally inside a region, seeded
 * from labels, on several decoders) or by SAM's point grid ({@link Method#GRID}: its options). Immutable.
 */
public final class EverythingRequest {

	/** How objects are found. */
	public enum Method {
		/** Prompts from a classical detector, refined and completed ({@code AdaptiveSegmenter}). */
		ADAPTIVE,
		/** SAM's automatic mask generator: a point grid ({@code AutomaticSegmenter}). */
		GRID
	}

	private final ImageInput image;
	private final List<Integer> planes;
	private final Method method;
	private final AutomaticOptions grid;
	private final AdaptiveOptions adaptive;
	private final boolean[] region;
	private final PlaneSource seedLabels;
	private final int decoders;
	private final RunSettings settings;

	private EverythingRequest(ImageInput image, List<Integer> planes, Method method, AutomaticOptions grid,
		AdaptiveOptions adaptive, boolean[] region, PlaneSource seedLabels, int decoders, RunSettings settings)
	{
		if (region != null && region.length != (long) image.planes().width() * image.planes().height())
			throw new IllegalArgumentException("The region has " + region.length + " pixels, but a plane has " + (long) image
				.planes().width() * image.planes().height());
		if (decoders < 0) throw new IllegalArgumentException("Decoders must be >= 0, got " + decoders);
		this.image = image;
		this.planes = Collections.unmodifiableList(new ArrayList<>(planes));
		this.method = method;
		this.grid = grid;
		this.adaptive = adaptive;
		this.region = region;
		this.seedLabels = seedLabels;
		this.decoders = decoders;
		this.settings = settings;
	}

	/** SAM's point grid with {@code options}. */
	public EverythingRequest(ImageInput image, List<Integer> planes, AutomaticOptions options, RunSettings settings) {
		this(image, planes, Method.GRID, options, AdaptiveOptions.defaults(), null, null, 0, settings);
	}

	/** Adaptive prompting with {@code options} (the grid's candidates per point, filters and all are not used). */
	public static EverythingRequest adaptive(ImageInput image, List<Integer> planes, AdaptiveOptions options,
		RunSettings settings)
	{
		return new EverythingRequest(image, planes, Method.ADAPTIVE, AutomaticOptions.defaults(), options, null, null, 0,
			settings);
	}

	/**
	 * Adaptive prompting only inside {@code region} (row-major plane pixels; {@code null}: the whole plane).
	 *
	 * @throws IllegalArgumentException when the region does not have a plane's size
	 */
	public EverythingRequest withRegion(boolean[] region) {
		return new EverythingRequest(image, planes, method, grid, adaptive, region == null ? null : region.clone(),
			seedLabels, decoders, settings);
	}

	/** Adaptive prompting seeded from a label image of the chosen planes' size instead of the detector. */
	public EverythingRequest withSeedLabels(PlaneSource labels) {
		return new EverythingRequest(image, planes, method, grid, adaptive, region, labels, decoders, settings);
	}

	/** Adaptive prompting on this many decoder sessions, one thread each (0: one session, the run's threads). */
	public EverythingRequest withDecoders(int n) {
		return new EverythingRequest(image, planes, method, grid, adaptive, region, seedLabels, n, settings);
	}

	public ImageInput image() { return image; }

	/** Stack indices of the image, or empty for every plane. */
	public List<Integer> planes() { return planes; }

	public Method method() { return method; }

	/** The grid method's options. */
	public AutomaticOptions options() { return grid; }

	/** The adaptive method's options. */
	public AdaptiveOptions adaptive() { return adaptive; }

	/** The region of interest, or {@code null}. */
	public boolean[] region() { return region == null ? null : region.clone(); }

	/** The seed labels, or {@code null}. */
	public PlaneSource seedLabels() { return seedLabels; }

	/** Decoder sessions for the adaptive method (0: one, with the run's threads). */
	public int decoders() { return decoders; }

	public RunSettings settings() { return settings; }
}
