package io.github.samfiji.plugin;

import ij.gui.GenericDialog;

import io.github.samfiji.engine.model.ModelDescriptor;

/**
 * Asks the user to accept a model's licence before it is downloaded, for models whose descriptor says it must be
 * accepted (non-commercial licences such as EdgeSAM's S-Lab 1.0). The Help button opens the licence text.
 */
final class LicenseQuestion {

	private LicenseQuestion() {}

	/** @return whether the user accepted; false when the dialog was cancelled */
	static boolean ask(ModelDescriptor d) {
		GenericDialog gd = new GenericDialog("Licence of " + d.id());
		gd.addMessage(d.name() + "\nis published under the licence " + d.license() + ":\n" + d.catalog().licenseUrl() +
			"\n \nIt restricts how the model may be used (for example to non-commercial purposes).\nRead it (Help opens " +
			"it), and download the model only if you accept its terms.");
		gd.addHelp(d.catalog().licenseUrl());
		gd.setOKLabel("Accept and download");
		gd.showDialog();
		return !gd.wasCanceled();
	}
}
