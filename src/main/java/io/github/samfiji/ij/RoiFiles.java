package io.github.samfiji.ij;

import ij.gui.Roi;
import ij.io.RoiDecoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads ImageJ ROI files ({@code RoiSet.zip} or a single {@code .roi}) within {@link Limits}: entries counted and
 * their bytes counted while they are decompressed (the sizes a zip declares are never trusted), so that a zip bomb
 * or a zip of a million entries is refused with one line before memory runs out. Entry names are never used as file
 * names.
 */
final class RoiFiles {

	/** Bounds on what a ROI file may hold. */
	static final class Limits {

		/** 100,000 entries, 32 MB per entry, 256 MB in all: far above any RoiSet.zip the ROI Manager writes. */
		static final Limits DEFAULT = new Limits(100_000, 32L << 20, 256L << 20);

		final int entries;
		final long entryBytes;
		final long totalBytes;

		Limits(int entries, long entryBytes, long totalBytes) {
			this.entries = entries;
			this.entryBytes = entryBytes;
			this.totalBytes = totalBytes;
		}
	}

	private RoiFiles() {}

	/**
	 * The ROIs of {@code file}, in file order.
	 *
	 * @throws IOException naming the file (and entry) when it is missing, damaged, beyond the limits, holds no ROIs
	 *           or a ROI cannot be decoded
	 */
	static Roi[] read(Path file, Limits limits) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException("ROI file not found: " + file);
		List<Roi> rois = new ArrayList<>();
		String name = file.getFileName().toString();
		if (name.toLowerCase(Locale.ROOT).endsWith(".roi")) {
			if (Files.size(file) > limits.entryBytes) throw tooLarge(file + " has more than " + size(limits.entryBytes));
			rois.add(decode(Files.readAllBytes(file), name));
		}
		else try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			readZip(zip, file, limits, rois);
		}
		if (rois.isEmpty()) throw new IOException(file + " holds no ROIs (.roi entries)");
		return rois.toArray(new Roi[0]);
	}

	private static void readZip(ZipInputStream zip, Path file, Limits limits, List<Roi> rois) throws IOException {
		long total = 0;
		int count = 0;
		try {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				if (++count > limits.entries) throw tooLarge(file + " has more than " + limits.entries +
					" entries, more than a RoiSet.zip of this program may hold");
				byte[] bytes = readEntry(zip, file, e.getName(), limits.entryBytes);
				total += bytes.length;
				if (total > limits.totalBytes) throw tooLarge(file + " expands to more than " + size(limits.totalBytes) +
					" in total, more than a RoiSet.zip of this program may hold");
				if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) rois.add(decode(bytes, e
					.getName()));
			}
		}
		catch (java.util.zip.ZipException | java.io.EOFException e) {
			throw new IOException(file + " is damaged or not a zip file (" + e.getMessage() + ")", e);
		}
	}

	/** The entry's bytes, counted as they are decompressed. */
	private static byte[] readEntry(InputStream in, Path file, String entry, long max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int n; (n = in.read(buffer)) > 0;) {
			if (out.size() + (long) n > max) throw tooLarge(file + ": entry '" + entry + "' expands to more than " + size(
				max) + ", which no ImageJ ROI needs");
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private static IOException tooLarge(String what) {
		return new IOException(what + ": is it a RoiSet.zip saved by ImageJ?");
	}

	private static String size(long bytes) {
		return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes >= 2048 ? (bytes >> 10) + " kB" : bytes + " bytes";
	}

	/** @throws IOException when the bytes are not an ImageJ ROI (also when the decoder fails on damaged data) */
	private static Roi decode(byte[] bytes, String entry) throws IOException {
		Roi roi;
		try {
			roi = RoiDecoder.openFromByteArray(bytes);
		}
		catch (RuntimeException e) {
			throw new IOException("Not an ImageJ ROI: " + entry + " is damaged (" + e + ")", e);
		}
		if (roi == null) throw new IOException("Not an ImageJ ROI: " + entry);
		if (roi.getName() == null) roi.setName(entry.replaceAll("\\.roi$", ""));
		return roi;
	}
}
