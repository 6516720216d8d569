package io.github.samfiji.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 checks of model files. A file that passed once is not hashed again while its size and modification time
 * stay the same (per JVM), so opening a model twice costs one hash.
 */
public final class Checksums {

	private static final Map<String, String> VERIFIED = new ConcurrentHashMap<>();

	private Checksums() {}

	/** Lower-case hex SHA-256 of a file. */
	public static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", e);
		}
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buffer)) > 0;)
				digest.update(buffer, 0, n);
		}
		StringBuilder hex = new StringBuilder();
		for (byte b : digest.digest()) hex.append(String.format("%02x", b));
		return hex.toString();
	}

	/**
	 * Refuses a file whose SHA-256 differs from {@code expected}; does nothing when {@code expected} is null.
	 *
	 * @throws IOException naming the file, both checksums and what to do
	 */
	public static void verify(Path file, String expected) throws IOException {
		if (expected == null) return;
		if (!Files.isRegularFile(file)) throw new IOException("Model file not found: " + file);
		String key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file);
		if (expected.equalsIgnoreCase(VERIFIED.get(key))) return;
		String actual = sha256(file);
		if (!actual.equalsIgnoreCase(expected)) throw new IOException("Checksum mismatch for " + file +
			": expected SHA-256 " + expected + " but the file has " + actual +
			". The file is corrupt or is not the model its descriptor names; reinstall the model.");
		VERIFIED.put(key, actual);
	}
}
