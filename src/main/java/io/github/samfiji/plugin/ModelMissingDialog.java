package io.github.samfiji.plugin;

import ij.IJ;

import io.github.samfiji.engine.model.ModelNotInstalledException;

/** What the user sees when the chosen model is not installed: how to install it, or where to choose another. */
public final class ModelMissingDialog {

	private ModelMissingDialog() {}

	/**
	 * Shows the message, after {@link #offerInstall} had its chance.
	 *
	 * @return whether the model was installed meanwhile (so the caller can try again)
	 */
	static boolean show(String title, ModelNotInstalledException e) {
		if (offerInstall(e.modelId())) return true;
		IJ.showMessage(title, e.getMessage() + "\n \nOr choose an installed model in Plugins > Segment Anything > SAM Options...");
		return false;
	}

	/**
	 * Offers to download and install {@code modelId} and returns whether it is installed now. This is the one place
	 * to connect a model manager; without one, nothing is offered and the message says how to install from the
	 * command line.
	 */
	public static boolean offerInstall(String modelId) {
		return false;
	}
}
