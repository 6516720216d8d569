package io.github.samfiji.engine.model;

import java.util.Objects;

/**
 * One file of a model as its descriptor names it: the file name (relative to the descriptor's directory), its
 * SHA-256, where it can be downloaded and its size in bytes where the publisher states it. Checksum, URL and size
 * are optional; a file without a checksum is never downloaded (see {@code ModelDownload}).
 */
public final class ModelFile {

	private final String fileName;
	private final String sha256;
	private final String url;
	private final long size;

	/**
	 * A file of unknown size.
	 *
	 * @param sha256 hex SHA-256 (any case), or {@code null}
	 * @param url absolute http(s) URL, or {@code null}
	 */
	public ModelFile(String fileName, String sha256, String url) {
		this(fileName, sha256, url, -1);
	}

	/** @param size the published size in bytes, or -1 when unknown */
	public ModelFile(String fileName, String sha256, String url, long size) {
		if (size < -1) throw new IllegalArgumentException("File size must be -1 (unknown) or at least 0: " + size);
		this.fileName = Objects.requireNonNull(fileName, "file");
		this.sha256 = sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT);
		this.url = url;
		this.size = size;
	}

	public String fileName() { return fileName; }

	/** Lower-case hex SHA-256 of the file, or {@code null} when the descriptor gives none. */
	public String sha256() { return sha256; }

	/** Where to download the file, or {@code null} when it has to be made (exported) or imported by the user. */
	public String url() { return url; }

	/** The size in bytes the publisher states, or -1 when unknown (the server's Content-Length is used instead). */
	public long size() { return size; }

	@Override
	public String toString() { return fileName; }
}
