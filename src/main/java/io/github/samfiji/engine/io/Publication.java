package io.github.samfiji.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Moves the complete files of a staging directory into the output directory, one atomic rename each, keeping the
 * file each replaces (hard-linked, or copied where links are not supported) so that a failed rename puts the files
 * already moved back: the directory ends with the whole new set or the whole previous one.
 */
final class Publication {

	private static final String PREVIOUS = ".previous-";

	private final Path directory;
	private final Path staging;

	Publication(Path directory, Path staging) {
		this.directory = directory;
		this.staging = staging;
	}

	/** @throws IOException after putting the previous files back, naming the file that could not be replaced */
	void publish(Collection<String> names) throws IOException {
		List<String> done = new ArrayList<>();
		for (String name : names) {
			try {
				keepPrevious(name);
				StagingDirectories.move(staging.resolve(name), directory.resolve(name));
			}
			catch (IOException | RuntimeException e) {
				List<IOException> notRestored = rollBack(done);
				IOException failure = new IOException("Could not replace " + directory.resolve(name) + " (" + (e instanceof
					IOException ? OutputLocation.reason((IOException) e) : e.toString()) + "); " + (notRestored.isEmpty()
						? "the previous files in " + directory + " were left as they were" : "putting the previous files back " +
							"failed too, check the files in " + directory), e);
				notRestored.forEach(failure::addSuppressed);
				throw failure;
			}
			done.add(name);
		}
	}

	private void keepPrevious(String name) throws IOException {
		Path target = directory.resolve(name);
		if (!Files.exists(target)) return;
		Path previous = staging.resolve(PREVIOUS + name);
		try {
			Files.createLink(previous, target);
		}
		catch (IOException | UnsupportedOperationException e) {
			Files.copy(target, previous, StandardCopyOption.COPY_ATTRIBUTES);
		}
	}

	/** Puts back the files replaced so far (deletes those that had no previous file); returns what failed. */
	private List<IOException> rollBack(List<String> published) {
		List<IOException> failures = new ArrayList<>();
		for (int i = published.size() - 1; i >= 0; i--) {
			String name = published.get(i);
			Path previous = staging.resolve(PREVIOUS + name);
			try {
				if (Files.exists(previous)) StagingDirectories.move(previous, directory.resolve(name));
				else Files.deleteIfExists(directory.resolve(name));
			}
			catch (IOException e) {
				failures.add(e);
			}
		}
		return failures;
	}
}
