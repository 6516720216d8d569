package io.github.samfiji.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHA-256 of model files, and refusal of files that do not match. */
class ChecksumsTest {

	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
	private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	@TempDir
	Path dir;

	private Path file(String name, String content) throws IOException {
		return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void sha256OfKnownContents() throws IOException {
		assertEquals(ABC, Checksums.sha256(file("abc.bin", "abc")));
		assertEquals(EMPTY, Checksums.sha256(file("empty.bin", "")));
	}

	@Test
	void matchingChecksumPassesInAnyCase() throws IOException {
		Path f = file("abc.bin", "abc");
		Checksums.verify(f, ABC);
		Checksums.verify(f, ABC.toUpperCase());
	}

	@Test
	void nullChecksumSkipsTheCheck() throws IOException {
		Checksums.verify(dir.resolve("does-not-exist"), null);
	}

	@Test
	void mismatchNamesFileAndBothChecksums() throws IOException {
		Path f = file("abc.bin", "abc");
		IOException e = assertThrows(IOException.class, () -> Checksums.verify(f, EMPTY));
		assertEquals("Checksum mismatch for " + f + ": expected SHA-256 " + EMPTY + " but the file has " + ABC +
			". The file is corrupt or is not the model its descriptor names; reinstall the model.", e.getMessage());
	}

	@Test
	void missingFileIsNamed() {
		Path missing = dir.resolve("gone.onnx");
		IOException e = assertThrows(IOException.class, () -> Checksums.verify(missing, ABC));
		assertEquals("Model file not found: " + missing, e.getMessage());
	}

	@Test
	void fileChangedAfterAPassingCheckIsCheckedAgain() throws IOException {
		Path f = file("model.onnx", "abc");
		Checksums.verify(f, ABC);
		Files.write(f, "abd".getBytes(StandardCharsets.UTF_8));
		Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
		IOException e = assertThrows(IOException.class, () -> Checksums.verify(f, ABC));
		assertTrue(e.getMessage().startsWith("Checksum mismatch for " + f), e.getMessage());
	}

	@Test
	void wrongChecksumIsRefusedEvenAfterTheFilePassed() throws IOException {
		Path f = file("cached.onnx", "abc");
		Checksums.verify(f, ABC);
		assertThrows(IOException.class, () -> Checksums.verify(f, EMPTY));
	}
}
