package io.github.samfiji.engine.cache;

import io.github.samfiji.engine.io.AtomicFiles;
import io.github.samfiji.engine.io.FileErrors;
import io.github.samfiji.engine.onnx.ImageEmbedding;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Embeddings as files in one directory, so that a later session (or another process) re-running on the same planes
 * never encodes them again. One file per {@link EmbeddingKey}, named after the SHA-256 of the whole key
 * ({@value #SUFFIX} files, format in {@link EmbeddingFiles}); written atomically, so a reader never sees a
 * half-written file.
 * <p>
 * A file that is truncated, corrupt (checksum), of another format version or written for another key is ignored
 * with a warning, and replaced when that key is saved again; so is one that fails the reader's
 * {@link EmbeddingCheck} (a crafted file with a valid checksum: another model, geometry or tensor shape, or NaN
 * values). Write failures (disk full, no permission) are reported
 * as warnings and never fail the segmentation: the embedding is still returned, only not stored.
 * <p>
 * <b>Size</b>: the directory is kept under {@code maxBytes}; after each save, least recently used files (by
 * modification time, which {@link #load} refreshes) are deleted until the total fits. An embedding of a SAM ViT
 * encoder is 4 MiB, so the default of {@value #DEFAULT_MAX_GIB} GiB holds about 500 planes. Thread-safe; several
 * processes may share a directory (the worst case is a file deleted by one process while another still wants it,
 * which then encodes again).
 */
public final class DiskEmbeddingStore implements EmbeddingStore {

	/** File name suffix of stored embeddings. */
	public static final String SUFFIX = ".samemb";
	/** Default size bound in GiB. */
	public static final int DEFAULT_MAX_GIB = 2;

	private final Path directory;
	private final long maxBytes;
	private final Consumer<String> warnings;
	private long knownBytes = -1;

	/**
	 * @param directory created when missing
	 * @throws IllegalArgumentException when {@code directory} is a file
	 * @param maxBytes bound on the total size of the stored files (at least one embedding is always kept)
	 * @param warnings receives one line per ignored file or failed write (e.g. the ImageJ log)
	 */
	public DiskEmbeddingStore(Path directory, long maxBytes, Consumer<String> warnings) {
		if (maxBytes <= 0) throw new IllegalArgumentException("The disk cache bound must be positive, got " + maxBytes);
		if (Files.exists(directory) && !Files.isDirectory(directory)) throw new IllegalArgumentException(
			"The embedding cache folder " + directory.toAbsolutePath() + " is a file: give a folder (it is created " +
				"when missing)");
		this.directory = directory.toAbsolutePath();
		this.maxBytes = maxBytes;
		this.warnings = warnings;
	}

	/** A store bounded by {@value #DEFAULT_MAX_GIB} GiB. */
	public DiskEmbeddingStore(Path directory, Consumer<String> warnings) {
		this(directory, (long) DEFAULT_MAX_GIB << 30, warnings);
	}

	public Path directory() { return directory; }

	public long maxBytes() { return maxBytes; }

	/** The file that holds (or would hold) the embedding of {@code key}. */
	public Path fileFor(EmbeddingKey key) {
		return directory.resolve(EmbeddingFiles.fileName(key) + SUFFIX);
	}

	@Override
	public Optional<ImageEmbedding> load(EmbeddingKey key) {
		Path file = fileFor(key);
		if (!Files.isDirectory(directory)) return Optional.empty();
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			return Optional.empty();
		}
		catch (IOException e) {
			warnings.accept("Embedding cache: cannot read " + file + " (" + e.getMessage() + "); encoding again");
			return Optional.empty();
		}
		try {
			ImageEmbedding embedding = EmbeddingFiles.decode(bytes, key);
			touch(file);
			return Optional.of(embedding);
		}
		catch (EmbeddingFiles.UnreadableException e) {
			warnings.accept("Embedding cache: ignoring " + file + ": " + e.getMessage());
			return Optional.empty();
		}
	}

	@Override
	public Optional<ImageEmbedding> load(EmbeddingKey key, EmbeddingCheck check) {
		Optional<ImageEmbedding> loaded = load(key);
		String problem = loaded.map(check::problem).orElse(null);
		if (problem == null) return loaded;
		warnings.accept("Embedding cache: ignoring " + fileFor(key) + ": " + problem + "; encoding again (the file is " +
			"replaced)");
		return Optional.empty();
	}

	@Override
	public void save(EmbeddingKey key, ImageEmbedding embedding) {
		Path file = fileFor(key);
		byte[] bytes = EmbeddingFiles.encode(key, embedding);
		try {
			Files.createDirectories(directory);
			AtomicFiles.write(file, out -> out.write(bytes));
		}
		catch (IOException | RuntimeException e) {
			warnings.accept("Embedding cache: could not write " + file + " (" + (e instanceof IOException ? FileErrors
				.reason((IOException) e) : e.toString()) + "); the embedding is not kept on disk");
			return;
		}
		synchronized (this) {
			if (knownBytes >= 0) knownBytes += bytes.length;
			if (knownBytes < 0 || knownBytes > maxBytes) trim();
		}
	}

	/** Total size of the stored files now, in bytes (one pass over the directory). */
	public long sizeInBytes() {
		long total = 0;
		for (Stored s : list())
			total += s.size;
		return total;
	}

	/** Number of stored embeddings now. */
	public int size() { return list().size(); }

	/** Deletes least recently used files until the total fits the bound; keeps the newest file in any case. */
	private void trim() {
		List<Stored> files = list();
		files.sort(Comparator.comparing((Stored s) -> s.modified).reversed());
		long total = 0;
		for (int i = 0; i < files.size(); i++) {
			Stored s = files.get(i);
			if (i > 0 && total + s.size > maxBytes) {
				try {
					Files.deleteIfExists(s.path);
					continue;
				}
				catch (IOException e) {
					warnings.accept("Embedding cache: could not delete " + s.path + " (" + e.getMessage() + ")");
				}
			}
			total += s.size;
		}
		knownBytes = total;
	}

	private List<Stored> list() {
		List<Stored> files = new ArrayList<>();
		if (!Files.isDirectory(directory)) return files;
		try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
			for (Path p : dir) {
				try {
					files.add(new Stored(p, Files.size(p), Files.getLastModifiedTime(p)));
				}
				catch (NoSuchFileException e) {
					// deleted meanwhile (another process trimming): not there, nothing to count
				}
			}
		}
		catch (IOException e) {
			warnings.accept("Embedding cache: cannot list " + directory + " (" + e.getMessage() + ")");
		}
		return files;
	}

	private void touch(Path file) {
		try {
			Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
		}
		catch (IOException e) {
			// read-only cache directory: the file stays usable, only its recency is not recorded
		}
	}

	private static final class Stored {

		final Path path;
		final long size;
		final FileTime modified;

		Stored(Path path, long size, FileTime modified) {
			this.path = path;
			this.size = size;
			this.modified = modified;
		}
	}
}
