package io.github.samfiji.plugin;

import ij.IJ;
import ij.gui.GenericDialog;

import io.github.samfiji.engine.install.ModelCatalog;
import io.github.samfiji.engine.install.ModelManager;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelNotInstalledException;

import java.io.IOException;

/**
 * What the user sees when the chosen model is not installed: an offer to download it (a model the catalog can
 * download), otherwise how to install it or choose another. On the event thread.
 */
final class ModelMissingDialog {

	private ModelMissingDialog() {}

	/**
	 * Offers to install the model; when the user accepts, the download runs in the background through
	 * "Model Manager..." (status bar progress, Esc cancels) and the tool works at the next click once it is done.
	 */
	static void show(String title, ModelNotInstalledException e) {
		ModelDescriptor known = downloadable(e.modelId());
		if (known == null) {
			IJ.showMessage(title, e.getMessage() +
				"\n \nOr install or import a model with Plugins > Segment Anything > Model Manager...,\nand choose it in Plugins > Segment Anything > SAM Options...");
			return;
		}
		GenericDialog gd = new GenericDialog(title);
		gd.addMessage("The model '" + known.id() + "' (" + known.name() + ", " + known.license() +
			") is not installed.\nDownload and install it now? Progress shows in the status bar; Esc cancels.");
		gd.setOKLabel("Install");
		gd.showDialog();
		if (gd.wasCanceled()) return;
		Thread install = new Thread(() -> IJ.run("Model Manager...", "action=Install model=" + known.id()),
			"SAM model install");
		install.start();
	}

	/** The catalog's descriptor of a model it can download, or {@code null}. */
	private static ModelDescriptor downloadable(String id) {
		try {
			ModelCatalog.Entry entry = ModelManager.defaults().catalog().find(id);
			return entry != null && entry.descriptor().downloadable() ? entry.descriptor() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}
}
