package io.github.samfiji.engine.install;

import io.github.samfiji.engine.model.ModelDescriptor;

/** A model installed by download: its descriptor in the store, and what the smoke test after download found. */
public final class Installation {

	private final ModelDescriptor descriptor;
	private final String smokeTest;

	Installation(ModelDescriptor descriptor, String smokeTest) {
		this.descriptor = descriptor;
		this.smokeTest = smokeTest;
	}

	/** The installed descriptor (files resolved in the model's directory). */
	public ModelDescriptor descriptor() { return descriptor; }

	/** One line: the checks passed, e.g. {@code SHA-256 checked; segmented a box on a 96x64 test image: ...}. */
	public String smokeTest() { return smokeTest; }
}
