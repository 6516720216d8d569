package io.github.samfiji.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: complete content or the previous file, never a half-written one or a leftover temporary. */
class AtomicFilesTest {

	@TempDir
	Path dir;

	private List<String> names() throws IOException {
		List<String> names = new ArrayList<>();
		try (Stream<Path> s = Files.list(dir)) {
			s.forEach(p -> names.add(p.getFileName().toString()));
		}
		names.sort(null);
		return names;
	}

	private static String read(Path p) throws IOException {
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}

	@Test
	void writesTheContentAndCreatesParentDirectories() throws IOException {
		Path target = dir.resolve("out").resolve("labels.csv");
		AtomicFiles.write(target, out -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));
		assertEquals("a,b\n", read(target));
	}

	@Test
	void replacesAnExistingFile() throws IOException {
		Path target = Files.write(dir.resolve("t.txt"), "old".getBytes(StandardCharsets.UTF_8));
		AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
		assertEquals("new", read(target));
		assertEquals(java.util.Collections.singletonList("t.txt"), names());
	}

	@Test
	void failingWriterLeavesTheOldFileAndNoTemporary() throws IOException {
		Path target = Files.write(dir.resolve("t.txt"), "old".getBytes(StandardCharsets.UTF_8));
		IOException failure = new IOException("disk full");
		IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
			out.write("half of the new cont".getBytes(StandardCharsets.UTF_8));
			throw failure;
		}));
		assertSame(failure, thrown);
		assertEquals("old", read(target));
		assertEquals(java.util.Collections.singletonList("t.txt"), names());
	}

	@Test
	void writerThrowingAnUncheckedExceptionCleansUpToo() throws IOException {
		Path target = Files.write(dir.resolve("t.txt"), "old".getBytes(StandardCharsets.UTF_8));
		assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
			out.write(1);
			throw new IllegalStateException("bug");
		}));
		assertEquals("old", read(target));
		assertEquals(java.util.Collections.singletonList("t.txt"), names());
	}

	@Test
	void failingFirstWriteCreatesNothing() throws IOException {
		Path target = dir.resolve("new.txt");
		assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
			throw new IOException("no");
		}));
		assertFalse(Files.exists(target));
		assertEquals(java.util.Collections.emptyList(), names());
	}

	@Test
	void resultIsReadableByAllWherePosixApplies() throws IOException {
		Path target = dir.resolve("r.txt");
		AtomicFiles.write(target, out -> out.write('x'));
		if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) assertEquals("rw-r--r--",
			PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
	}
}
