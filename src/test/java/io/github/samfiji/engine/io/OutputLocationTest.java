package io.github.samfiji.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputLocation#check}: an unusable output folder is refused before any work, with a message. */
class OutputLocationTest {

	static final List<String> NAMES = OutputSetTest.NAMES;

	@TempDir
	Path tmp;

	private String refused(Path dir, long bytes) {
		return assertThrows(IOException.class, () -> OutputLocation.check(dir, NAMES, bytes)).getMessage();
	}

	@Test
	void anExistingOrCreatableFolderPassesAndIsNotCreated() throws IOException {
		OutputLocation.check(tmp, NAMES, 1000);
		OutputLocation.check(tmp.resolve("a").resolve("b"), NAMES, 0);
		assertFalse(Files.exists(tmp.resolve("a")));
		assertEquals(List.of(), OutputSetTest.tree(tmp), "the probe file is gone");
	}

	@Test
	void aFileIsNotAFolder() throws IOException {
		Path file = Files.writeString(tmp.resolve("out"), "x");
		assertEquals("The output folder " + file + " is a file: give a folder (it is created when missing)", refused(
			file, 0));
		assertEquals("The output folder " + file.resolve("sub") + " cannot be created: " + file + " is a file", refused(
			file.resolve("sub"), 0));
	}

	@Test
	void aFolderInPlaceOfAnOutputFileIsRefused() throws IOException {
		Files.createDirectories(tmp.resolve("RoiSet.zip"));
		assertEquals(tmp.resolve("RoiSet.zip") + " is a folder, so the output file RoiSet.zip cannot be written: move " +
			"that folder away or choose another output folder", refused(tmp, 0));
	}

	@Test
	void aReadOnlyOutputFileIsRefused() throws IOException {
		Path csv = Files.writeString(tmp.resolve("results.csv"), "old");
		Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("r--r--r--"));
		assumeFalse(Files.isWritable(csv), "root writes read-only files");
		assertEquals(csv + " is read-only: make it writable (or close the program that locks it) or choose another " +
			"output folder", refused(tmp, 0));
	}

	@Test
	void aFolderThatCannotBeWrittenIsRefused() throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("locked"));
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			assumeFalse(Files.isWritable(dir), "root writes read-only folders");
			String message = refused(dir.resolve("out"), 0);
			assertEquals("Cannot write in " + dir + " (", message.substring(0, message.indexOf('(') + 1));
		}
		finally {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void tooLittleFreeSpaceIsRefused() {
		String message = refused(tmp, Long.MAX_VALUE / 2);
		assertEquals("The disk holding " + tmp + " has ", message.substring(0, ("The disk holding " + tmp + " has ")
			.length()));
	}
}
