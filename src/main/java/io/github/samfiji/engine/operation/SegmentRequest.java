package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Segment with prompts: each object's prompts on its plane (the image's stack index; or on every plane, as one
 * object). Objects are numbered from 1 in prompt order. Immutable.
 */
public final class SegmentRequest {

	private final ImageInput image;
	private final List<ObjectPrompt> prompts;
	private final RunSettings settings;

	public SegmentRequest(ImageInput image, List<ObjectPrompt> prompts, RunSettings settings) {
		this.image = image;
		this.prompts = Collections.unmodifiableList(new ArrayList<>(prompts));
		this.settings = settings;
	}

	public ImageInput image() { return image; }

	public List<ObjectPrompt> prompts() { return prompts; }

	public RunSettings settings() { return settings; }
}
