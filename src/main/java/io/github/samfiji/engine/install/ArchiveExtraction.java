package io.github.samfiji.engine.install;

import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Takes the files a model needs out of a published zip whose SHA-256 was checked. Only the wanted entries are read,
 * each matched by its name after the last '/' (publishers put files in a folder or not) and written to the target
 * path the caller gives: an entry's own path is never used to build a file name, so a name such as
 * {@code ../../x} cannot write outside the model. Each entry is limited in size while it is inflated (a zip bomb
 * stops at the limit, whatever its header claims).
 */
final class ArchiveExtraction {

	/** Largest entry taken out: above any ONNX file of the catalogue (protobuf files stop at 2 GB). */
	static final long MAX_ENTRY_BYTES = 4L << 30;

	private ArchiveExtraction() {}

	/**
	 * @param name the archive's published file name, for messages
	 * @param wanted file name -> where to write it
	 * @throws IOException when the zip cannot be read, a wanted name is missing or found twice, or an entry exceeds
	 *           {@code maxEntryBytes}; the message names the archive and the entry
	 */
	static void extract(Path zip, String name, Map<String, Path> wanted, long maxEntryBytes, TaskMonitor monitor)
		throws IOException
	{
		try (ZipFile file = new ZipFile(zip.toFile())) {
			Map<String, ZipEntry> found = find(file, wanted.keySet(), name);
			int i = 0;
			for (Map.Entry<String, ZipEntry> e : found.entrySet()) {
				monitor.checkCancelled();
				monitor.progress("Extracting " + e.getKey(), i++, found.size());
				copy(file, e.getValue(), wanted.get(e.getKey()), maxEntryBytes, name);
			}
		}
		catch (ZipException e) {
			throw new IOException(name + " is not a readable zip archive (" + e.getMessage() + ")", e);
		}
	}

	/** The entry of each wanted name. */
	private static Map<String, ZipEntry> find(ZipFile file, Iterable<String> names, String zip) throws IOException {
		Map<String, ZipEntry> found = new LinkedHashMap<>();
		List<String> all = new ArrayList<>();
		for (Enumeration<? extends ZipEntry> en = file.entries(); en.hasMoreElements();) {
			ZipEntry entry = en.nextElement();
			if (entry.isDirectory()) continue;
			all.add(entry.getName());
			String base = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
			for (String name : names) {
				if (!name.equals(base)) continue;
				if (found.containsKey(name)) throw new IOException(zip + " holds two entries named " + name +
					" (" + found.get(name).getName() + ", " + entry.getName() + "): cannot tell which one the model uses");
				found.put(name, entry);
			}
		}
		for (String name : names)
			if (!found.containsKey(name)) throw new IOException(zip + " has no entry named " + name +
				"; it holds " + all + ". The catalogue entry does not match the published archive.");
		return found;
	}

	private static void copy(ZipFile file, ZipEntry entry, Path target, long max, String zip) throws IOException {
		if (entry.getSize() > max) throw tooLarge(entry, max, zip);
		byte[] buffer = new byte[1 << 16];
		long total = 0;
		try (InputStream in = file.getInputStream(entry);
			OutputStream out = Files.newOutputStream(target))
		{
			for (int n; (n = in.read(buffer)) > 0;) {
				total += n;
				if (total > max) throw tooLarge(entry, max, zip);
				out.write(buffer, 0, n);
			}
		}
	}

	private static IOException tooLarge(ZipEntry entry, long max, String zip) {
		return new IOException("Entry " + entry.getName() + " of " + zip + " is larger than " + max +
			" bytes; refusing to extract it (the archive is not what the catalogue describes).");
	}
}
