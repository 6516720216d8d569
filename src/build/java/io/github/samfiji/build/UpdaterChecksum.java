package io.github.samfiji.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The checksum the ImageJ updater records for a file and verifies after each download (SHA-1, hex). For a
 * {@code .jar}: over its entries sorted by name, each name (ASCII) then its content, where comment lines of
 * {@code .properties} entries ({@code #} at the start of a line) count as a bare line end and the manifest counts as
 * empty (the updater keeps only a {@code Main-Class} line, and compares in a way that never matches), so that
 * rebuilding the same classes gives the same checksum. For any other file: the path in the ImageJ folder (ASCII),
 * then the content.
 */
final class UpdaterChecksum {

	private UpdaterChecksum() {}

	/** @param path the file's path in the ImageJ folder, e.g. {@code jars/onnxruntime-1.29.0.jar} */
	static String of(String path, Path file) throws IOException {
		MessageDigest sha1 = sha1();
		if (path.endsWith(".jar")) jarDigest(file, sha1);
		else {
			sha1.update(path.getBytes(StandardCharsets.US_ASCII));
			sha1.update(Files.readAllBytes(file));
		}
		return hex(sha1.digest());
	}

	private static void jarDigest(Path file, MessageDigest sha1) throws IOException {
		try (JarFile jar = new JarFile(file.toFile())) {
			List<JarEntry> entries = new ArrayList<>(Collections.list(jar.entries()));
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (JarEntry e : entries) {
				sha1.update(e.getName().getBytes(StandardCharsets.US_ASCII));
				if (e.getName().equals("META-INF/MANIFEST.MF")) continue;
				try (InputStream in = jar.getInputStream(e)) {
					byte[] content = in.readAllBytes();
					sha1.update(e.getName().endsWith(".properties") ? withoutComments(content) : content);
				}
			}
		}
	}

	/**
	 * The bytes the updater digests for a {@code .properties} entry: read as its line-comment filter reads them (a
	 * {@code #} at a line start skips to the line end, which is kept; the filter's quirks, e.g. after a comment line of
	 * a single {@code #}, included, since the checksum must be the updater's exactly).
	 */
	static byte[] withoutComments(byte[] text) {
		CommentFilter filter = new CommentFilter(text);
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length);
		for (int c; (c = filter.read()) >= 0;)
			out.write(c);
		return out.toByteArray();
	}

	/** The updater's comment filter as a state machine over a byte array. */
	private static final class CommentFilter {

		private final byte[] text;
		private int position;
		private boolean atLineStart = true;

		CommentFilter(byte[] text) {
			this.text = text;
		}

		int read() {
			int ch = position < text.length ? text[position++] & 0xff : -1;
			if (atLineStart) {
				if (ch == '#') while ((ch = read()) != '\n' && ch != -1) {
					// skip the comment
				}
				else atLineStart = false;
			}
			else if (ch == '\n') atLineStart = true;
			return ch;
		}
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
		}
	}

	private static String hex(byte[] bytes) {
		StringBuilder s = new StringBuilder(bytes.length * 2);
		for (byte b : bytes)
			s.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
		return s.toString();
	}
}
