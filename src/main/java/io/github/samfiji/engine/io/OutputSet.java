package io.github.samfiji.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of named files published together into one directory: a reader of the directory sees the previous set or
 * the new one, never a mix, and never a half-written file.
 * <ol>
 * <li>{@link OutputLocation#check} refuses an unusable directory before anything is computed (the callers run it
 * before the model).</li>
 * <li>{@link #publish()} writes every file into a hidden staging directory inside the output directory (so on the
 * same file system: renames are atomic); a failure there (an exception of a writer, a full disk) deletes the staging
 * directory and leaves the directory as it was.</li>
 * <li>Once all are written, each file replaces its target by an atomic rename, after the previous file was
 * hard-linked (or copied) into the staging directory; if a rename fails, the files already published are put back,
 * so the previous set is left as it was.</li>
 * </ol>
 * A run killed while writing leaves only its staging directory; the next {@link #publish()} into the same directory
 * deletes it, or, when the kill came during the renames (the staging directory holds the
 * {@value StagingDirectories#PUBLISHING} marker), completes that set first. Not thread-safe; several sets may be
 * published into one directory at once (by this or other processes): each has its own staging directory.
 */
public final class OutputSet {

	private final Path directory;
	private final Map<String, AtomicFiles.StreamWriter> files = new LinkedHashMap<>();

	/** An empty set for {@code directory} (created on publication when missing). */
	public OutputSet(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
	}

	public Path directory() { return directory; }

	/**
	 * Adds a file; its content is produced by {@code writer} during {@link #publish()}.
	 *
	 * @param name a plain file name (no separator, not {@code .} or {@code ..}, not hidden)
	 * @throws IllegalArgumentException for another name, or a name already added
	 */
	public OutputSet add(String name, AtomicFiles.StreamWriter writer) {
		OutputLocation.checkName(name);
		if (files.putIfAbsent(name, writer) != null) throw new IllegalArgumentException("The output set already has " +
			name);
		return this;
	}

	/** The names added, in order. */
	public List<String> names() { return Collections.unmodifiableList(new ArrayList<>(files.keySet())); }

	/**
	 * Writes and publishes the set (see the class comment); first recovers what killed runs left here.
	 *
	 * @throws IOException naming the directory or file and what to do; the directory then holds what it held before
	 */
	public void publish() throws IOException {
		OutputLocation.check(directory, files.keySet(), 0);
		Files.createDirectories(directory);
		StagingDirectories.recover(directory, files.keySet());
		Path staging = StagingDirectories.create(directory);
		try {
			for (Map.Entry<String, AtomicFiles.StreamWriter> f : files.entrySet())
				write(staging.resolve(f.getKey()), f.getValue());
			StagingDirectories.markPublishing(staging, files.keySet());
			new Publication(directory, staging).publish(files.keySet());
		}
		catch (IOException | RuntimeException | Error e) {
			try {
				StagingDirectories.deleteTree(staging);
			}
			catch (IOException cleanup) {
				e.addSuppressed(cleanup);
			}
			throw e;
		}
		removeStaging(staging);
	}

	/**
	 * Removes the staging directory of a published set. A failure is not the set's: it is published; the directory
	 * left (holding only the replaced files) is removed by the next publication here once this process has ended.
	 */
	private static void removeStaging(Path staging) {
		try {
			StagingDirectories.deleteTree(staging);
		}
		catch (IOException e) {
			// see the method comment: recovered by StagingDirectories.recover on a later run
		}
	}

	private void write(Path file, AtomicFiles.StreamWriter writer) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			writer.write(out);
		}
		catch (IOException e) {
			throw new IOException("Could not write " + directory.resolve(file.getFileName()) + " (" + OutputLocation.reason(
				e) + "); the files in " + directory + " are unchanged", e);
		}
		AtomicFiles.readableByAll(file);
	}
}
