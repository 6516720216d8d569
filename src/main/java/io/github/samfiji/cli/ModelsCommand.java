package io.github.samfiji.cli;

import io.github.samfiji.engine.install.CatalogListing;
import io.github.samfiji.engine.install.Installation;
import io.github.samfiji.engine.install.ModelManager;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@code sam models [list | install ID | import ID|DESCRIPTOR.json --from DIR | remove ID]}: the model manager on
 * the command line. Thin: the work is {@link ModelManager}. Whether the user accepted a model's licence (needed for
 * non-commercial licences before download) is given by the caller, from the {@code --accept-license} option.
 */
final class ModelsCommand {

	static final String USAGE = String.join("\n",
		"  sam models [list]                              installed models, the model directory and the models known to this version",
		"  sam models install ID [--accept-license]       download a known model (HTTPS, SHA-256 checked, resumable, smoke-tested);",
		"                                                 --accept-license accepts a licence that must be accepted (EdgeSAM: non-commercial)",
		"  sam models import ID|DESCRIPTOR.json --from DIR  install ONNX files you exported (scripts/export_onnx.py)",
		"  sam models remove ID                           delete an installed model");

	/** The flag that accepts a model's licence when it must be accepted before download. */
	static final String ACCEPT_LICENSE = "--accept-license";

	private final PrintStream out;
	private final TaskMonitor monitor;
	private final boolean acceptLicense;

	/** @param acceptLicense whether the user accepted the licence of the model to install ({@code --accept-license}) */
	ModelsCommand(PrintStream out, TaskMonitor monitor, boolean acceptLicense) {
		this.out = out;
		this.monitor = monitor;
		this.acceptLicense = acceptLicense;
	}

	int run(String[] args, ModelManager manager) throws IOException {
		String sub = args.length > 1 ? args[1] : "list";
		switch (sub) {
			case "list":
				if (args.length > 2) expect(args, 2);
				return list(manager);
			case "install":
				expect(args, 3);
				Installation done = manager.install(args[2], acceptLicense, monitor);
				report("Installed", done.descriptor());
				out.println("Checked: " + done.smokeTest());
				return 0;
			case "import":
				expect(args, 5);
				if (!args[3].equals("--from")) throw new SamCli.UsageException("Expected --from DIR, got '" + args[3] + "'");
				report("Imported", manager.importModel(args[2], Paths.get(args[4]), monitor));
				return 0;
			case "remove":
				expect(args, 3);
				manager.remove(args[2]);
				out.println("Removed '" + args[2] + "' from " + manager.store().root());
				return 0;
			default:
				throw new SamCli.UsageException("Unknown models command '" + sub + "'");
		}
	}

	private static void expect(String[] args, int count) {
		if (args.length != count) throw new SamCli.UsageException("Wrong number of arguments for 'sam models " +
			(args.length > 1 ? args[1] : "list") + "'");
	}

	private void report(String what, ModelDescriptor d) {
		out.println(what + " '" + d.id() + "' (" + d.name() + ") in " + d.directory());
	}

	private int list(ModelManager manager) throws IOException {
		ModelStore store = manager.store();
		out.println("Model directory: " + store.root());
		for (String id : store.installedIds())
			out.println("  " + id + "  " + store.resolve(id).name());
		List<CatalogListing.Row> rows = CatalogListing.rows(manager);
		out.println("Catalogue (sam models install ID; a licence marked 'must be accepted' needs --accept-license):");
		out.println("  " + CatalogListing.header());
		for (CatalogListing.Row r : rows)
			if (r.downloadable()) out.println("  " + r.line());
		boolean header = false;
		for (CatalogListing.Row r : rows) {
			ModelDescriptor d = r.descriptor();
			if (r.downloadable() || r.installed()) continue;
			if (!header) out.println("Known, not installed (export from a checkpoint or fetch as described, then import):");
			header = true;
			out.println("  " + d.id() + "  (" + d.license() + ")  " + d.name());
			out.println("      " + ModelManager.howToInstall(d));
		}
		return 0;
	}
}
