package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Roi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading ROI files is bounded: a zip bomb (a few kB that expand to gigabytes), a zip of a million entries, a damaged
 * zip or ROI are refused with one line, before memory runs out; the sizes written in the zip are never trusted.
 */
class RoiFilesTest {

	@TempDir
	Path dir;

	private static final RoiFiles.Limits SMALL = new RoiFiles.Limits(5, 1000, 2500);

	private String refused(Path file, RoiFiles.Limits limits) {
		return assertThrows(IOException.class, () -> RoiFiles.read(file, limits)).getMessage();
	}

	/** A zip of {@code entries} entries named e0.roi... of {@code bytes} zero bytes each. */
	private Path zeros(String name, int entries, long bytes) throws IOException {
		return zeros(name, entries, bytes, ".roi");
	}

	/** A zip of {@code entries} entries named e0{@code suffix}... of {@code bytes} zero bytes each. */
	private Path zeros(String name, int entries, long bytes, String suffix) throws IOException {
		Path file = dir.resolve(name);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			byte[] chunk = new byte[1 << 16];
			for (int e = 0; e < entries; e++) {
				zip.putNextEntry(new ZipEntry("e" + e + suffix));
				for (long left = bytes; left > 0; left -= chunk.length)
					zip.write(chunk, 0, (int) Math.min(chunk.length, left));
				zip.closeEntry();
			}
		}
		return file;
	}

	@Test
	void aZipBombIsRefusedWhileReading() throws IOException {
		// 200 MiB of zeros in a 200 kB file (a real bomb holds gigabytes): read whole, as before, it fills the heap
		Path bomb = zeros("bomb-RoiSet.zip", 1, 200L << 20);
		assertTrue(Files.size(bomb) < 2 << 20);
		long start = System.nanoTime();
		assertEquals(bomb + ": entry 'e0.roi' expands to more than 32 MB, which no ImageJ ROI needs: is it a RoiSet.zip " +
			"saved by ImageJ?", refused(bomb, RoiFiles.Limits.DEFAULT));
		assertTrue(System.nanoTime() - start < 10e9, "stops at the limit");
	}

	@Test
	void entryCountAndTotalSizeAreBounded() throws IOException {
		assertEquals(dir.resolve("many.zip") + " has more than 5 entries, more than a RoiSet.zip of this program may " +
			"hold: is it a RoiSet.zip saved by ImageJ?", refused(zeros("many.zip", 6, 0, ".txt"), SMALL));
		assertEquals(dir.resolve("big.zip") + " expands to more than 2 kB in total, more than a RoiSet.zip of this " +
			"program may hold: is it a RoiSet.zip saved by ImageJ?", refused(zeros("big.zip", 3, 900, ".txt"), SMALL));
		assertEquals(dir.resolve("entry.zip") + ": entry 'e0.roi' expands to more than 1000 bytes, which no ImageJ ROI " +
			"needs: is it a RoiSet.zip saved by ImageJ?", refused(zeros("entry.zip", 1, 1001), SMALL));
	}

	@Test
	void entriesThatAreNotRoisCountToo() throws IOException {
		Path file = dir.resolve("other.zip");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("movie.avi"));
			zip.write(new byte[3000]);
			zip.closeEntry();
		}
		assertEquals(file + ": entry 'movie.avi' expands to more than 1000 bytes, which no ImageJ ROI needs: is it a " +
			"RoiSet.zip saved by ImageJ?", refused(file, SMALL));
	}

	@Test
	void aDamagedZipIsNamed() throws IOException {
		Path good = RoiFilePromptsTest.writeRoiSet(dir.resolve("RoiSet.zip"), new String[] { "a.roi", "b.roi" },
			new Roi[] { new Roi(1, 2, 3, 4), new Roi(5, 6, 7, 8) });
		byte[] bytes = Files.readAllBytes(good);
		Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
		String message = refused(truncated, RoiFiles.Limits.DEFAULT);
		assertTrue(message.startsWith(truncated + " is damaged or not a zip file ("), message);
		byte[] noise = new byte[4096];
		new Random(3).nextBytes(noise);
		Path corrupt = Files.write(dir.resolve("corrupt.zip"), noise);
		assertEquals(corrupt + " holds no ROIs (.roi entries)", refused(corrupt, RoiFiles.Limits.DEFAULT));
	}

	@Test
	void aDamagedRoiIsNamed() throws IOException {
		Path file = dir.resolve("bad.roi");
		Files.write(file, "Iout and then garbage bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		String message = refused(file, RoiFiles.Limits.DEFAULT);
		assertTrue(message.startsWith("Not an ImageJ ROI: bad.roi"), message);
		byte[] header = new byte[64];
		header[0] = 'I';
		header[1] = 'o';
		header[2] = 'u';
		header[3] = 't';
		header[6] = 7; // polygon
		header[16] = 0x7f; // claims 32512 points, holds none
		Files.write(file, header);
		message = refused(file, RoiFiles.Limits.DEFAULT);
		assertTrue(message.startsWith("Not an ImageJ ROI: bad.roi"), message);
	}

	@Test
	void aGoodRoiSetIsReadAsBefore() throws IOException {
		Path good = RoiFilePromptsTest.writeRoiSet(dir.resolve("RoiSet.zip"), new String[] { "a.roi", "b.roi" },
			new Roi[] { new Roi(1, 2, 3, 4), new Roi(5, 6, 7, 8) });
		Roi[] rois = RoiFiles.read(good, SMALL);
		assertEquals(2, rois.length);
		assertEquals("b", rois[1].getName());
	}
}
