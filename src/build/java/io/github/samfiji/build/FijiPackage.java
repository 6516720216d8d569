package io.github.samfiji.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds what Fiji users install, once {@code mvn package} has built the plugin jar:
 * <ul>
 * <li>{@code target/NAME-fiji.zip}: {@code plugins/NAME.jar} and, under {@code jars/}, every runtime jar that Fiji
 * does not ship ({@link #SHIPPED_BY_FIJI}; today onnxruntime only). Unzipped into {@code Fiji.app}, it installs the
 * plugin.</li>
 * <li>{@code target/update-site/}: the same files as an ImageJ update site ({@link UpdateSite}), ready to upload.</li>
 * </ul>
 * Usage (bound to the package phase in pom.xml): {@code FijiPackage PLUGIN_JAR RUNTIME_JARS_DIR TARGET_DIR}, where
 * RUNTIME_JARS_DIR holds the runtime dependencies (dependency:copy-dependencies).
 */
public final class FijiPackage {

	/** Runtime jars every Fiji has: ImageJ 1, ImgLib2, SciJava Common with its expression parser, Gson. */
	public static final Pattern SHIPPED_BY_FIJI = Pattern.compile(
		"(ij|imglib2|scijava-common|parsington|gson)-\\d[^/]*\\.jar");

	private FijiPackage() {}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) throw new IllegalArgumentException(
			"Usage: FijiPackage PLUGIN_JAR RUNTIME_JARS_DIR TARGET_DIR");
		Path plugin = Paths.get(args[0]), runtime = Paths.get(args[1]), target = Paths.get(args[2]);
		if (!Files.isRegularFile(plugin)) throw new IOException("The plugin jar " + plugin + " is missing: run mvn package");
		List<Path> bundled = bundled(runtime);
		String name = plugin.getFileName().toString().replaceFirst("\\.jar$", "");
		Path zip = target.resolve(name + "-fiji.zip");
		writeZip(zip, plugin, bundled);
		updateSite(plugin, bundled).write(target.resolve("update-site"));
		System.out.println("Fiji package: " + zip + " (unzip into Fiji.app); update site: " + target.resolve(
			"update-site"));
	}

	/** The runtime jars of {@code runtime} that Fiji lacks, by name. */
	public static List<Path> bundled(Path runtime) throws IOException {
		try (Stream<Path> jars = Files.list(runtime)) {
			return jars.filter(p -> p.toString().endsWith(".jar") && !shippedByFiji(p)).sorted().collect(Collectors
				.toList());
		}
	}

	public static boolean shippedByFiji(Path jar) {
		return SHIPPED_BY_FIJI.matcher(jar.getFileName().toString()).matches();
	}

	/** The zip to unzip into Fiji.app: the plugin under plugins/, the other jars under jars/. */
	static void writeZip(Path zip, Path plugin, List<Path> jars) throws IOException {
		Path tmp = zip.resolveSibling(zip.getFileName() + ".part");
		try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(os)) {
			add(out, "plugins/" + plugin.getFileName(), plugin);
			for (Path j : jars)
				add(out, "jars/" + j.getFileName(), j);
		}
		Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private static void add(ZipOutputStream out, String name, Path file) throws IOException {
		ZipEntry e = new ZipEntry(name);
		e.setLastModifiedTime(Files.getLastModifiedTime(file));
		out.putNextEntry(e);
		Files.copy(file, out);
		out.closeEntry();
	}

	private static UpdateSite updateSite(Path plugin, List<Path> jars) {
		UpdateSite site = new UpdateSite("Segment Anything for Fiji developers");
		List<String> dependencies = new ArrayList<>();
		for (Path j : jars) {
			String path = "jars/" + j.getFileName();
			dependencies.add(path);
			site.add(new UpdateSite.Entry(path, j, "A runtime library of Segment Anything for Fiji (" + j.getFileName() +
				").", Collections.emptyList()));
		}
		site.add(new UpdateSite.Entry("plugins/" + plugin.getFileName(), plugin, "Segment Anything for Fiji: SAM-family " +
			"models (point, box and mask prompts, segment everything, propagation through stacks) run by onnxruntime, " +
			"without Python. Menu: Plugins > Segment Anything.", dependencies));
		return site;
	}

	/** Deletes a folder and everything in it (nothing when it is missing). */
	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : (Iterable<Path>) paths.sorted(Collections.reverseOrder())::iterator)
				Files.delete(p);
		}
	}
}
