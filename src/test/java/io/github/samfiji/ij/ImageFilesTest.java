package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening an image for a run: a truncated file or one whose header asks for more memory than Java has is refused with
 * one line, before ImageJ's reader fails with an exception trace (a NegativeArraySizeException for a 60000 x 60000
 * TIFF header) or prints its exception.
 */
class ImageFilesTest {

	@TempDir
	Path dir;

	private String refused(Path file, long freeBytes) {
		return assertThrows(IOException.class, () -> ImageFiles.open(file, freeBytes)).getMessage();
	}

	private Path png() throws IOException {
		Path png = dir.resolve("cells.png");
		new FileSaver(IjTestFixtures.grey8("cells", 64, 48, 1)).saveAsPng(png.toString());
		return png;
	}

	/** A valid little-endian TIFF header for an 8-bit w x h image holding one byte of pixels. */
	static byte[] tiffHeader(int w, int h) {
		ByteBuffer b = ByteBuffer.allocate(8 + 2 + 8 * 12 + 4 + 1).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) 8);
		int[][] entries = { { 256, 4, w }, { 257, 4, h }, { 258, 3, 8 }, { 259, 3, 1 }, { 262, 3, 1 }, { 273, 4, 8 + 2 + 8 *
			12 + 4 }, { 278, 4, h }, { 279, 4, w * h } };
		for (int[] e : entries) {
			b.putShort((short) e[0]).putShort((short) e[1]).putInt(1);
			if (e[1] == 3) b.putShort((short) e[2]).putShort((short) 0);
			else b.putInt(e[2]);
		}
		return b.putInt(0).put((byte) 0).array();
	}

	@Test
	void goodImagesOpen() throws IOException {
		ImagePlus png = ImageFiles.open(png(), Long.MAX_VALUE);
		assertEquals(64, png.getWidth());
		Path tif = dir.resolve("cells.tif");
		new FileSaver(IjTestFixtures.grey8("cells", 64, 48, 3)).saveAsTiffStack(tif.toString());
		assertEquals(3, ImageFiles.open(tif, Long.MAX_VALUE).getStackSize());
	}

	@Test
	void aHeaderAskingForTooMuchMemoryIsRefused() throws IOException {
		// the crafted header of the sweep: 60000 x 60000 pixels in a 111-byte file
		Path bomb = Files.write(dir.resolve("bomb.tif"), tiffHeader(60000, 60000));
		assertEquals(bomb + " is truncated (the header says 60000x60000 pixels at byte 110, the file ends at byte 111): " +
			"copy or save the file again", refused(bomb, Long.MAX_VALUE));
		Path relative = Path.of("").toAbsolutePath().relativize(bomb);
		assertTrue(refused(relative, Long.MAX_VALUE).startsWith(relative + " is truncated"), "a relative path too");
		Path tif = dir.resolve("big.tif");
		new FileSaver(IjTestFixtures.grey8("big", 2048, 1024, 1)).saveAsTiff(tif.toString());
		assertEquals(tif + " is a 2048x1024 image of 1 plane(s): opening it needs about 2 MB, but Java has 1 MB free. " +
			"Give Java more memory (Edit > Options > Memory & Threads in ImageJ, -Xmx for java) or open a part of it",
			refused(tif, 1L << 20));
		String message = refused(png(), 1000);
		assertTrue(message.endsWith("is a 64x48 image of 1 plane(s): opening it needs about 0 MB, but Java has 0 MB " +
			"free. Give Java more memory (Edit > Options > Memory & Threads in ImageJ, -Xmx for java) or open a part of " +
			"it"), message);
	}

	@Test
	void truncatedFilesAreRefused() throws IOException {
		byte[] png = Files.readAllBytes(png());
		Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length * 2 / 3));
		assertEquals(cut + " is truncated (the PNG end marker is missing): copy or save the file again", refused(cut,
			Long.MAX_VALUE));
		Path tif = dir.resolve("stack.tif");
		new FileSaver(IjTestFixtures.grey8("cells", 64, 48, 1)).saveAsTiff(tif.toString());
		byte[] bytes = Files.readAllBytes(tif);
		Path cutTif = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(bytes, bytes.length / 2));
		String message = refused(cutTif, Long.MAX_VALUE);
		assertTrue(message.startsWith(cutTif + " is truncated (the header says 64x48 pixels at byte "), message);
	}

	@Test
	void missingEmptyAndUnreadableFilesAreNamed() throws IOException {
		assertEquals("Image not found: " + dir.resolve("absent.png"), refused(dir.resolve("absent.png"), Long.MAX_VALUE));
		assertEquals(dir + " is a folder, not an image", refused(dir, Long.MAX_VALUE));
		Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
		assertEquals(empty + " is empty (0 bytes)", refused(empty, Long.MAX_VALUE));
		Path text = Files.write(dir.resolve("notes.tif"), "not an image".getBytes());
		assertEquals("ImageJ cannot read " + text + ": is it an image (TIFF, PNG, JPEG or another format ImageJ " +
			"opens)?", refused(text, Long.MAX_VALUE));
	}
}
