package io.github.samfiji.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputSet}: the whole new set or the whole old one, whatever fails, and no staging left behind. */
class OutputSetTest {

	static final List<String> NAMES = Arrays.asList("labels.tif", "RoiSet.zip", "results.csv", "overlay.png");

	@TempDir
	Path tmp;

	/** A set whose file {@code name} holds {@code tag + ":" + name}. */
	static OutputSet set(Path dir, String tag) {
		OutputSet set = new OutputSet(dir);
		for (String n : NAMES)
			set.add(n, out -> out.write((tag + ":" + n).getBytes(StandardCharsets.UTF_8)));
		return set;
	}

	/** Every path under {@code dir}, relative, sorted. */
	static List<String> tree(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().collect(Collectors
				.toList());
		}
	}

	static void assertSet(Path dir, String tag) throws IOException {
		for (String n : NAMES)
			assertEquals(tag + ":" + n, Files.readString(dir.resolve(n)), n);
	}

	static List<String> sorted(List<String> names, String... more) {
		List<String> all = new ArrayList<>(names);
		all.addAll(Arrays.asList(more));
		all.sort(null);
		return all;
	}

	@Test
	void publishesEveryFileIntoANewDirectoryAndLeavesNothingElse() throws IOException {
		Path dir = tmp.resolve("a").resolve("out");
		set(dir, "new").publish();
		assertSet(dir, "new");
		assertEquals(sorted(NAMES), tree(dir));
	}

	@Test
	void replacesThePreviousSetAndKeepsOtherFiles() throws IOException {
		set(tmp, "old").publish();
		Files.writeString(tmp.resolve("notes.txt"), "mine");
		set(tmp, "new").publish();
		assertSet(tmp, "new");
		assertEquals(sorted(NAMES, "notes.txt"), tree(tmp));
	}

	@Test
	void aWriterFailingHalfWayLeavesThePreviousSetAndNoStaging() throws IOException {
		set(tmp, "old").publish();
		OutputSet failing = new OutputSet(tmp);
		failing.add(NAMES.get(0), out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
		failing.add(NAMES.get(1), out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
		failing.add(NAMES.get(2), out -> {
			out.write("half a ta".getBytes(StandardCharsets.UTF_8));
			throw new NumberFormatException("Character N is neither a decimal digit number");
		});
		failing.add(NAMES.get(3), out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
		assertThrows(NumberFormatException.class, failing::publish);
		assertSet(tmp, "old");
		assertEquals(sorted(NAMES), tree(tmp));
	}

	@Test
	void aRenameFailingHalfWayPutsTheFilesAlreadyPublishedBack() throws IOException {
		set(tmp, "old").publish();
		OutputSet set = new OutputSet(tmp);
		for (int i = 0; i < NAMES.size(); i++) {
			String n = NAMES.get(i);
			boolean last = i == NAMES.size() - 1;
			set.add(n, out -> {
				out.write(("new:" + n).getBytes(StandardCharsets.UTF_8));
				if (last) { // after the location was checked: a folder takes the third file's place
					Files.delete(tmp.resolve(NAMES.get(2)));
					Files.createDirectories(tmp.resolve(NAMES.get(2)).resolve("inside"));
				}
			});
		}
		IOException e = assertThrows(IOException.class, set::publish);
		assertTrue(e.getMessage().startsWith("Could not replace " + tmp.resolve(NAMES.get(2))), e.getMessage());
		assertTrue(e.getMessage().endsWith("were left as they were"), e.getMessage());
		for (String n : Arrays.asList(NAMES.get(0), NAMES.get(1), NAMES.get(3)))
			assertEquals("old:" + n, Files.readString(tmp.resolve(n)), n);
		assertEquals(sorted(NAMES, NAMES.get(2) + "/inside"), tree(tmp));
	}

	@Test
	void aNewFileIsRemovedWhenTheSetIsRolledBack() throws IOException {
		OutputSet set = new OutputSet(tmp);
		set.add("a.txt", out -> out.write(1));
		set.add("b.txt", out -> {
			out.write(2);
			Files.createDirectories(tmp.resolve("b.txt"));
		});
		assertThrows(IOException.class, set::publish);
		assertEquals(List.of("b.txt"), tree(tmp));
	}

	@Test
	void stagingLeftByADeadProcessIsDeletedByTheNextPublication() throws IOException {
		set(tmp, "old").publish();
		Path stale = Files.createDirectories(tmp.resolve(StagingDirectories.PREFIX + "2147483646-0badc0de"));
		Files.writeString(stale.resolve("labels.tif"), "half");
		Files.writeString(tmp.resolve(".results.csv123456789.part"), "half, from an earlier version");
		set(tmp, "new").publish();
		assertSet(tmp, "new");
		assertEquals(sorted(NAMES), tree(tmp));
	}

	@Test
	void aPublicationKilledDuringTheRenamesIsCompletedOnRecovery() throws IOException {
		set(tmp, "old").publish();
		Path stale = Files.createDirectories(tmp.resolve(StagingDirectories.PREFIX + "2147483646-0badc0de"));
		for (String n : NAMES.subList(2, 4))
			Files.writeString(stale.resolve(n), "new:" + n);
		for (String n : NAMES.subList(0, 2)) // already renamed when the process died
			Files.writeString(tmp.resolve(n), "new:" + n);
		StagingDirectories.markPublishing(stale, NAMES);
		StagingDirectories.recover(tmp, NAMES);
		assertSet(tmp, "new");
		assertEquals(sorted(NAMES), tree(tmp));
	}

	@Test
	void stagingOfALiveProcessIsLeftAlone() throws IOException {
		Path mine = StagingDirectories.create(tmp);
		StagingDirectories.recover(tmp, NAMES);
		assertTrue(Files.isDirectory(mine));
	}

	@Test
	void aProcessKilledWhileWritingLeavesTheOldSetAndTheNextRunCleansUp() throws Exception {
		set(tmp, "old").publish();
		Path started = tmp.resolve("started");
		String java = ProcessHandle.current().info().command().orElse(Paths.get(System.getProperty("java.home"), "bin",
			"java").toString());
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(),
			tmp.toString(), started.toString()).inheritIO().start();
		try {
			for (int i = 0; i < 600 && !Files.exists(started); i++)
				Thread.sleep(50);
			assertTrue(Files.exists(started), "the child never started writing");
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		finally {
			child.destroyForcibly();
		}
		Files.delete(started);
		assertSet(tmp, "old");
		assertEquals(1, tree(tmp).stream().filter(p -> p.startsWith(StagingDirectories.PREFIX) && !p.contains("/"))
			.count(), "the killed run's staging folder: " + tree(tmp));
		set(tmp, "new").publish();
		assertSet(tmp, "new");
		assertEquals(sorted(NAMES), tree(tmp));
	}

	/** Publishes a set whose third file never finishes (for the kill test). */
	static final class SlowWriter {

		public static void main(String[] args) throws IOException {
			Path dir = Paths.get(args[0]), started = Paths.get(args[1]);
			OutputSet set = set(dir, "killed");
			set.add("zz-slow.bin", out -> {
				out.write(new byte[4096]);
				Files.writeString(started, "writing");
				try {
					Thread.sleep(60_000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
			set.publish();
		}
	}

	@Test
	void namesMustBePlainFileNames() {
		OutputSet set = new OutputSet(tmp);
		for (String bad : Arrays.asList("", "../x", "a/b", ".hidden", "a\\b"))
			assertThrows(IllegalArgumentException.class, () -> set.add(bad, out -> {}), bad);
		set.add("a.txt", out -> {});
		assertThrows(IllegalArgumentException.class, () -> set.add("a.txt", out -> {}));
		assertFalse(Files.exists(tmp.resolve("a.txt")));
	}
}
