package io.github.samfiji.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Checks an output directory before a run computes anything, so that a run never fails at its end because of where
 * it writes: the directory exists or can be created, can be written, and none of the output names is taken by a
 * folder or a read-only file. The messages name the path and say what to do.
 */
public final class OutputLocation {

	private OutputLocation() {}

	/**
	 * @param directory the output directory (need not exist)
	 * @param names the file names the run will write there
	 * @param expectedBytes a lower bound of the bytes the outputs need (0 when unknown): refused when the disk has less
	 *          free
	 * @throws IOException when the run could not write its outputs there
	 */
	public static void check(Path directory, Collection<String> names, long expectedBytes) throws IOException {
		Path dir = directory.toAbsolutePath().normalize();
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IOException("The output folder " + dir +
			" is a file: give a folder (it is created when missing)");
		Path existing = nearestExisting(dir);
		if (!Files.isDirectory(existing)) throw new IOException("The output folder " + dir + " cannot be created: " +
			existing + " is a file");
		probe(existing, dir);
		for (String name : names) {
			Path file = dir.resolve(name);
			if (Files.isDirectory(file)) throw new IOException(file + " is a folder, so the output file " + name +
				" cannot be written: move that folder away or choose another output folder");
			if (Files.exists(file) && !Files.isWritable(file)) throw new IOException(file + " is read-only: make it " +
				"writable (or close the program that locks it) or choose another output folder");
		}
		long free = Files.getFileStore(existing).getUsableSpace();
		if (expectedBytes > free) throw new IOException("The disk holding " + dir + " has " + megabytes(free) +
			" free, the outputs need at least " + megabytes(expectedBytes) + ": free some space or choose another " +
			"output folder");
	}

	/** Refuses names that are not plain, visible file names (separators, "." and "..", hidden names). */
	static void checkName(String name) {
		if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".") || name
			.contains("\u0000")) throw new IllegalArgumentException("Not a plain output file name: '" + name + "'");
	}

	private static Path nearestExisting(Path dir) {
		Path p = dir;
		while (p != null && !Files.exists(p))
			p = p.getParent();
		return p == null ? dir.getRoot() : p;
	}

	/** Creates and deletes a hidden file in {@code existing}: the only sure test of "can write here". */
	private static void probe(Path existing, Path dir) throws IOException {
		Path probe;
		try {
			probe = Files.createTempFile(existing, ".sam-probe-", ".tmp");
		}
		catch (IOException e) {
			throw new IOException("Cannot write in " + existing + " (" + reason(e) + "), so the outputs cannot go to " +
				dir + ": choose another output folder or make it writable", e);
		}
		Files.delete(probe);
	}

	private static String megabytes(long bytes) {
		return bytes < 1 << 20 ? (bytes >> 10) + " KB" : (bytes >> 20) + " MB";
	}

	/** See {@link FileErrors#reason}. */
	static String reason(IOException e) {
		return FileErrors.reason(e);
	}
}
