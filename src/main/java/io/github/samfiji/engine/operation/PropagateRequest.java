package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.propagate.PropagationOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Propagate through a stack: each object annotated on one or more planes (the image's stack indices; prompts with
 * the same name are one object) is followed along the options' axis. Immutable.
 */
public final class PropagateRequest {

	private final ImageInput image;
	private final List<ObjectPrompt> prompts;
	private final PropagationOptions options;
	private final RunSettings settings;

	public PropagateRequest(ImageInput image, List<ObjectPrompt> prompts, PropagationOptions options,
		RunSettings settings)
	{
		this.image = image;
		this.prompts = Collections.unmodifiableList(new ArrayList<>(prompts));
		this.options = options;
		this.settings = settings;
	}

	public ImageInput image() { return image; }

	public List<ObjectPrompt> prompts() { return prompts; }

	public PropagationOptions options() { return options; }

	public RunSettings settings() { return settings; }
}
