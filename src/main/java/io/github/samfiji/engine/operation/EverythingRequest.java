package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.auto.AutomaticOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Segment everything: automatic segmentation of the given planes (the image's 1-based stack indices; all when
 * empty). Immutable.
 */
public final class EverythingRequest {

	private final ImageInput image;
	private final List<Integer> planes;
	private final AutomaticOptions options;
	private final RunSettings settings;

	public EverythingRequest(ImageInput image, List<Integer> planes, AutomaticOptions options, RunSettings settings) {
		this.image = image;
		this.planes = Collections.unmodifiableList(new ArrayList<>(planes));
		this.options = options;
		this.settings = settings;
	}

	public ImageInput image() { return image; }

	/** Stack indices of the image, or empty for every plane. */
	public List<Integer> planes() { return planes; }

	public AutomaticOptions options() { return options; }

	public RunSettings settings() { return settings; }
}
