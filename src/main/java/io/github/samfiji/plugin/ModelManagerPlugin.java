package io.github.samfiji.plugin;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;

import io.github.samfiji.engine.install.CatalogListing;
import io.github.samfiji.engine.install.Installation;
import io.github.samfiji.engine.install.ModelCatalog;
import io.github.samfiji.engine.install.ModelManager;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.ij.StatusBarMonitor;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Model Manager...": shows the model catalogue (size, licence, speed
 * class, installed or not), installs (downloads over HTTPS with progress in the status bar, Esc cancels, resumes
 * next time, SHA-256 and a smoke segmentation checked), imports and removes models. A licence that must be
 * accepted is asked for before the download (macros: {@code accept_license}). Recorded by the Macro Recorder:
 * {@code run("Model Manager...", "action=Install model=edgesam accept_license");}. Thin: the work is
 * {@link ModelManager}; listings go to the Log window.
 */
public class ModelManagerPlugin implements PlugIn {

	static final String[] ACTIONS = { "List", "Install", "Import", "Remove" };
	/** The macro flag that says the user accepted the model's licence. */
	static final String ACCEPT_LICENSE = "accept_license";

	@Override
	public void run(String arg) {
		String options = Macro.getOptions();
		try {
			ModelManager manager = ModelManager.defaults();
			String action, model, directory;
			boolean accepted = false;
			if (options != null) {
				action = Macro.getValue(options, "action", "List");
				model = Macro.getValue(options, "model", "");
				directory = Macro.getValue(options, "directory", "");
				accepted = flag(options, ACCEPT_LICENSE);
			}
			else if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
				"No display: give the parameters as macro options, e.g. action=Install model=mobilesam-anylabeling");
			else {
				List<CatalogListing.Row> rows = CatalogListing.rows(manager);
				GenericDialog gd = new GenericDialog("Model Manager");
				gd.addChoice("Action", ACTIONS, "Install");
				String[] ids = modelChoices(manager);
				gd.addChoice("Model", ids, CatalogListing.suggestion(rows, ""));
				gd.addDirectoryField("Directory", "");
				gd.addMessage(table(rows), new Font(Font.MONOSPACED, Font.PLAIN, 12));
				gd.addMessage("Install downloads a catalogue model (HTTPS, SHA-256 checked, then a test segmentation).\n" +
					"Import: the directory holding the ONNX files the model's descriptor names\n(e.g. written by " +
					"scripts/export_onnx.py). Models: " + manager.store().root());
				gd.showDialog();
				if (gd.wasCanceled()) return;
				action = gd.getNextChoice();
				model = gd.getNextChoice();
				directory = gd.getNextString();
				if (action.equals("Install")) {
					Boolean answer = askLicense(manager, model);
					if (answer == null) return;
					accepted = answer;
				}
			}
			perform(manager, action, model, directory, accepted);
		}
		catch (IOException | IllegalArgumentException e) {
			IJ.error("Model Manager", e.getMessage());
			if (options != null) Macro.abort();
		}
	}

	/** A macro flag, given bare ({@code accept_license}) or as {@code accept_license=true}. */
	static boolean flag(String options, String key) {
		return (" " + options + " ").contains(" " + key + " ") || Boolean.parseBoolean(Macro.getValue(options, key,
			"false"));
	}

	/**
	 * Asks for the licence when the model needs it; records the acceptance for the Macro Recorder.
	 *
	 * @return whether it was accepted (true when nothing needs accepting), {@code null} when the user declined
	 */
	private static Boolean askLicense(ModelManager manager, String id) {
		ModelCatalog.Entry e = manager.catalog().find(id);
		if (e == null || !e.descriptor().catalog().licenseAcceptance()) return false;
		if (!LicenseQuestion.ask(e.descriptor())) return null;
		Recorder.recordOption(ACCEPT_LICENSE);
		return true;
	}

	private static void perform(ModelManager manager, String action, String model, String directory,
		boolean accepted) throws IOException
	{
		if (!action.equals("List") && model.isEmpty()) throw new IllegalArgumentException(action +
			" needs a model: model=ID");
		StatusBarMonitor monitor = new StatusBarMonitor(null);
		try {
			switch (action) {
				case "List":
					list(manager);
					break;
				case "Install":
					Installation done = manager.install(model, accepted, monitor);
					IJ.log("Installed " + describe(done.descriptor()));
					IJ.log("  Checked: " + done.smokeTest());
					break;
				case "Import":
					if (directory.isEmpty()) throw new IllegalArgumentException("Import needs directory=DIR");
					IJ.log("Imported " + describe(manager.importModel(model, Paths.get(directory), monitor)));
					break;
				case "Remove":
					manager.remove(model);
					IJ.log("Removed '" + model + "' from " + manager.store().root());
					break;
				default:
					throw new IllegalArgumentException("Unknown action '" + action + "': use List, Install, Import or Remove");
			}
		}
		catch (CancellationException e) {
			IJ.showStatus("Model Manager: cancelled; a download resumes where it stopped next time");
		}
		finally {
			monitor.done();
		}
	}

	private static String describe(ModelDescriptor d) {
		return "'" + d.id() + "' (" + d.name() + ") in " + d.directory();
	}

	/** Catalogue ids (downloadable first), then models installed under other ids. */
	private static String[] modelChoices(ModelManager manager) throws IOException {
		Set<String> ids = new LinkedHashSet<>();
		for (CatalogListing.Row r : CatalogListing.rows(manager))
			ids.add(r.id());
		ids.addAll(manager.store().installedIds());
		return ids.toArray(new String[0]);
	}

	/** The downloadable and the installed models, one line each. */
	private static String table(List<CatalogListing.Row> rows) {
		StringBuilder text = new StringBuilder(CatalogListing.header());
		for (CatalogListing.Row r : rows)
			if (r.downloadable() || r.installed()) text.append('\n').append(r.line());
		return text.toString();
	}

	private static void list(ModelManager manager) throws IOException {
		IJ.log("Model directory: " + manager.store().root());
		List<CatalogListing.Row> rows = CatalogListing.rows(manager);
		IJ.log("Catalogue (Install downloads it; a licence marked 'must be accepted' is asked for, or " + ACCEPT_LICENSE +
			" in macros):");
		IJ.log("  " + CatalogListing.header());
		for (CatalogListing.Row r : rows)
			IJ.log("  " + r.line());
		for (String id : manager.store().installedIds())
			if (manager.catalog().find(id) == null) IJ.log("  installed: " + id + "  " + manager.store().resolve(id).name());
		for (CatalogListing.Row r : rows)
			if (!r.downloadable() && !r.installed()) IJ.log("  " + r.id() + ": " + ModelManager.howToInstall(r
				.descriptor()));
	}
}
