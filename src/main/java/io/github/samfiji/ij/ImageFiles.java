package io.github.samfiji.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.TiffDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Opens an image file for a run (command line, batch) with ImageJ, after reading its header: a missing, empty or
 * truncated file, or one whose pixels need more memory than Java has (a crafted 60000 x 60000 header), is refused with
 * one line that names it, instead of ImageJ's reader failing with an exception trace or an out-of-memory error.
 */
public final class ImageFiles {

	private ImageFiles() {}

	/**
	 * @throws IOException naming the file and what is wrong: missing, a folder, empty, truncated, too large for the
	 *           free heap, or not an image ImageJ reads
	 */
	public static ImagePlus open(Path file) throws IOException {
		Runtime rt = Runtime.getRuntime();
		return open(file, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
	}

	/** The same, with {@code freeBytes} of heap to fit in. */
	static ImagePlus open(Path file, long freeBytes) throws IOException {
		if (Files.isDirectory(file)) throw new IOException(file + " is a folder, not an image");
		if (!Files.isRegularFile(file)) throw new IOException("Image not found: " + file);
		long size = Files.size(file);
		if (size == 0) throw new IOException(file + " is empty (0 bytes)");
		Header h = header(file, size);
		if (h != null && h.bytes > freeBytes) throw new IOException(file + " is a " + h.width + "x" + h.height +
			" image of " + h.planes + " plane(s): opening it needs about " + (h.bytes >> 20) + " MB, but Java has " +
			(freeBytes >> 20) + " MB free. Give Java more memory (Edit > Options > Memory & Threads in ImageJ, -Xmx for " +
			"java) or open a part of it");
		ImagePlus image = IJ.openImage(file.toString());
		if (image == null) throw new IOException("ImageJ cannot read " + file + ": is it an image (TIFF, PNG, JPEG or " +
			"another format ImageJ opens)?");
		return image;
	}

	/** What the header says: size and the bytes opening needs. */
	private static final class Header {

		final long width, height, planes, bytes;

		Header(long width, long height, long planes, long bytes) {
			this.width = width;
			this.height = height;
			this.planes = planes;
			this.bytes = bytes;
		}
	}

	/** The header of a TIFF, PNG or another ImageIO format; {@code null} when none can be read (ImageJ decides). */
	private static Header header(Path file, long size) throws IOException {
		byte[] magic = new byte[8];
		try (InputStream in = Files.newInputStream(file)) {
			in.readNBytes(magic, 0, 8);
		}
		if (magic[0] == 'I' && magic[1] == 'I' || magic[0] == 'M' && magic[1] == 'M') return tiff(file, size);
		if ((magic[0] & 0xff) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G') return png(file, size);
		return imageIo(file);
	}

	private static Header tiff(Path file, long size) throws IOException {
		FileInfo[] infos;
		try {
			Path absolute = file.toAbsolutePath();
			infos = new TiffDecoder(absolute.getParent().toString() + java.io.File.separator, absolute.getFileName()
				.toString()).getTiffInfo();
		}
		catch (IOException | RuntimeException e) {
			return null; // not a TIFF after all, or one ImageJ's own reader reports on
		}
		if (infos == null || infos.length == 0) return null;
		long bytes = 0, planes = 0;
		for (FileInfo fi : infos) {
			long n = Math.max(1, fi.nImages), plane = (long) fi.width * fi.height * Math.max(1, fi.getBytesPerPixel());
			if (fi.compression <= FileInfo.COMPRESSION_NONE && n == 1 && fi.getOffset() + plane > size)
				throw new IOException(file + " is truncated (the header says " + fi.width + "x" + fi.height +
					" pixels at byte " + fi.getOffset() + ", the file ends at byte " + size + "): copy or save the file again");
			bytes += n * plane;
			planes += n;
		}
		return new Header(infos[0].width, infos[0].height, planes, bytes);
	}

	/** PNG: size and bit depth from the IHDR chunk; the file must end with the IEND chunk. */
	private static Header png(Path file, long size) throws IOException {
		ByteBuffer head = ByteBuffer.allocate(26), tail = ByteBuffer.allocate(12);
		try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
			if (size < 26 + 12) throw truncated(file);
			f.readFully(head.array());
			f.seek(size - 12);
			f.readFully(tail.array());
		}
		if (tail.get(4) != 'I' || tail.get(5) != 'E' || tail.get(6) != 'N' || tail.get(7) != 'D') throw truncated(file);
		long w = head.getInt(16) & 0xffffffffL, h = head.getInt(20) & 0xffffffffL;
		int depth = head.get(24), colour = head.get(25);
		int samples = colour == 2 ? 3 : colour == 6 ? 4 : colour == 4 ? 2 : 1;
		long pixel = Math.max(depth == 16 ? 2L * samples : 1L, colour == 2 || colour == 6 ? 4 : 1);
		return new Header(w, h, 1, 2 * w * h * pixel); // the decoded image and ImageJ's copy
	}

	private static IOException truncated(Path file) {
		return new IOException(file + " is truncated (the PNG end marker is missing): copy or save the file again");
	}

	/** Other formats: the size ImageIO's reader gives without decoding; {@code null} when none reads it. */
	private static Header imageIo(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) return null;
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				long w = reader.getWidth(0), h = reader.getHeight(0);
				return new Header(w, h, 1, 2 * 4 * w * h);
			}
			catch (IOException | RuntimeException e) {
				return null; // ImageJ's own reader reports on it
			}
			finally {
				reader.dispose();
			}
		}
	}
}
