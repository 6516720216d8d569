package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Macro;

import io.github.samfiji.engine.FamilyTwins;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.ij.IjTestFixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ModelManagerPlugin} in macro mode (headless JVM: ImageJ prints log lines and errors to stdout, captured
 * here): list, import, remove and a bad call.
 */
class ModelManagerPluginTest {

	@TempDir
	Path tmp;

	/** Runs the plugin as {@code run("Model Manager...", options)} does; returns what ImageJ printed. */
	private String run(String options) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream original = System.out;
		Thread thread = Thread.currentThread();
		String name = thread.getName();
		try (IjTestFixtures.SystemProperty store = new IjTestFixtures.SystemProperty(ModelStore.DIR_PROPERTY, tmp
			.resolve("store").toString()))
		{
			System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
			thread.setName("Run$_" + name);
			Macro.setOptions(thread, options);
			new ModelManagerPlugin().run("");
		}
		finally {
			Macro.setOptions(thread, null);
			thread.setName(name);
			System.setOut(original);
		}
		return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
	}

	@Test
	void importListAndRemoveFromAMacro() throws IOException {
		Path twins = FamilyTwins.installWithTwins(Paths.get("models", "mobilesam.json"), tmp.resolve("exported"))
			.directory();
		String imported = run("action=Import model=mobilesam directory=[" + twins + "]");
		assertTrue(imported.contains("Imported 'mobilesam' (MobileSAM"), imported);
		assertTrue(Files.isRegularFile(tmp.resolve("store/mobilesam/model.json")));
		String listed = run("action=List");
		assertTrue(listed.contains("  mobilesam" + " ".repeat(26) + "-  Apache-2.0" + " ".repeat(37) + "fast      " +
			"installed"), listed);
		assertTrue(listed.contains("  edgesam                        38 MB  S-Lab-1.0 (non-commercial), must be " +
			"accepted   fast      not installed"), listed);
		assertTrue(listed.contains("  sam-vit-b: facebookresearch/segment-anything (checkpoint"), listed);
		String removed = run("action=Remove model=mobilesam");
		assertTrue(removed.contains("Removed 'mobilesam' from "), removed);
		assertFalse(Files.exists(tmp.resolve("store/mobilesam")));
	}

	@Test
	void aLicenceToAcceptStopsAMacroInstallThatDoesNotAcceptIt() {
		String out = run("action=Install model=edgesam");
		assertTrue(out.contains("Model 'edgesam' is published under the licence S-Lab-1.0 (non-commercial)"), out);
		assertTrue(out.contains("(macro: accept_license=true)"), out);
		assertFalse(Files.exists(tmp.resolve("store/.downloads")), "nothing was downloaded");
		assertTrue(ModelManagerPlugin.flag("action=Install model=edgesam accept_license", "accept_license"));
		assertTrue(ModelManagerPlugin.flag("accept_license=true model=edgesam", "accept_license"));
		assertFalse(ModelManagerPlugin.flag("action=Install model=edgesam", "accept_license"));
		assertFalse(ModelManagerPlugin.flag("action=Install model=accept_license_x", "accept_license"));
	}

	@Test
	void badCallsShowTheMessage() {
		String out = run("action=Install model=nonesuch");
		assertTrue(out.contains("Unknown model 'nonesuch'. Known models: "), out);
		out = run("action=Import model=medsam");
		assertTrue(out.contains("Import needs directory=DIR"), out);
	}
}
