package io.github.samfiji.engine.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model id that is not installed in the model store; the message names the command that installs it. */
public class ModelNotInstalledException extends IOException {

	private final String modelId;

	public ModelNotInstalledException(String modelId, Path storeRoot) {
		super("Model '" + modelId + "' is not installed in " + storeRoot + ". Install it with: scripts/install-model " +
			modelId + " (or set -D" + ModelStore.DIR_PROPERTY + " / $" + ModelStore.DIR_ENV +
			" to the directory that holds it)");
		this.modelId = modelId;
	}

	public String modelId() { return modelId; }
}
