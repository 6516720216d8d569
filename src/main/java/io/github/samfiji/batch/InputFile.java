package io.github.samfiji.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One input of a batch row (an image, a prompt or object file) as a local file, with the SHA-256 of its bytes: a
 * local path is used where it is; a URI is copied through Hadoop's file systems ({@link HadoopFiles}) into a local
 * folder under its own file name, so that ImageJ opens and names it as it would the original.
 */
final class InputFile {

	private final Path local;
	private final String sha256;

	private InputFile(Path local, String sha256) {
		this.local = local;
		this.sha256 = sha256;
	}

	/**
	 * @param location an absolute path or a URI ({@link Manifest#location})
	 * @param copies the local folder for copies of URIs (created when needed)
	 * @throws IOException when the file is missing or cannot be read; the message names it
	 */
	static InputFile of(String location, Path copies) throws IOException {
		if (!Manifest.isUri(location)) {
			Path file = Paths.get(location);
			if (!Files.isRegularFile(file)) throw new IOException(location + " does not exist" + (Files.isDirectory(file)
				? " (it is a folder)" : ""));
			try (InputStream in = Files.newInputStream(file)) {
				return new InputFile(file, sha256(in));
			}
		}
		try {
			Path dir = Files.createTempDirectory(Files.createDirectories(copies), "input");
			Path copy = dir.resolve(Manifest.defaultName(location) + extension(location));
			return new InputFile(copy, HadoopFiles.copy(location, copy));
		}
		catch (LinkageError e) {
			throw new IOException("Reading " + location +
				" needs Hadoop's file systems: run the batch on Spark (--master, or spark-submit), whose class path has them");
		}
	}

	/** The local file: the original, or a copy under the original's file name. */
	Path local() { return local; }

	/** The SHA-256 of the bytes, in hexadecimal. */
	String sha256() { return sha256; }

	/** Reads the stream to its end; returns the SHA-256 of what it read, in hexadecimal. */
	static String sha256(InputStream in) throws IOException {
		MessageDigest digest = digest();
		byte[] buffer = new byte[1 << 16];
		try (DigestInputStream d = new DigestInputStream(in, digest)) {
			while (d.read(buffer) >= 0) {
				// the digest sees every byte read
			}
		}
		return hex(digest.digest());
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java has SHA-256", e);
		}
	}

	static String hex(byte[] bytes) {
		StringBuilder s = new StringBuilder(bytes.length * 2);
		for (byte b : bytes)
			s.append(String.format("%02x", b & 0xff));
		return s.toString();
	}

	private static String extension(String location) {
		String file = location.substring(location.lastIndexOf('/') + 1);
		int dot = file.lastIndexOf('.');
		return dot > 0 ? file.substring(dot) : "";
	}
}
