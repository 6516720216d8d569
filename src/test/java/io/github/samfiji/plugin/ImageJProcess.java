package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs ImageJ (or another main class) in a subprocess, for end-to-end tests; the plugin as ImageJ finds it. */
public final class ImageJProcess {

	private ImageJProcess() {}

	/** The java executable of this JVM. */
	public static String java() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Runs {@code command}, its output in {@code log}; returns its exit status.
	 *
	 * @throws AssertionError when it does not finish within {@code timeoutSeconds}
	 */
	public static int exec(List<String> command, Path log, long timeoutSeconds) throws IOException,
		InterruptedException
	{
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError(command.get(0) + " did not finish within " + timeoutSeconds + " s: " + new String(
				Files.readAllBytes(log), StandardCharsets.UTF_8));
		}
		return p.exitValue();
	}

	/** The absolute path of {@code program} on the PATH, or {@code null}. */
	public static String onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) return null;
		for (String dir : path.split(File.pathSeparator)) {
			Path p = Paths.get(dir, program);
			if (Files.isExecutable(p)) return p.toString();
		}
		return null;
	}

	/**
	 * A jar of target/classes (with plugins.config at its root), as ImageJ finds plugins in its plugins folder; the
	 * packaged jar itself when the classes come from it.
	 */
	public static Path pluginJar(Path jar) throws IOException, URISyntaxException {
		Path classes = Paths.get(SegmentWithPromptsPlugin.class.getProtectionDomain().getCodeSource().getLocation()
			.toURI());
		if (Files.isRegularFile(classes)) // integration tests run against the packaged jar
			return Files.copy(classes, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertTrue(Files.isRegularFile(classes.resolve("plugins.config")), "plugins.config in " + classes);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(classes)) {
			files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
		try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
			for (Path f : files) {
				out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
				Files.copy(f, out);
				out.closeEntry();
			}
		}
		return jar;
	}
}
