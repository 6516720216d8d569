package io.github.samfiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layering the README's Design section describes, read from the sources' imports: the engine and the option
 * table use no ImageJ, AWT or Swing; the ImageJ adapter uses no front; no two engine packages depend on each other;
 * the engine's root holds only its entry point.
 */
class ArchitectureTest {

	private static final Path MAIN = Paths.get("src", "main", "java", "io", "github", "samfiji");
	private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

	/** Package (relative to io.github.samfiji) -> imported names, over every main source. */
	private static Map<String, Set<String>> imports() throws IOException {
		Map<String, Set<String>> imports = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
				String pkg = MAIN.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), ".");
				Matcher m = IMPORT.matcher(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
				while (m.find())
					imports.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(1));
			}
		}
		return imports;
	}

	@Test
	void theEngineAndTheOptionsUseNoImageJAwtOrSwing() throws IOException {
		for (Map.Entry<String, Set<String>> e : imports().entrySet())
			if (e.getKey().startsWith("engine") || e.getKey().equals("options")) for (String i : e.getValue())
				assertTrue(!i.startsWith("ij.") && !i.startsWith("java.awt") && !i.startsWith("javax.swing"), e.getKey() +
					" imports " + i);
	}

	@Test
	void layersDependOneWay() throws IOException {
		for (Map.Entry<String, Set<String>> e : imports().entrySet()) {
			String top = e.getKey().split("\\.")[0];
			for (String i : e.getValue()) {
				if (!i.startsWith("io.github.samfiji.")) continue;
				String used = i.substring("io.github.samfiji.".length()).split("\\.")[0];
				if (top.equals("ij") || top.equals("options") || top.equals("engine")) assertTrue(!used.matches(
					"plugin|command|cli|service"), e.getKey() + " uses the front " + i);
				if (top.equals("options") || top.equals("engine")) assertTrue(!used.equals("ij"), e.getKey() + " uses " + i);
				if (top.equals("engine")) assertTrue(used.equals("engine"), e.getKey() + " uses " + i);
			}
		}
	}

	@Test
	void noTwoEnginePackagesDependOnEachOther() throws IOException {
		Map<String, Set<String>> graph = new TreeMap<>();
		for (Map.Entry<String, Set<String>> e : imports().entrySet()) {
			if (!e.getKey().startsWith("engine")) continue;
			for (String i : e.getValue()) {
				if (!i.startsWith("io.github.samfiji.engine.")) continue;
				List<String> parts = new ArrayList<>();
				for (String p : i.substring("io.github.samfiji.".length()).split("\\."))
					if (Character.isLowerCase(p.charAt(0))) parts.add(p);
					else break;
				String target = String.join(".", parts);
				if (!target.equals(e.getKey())) graph.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(target);
			}
		}
		for (String start : graph.keySet())
			assertTrue(!reaches(graph, start, start, new TreeSet<>()), "a cycle through " + start + ": " + graph);
	}

	private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
		for (String next : graph.getOrDefault(from, new TreeSet<>())) {
			if (next.equals(target)) return true;
			if (seen.add(next) && reaches(graph, next, target, seen)) return true;
		}
		return false;
	}

	@Test
	void theEngineRootHoldsOnlyItsEntryPoint() throws IOException {
		try (Stream<Path> files = Files.list(MAIN.resolve("engine"))) {
			assertEquals(List.of("SamEngine.java"), files.filter(Files::isRegularFile).map(p -> p.getFileName()
				.toString()).collect(Collectors.toList()));
		}
	}
}
