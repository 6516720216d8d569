package io.github.samfiji.engine.model;

import java.util.Objects;

/**
 * One file of a model as its descriptor names it: the file name (relative to the descriptor's directory), its
 * SHA-256 and where it can be downloaded. Checksum and URL are optional; a file without a checksum is never
 * downloaded (see {@code ModelInstaller}).
 */
public final class ModelFile {

	private final String fileName;
	private final String sha256;
	private final String url;

	/**
	 * @param sha256 hex SHA-256 (any case), or {@code null}
	 * @param url absolute http(s) URL, or {@code null}
	 */
	public ModelFile(String fileName, String sha256, String url) {
		this.fileName = Objects.requireNonNull(fileName, "file");
		this.sha256 = sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT);
		this.url = url;
	}

	public String fileName() { return fileName; }

	/** Lower-case hex SHA-256 of the file, or {@code null} when the descriptor gives none. */
	public String sha256() { return sha256; }

	/** Where to download the file, or {@code null} when it has to be made (exported) or imported by the user. */
	public String url() { return url; }

	@Override
	public String toString() { return fileName; }
}
