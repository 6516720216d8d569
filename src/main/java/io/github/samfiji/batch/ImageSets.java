package io.github.samfiji.batch;

import io.github.samfiji.ij.OutputWriter;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The image folders in a batch's output directory and how each is published whole. An attempt at an image writes
 * its outputs and {@link ImageRecord} into a staging folder of its own ({@value #STAGING}/NAME.ATTEMPT, on the same
 * file system), then renames it to NAME. A folder already there is first moved aside ({@value #TRASH}) and deleted,
 * unless it holds the same work (another attempt of the same task, e.g. a speculative copy, published first: this
 * attempt's set is then dropped). A reader sees no folder, the previous set or the new one, never a mix; a killed
 * attempt leaves only its staging folder, which {@link #cleanUp()} removes when the batch ends. Needs a file system
 * whose renames are atomic (a local disk, NFS, Lustre, GPFS; not an object store). Thread-safe.
 */
public final class ImageSets {

	static final String STAGING = ".sam-staging";
	static final String TRASH = ".sam-trash";
	/** The files of a complete set. */
	static final List<String> FILES = Collections.unmodifiableList(Arrays.asList(OutputWriter.LABELS,
		OutputWriter.ROIS, OutputWriter.TABLE, OutputWriter.OVERLAY, ImageRecord.FILE));
	private static final int TRIES = 4;

	private final Path root;

	/** @param root the batch's output directory */
	public ImageSets(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/** The row's published folder. */
	Path folder(BatchRow row) {
		return root.resolve(row.name());
	}

	/** A new, empty staging folder for one attempt at the row; {@code attempt} is unique to the attempt. */
	Path staging(BatchRow row, String attempt) throws IOException {
		Path dir = root.resolve(STAGING).resolve(row.name() + "." + attempt);
		deleteTree(dir);
		return Files.createDirectories(dir);
	}

	/** The record of the complete set in the row's folder, or {@code null} when there is none. */
	ImageRecord completeRecord(BatchRow row) {
		Path dir = folder(row);
		for (String f : FILES)
			if (!Files.isRegularFile(dir.resolve(f))) return null;
		return ImageRecord.read(dir);
	}

	/**
	 * Publishes a complete staging folder as the row's folder (see the class comment).
	 *
	 * @return {@code true} when this set was published, {@code false} when a set of the same work was there and this
	 *         one was dropped
	 * @throws IOException when the rename fails for another reason; the staging folder is then left for
	 *           {@link #cleanUp()}
	 */
	boolean publish(Path staging, BatchRow row, ImageRecord record) throws IOException {
		Path target = folder(row);
		for (int tries = 1;; tries++) {
			try {
				Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
				return true;
			}
			catch (AtomicMoveNotSupportedException e) {
				throw new IOException("Cannot publish " + target + " whole: its file system cannot rename folders atomically" +
					" (use a local or shared POSIX file system for --out)", e);
			}
			catch (FileSystemException e) {
				if (!Files.exists(target) || tries == TRIES) throw e;
				if (record.sameWork(completeRecord(row))) {
					deleteTree(staging);
					return false;
				}
				moveAside(target);
			}
		}
	}

	/** Removes what attempts left: staging folders and folders moved aside. Call when no attempt runs. */
	public void cleanUp() throws IOException {
		deleteTree(root.resolve(STAGING));
		deleteTree(root.resolve(TRASH));
	}

	private void moveAside(Path target) throws IOException {
		Path aside = Files.createDirectories(root.resolve(TRASH)).resolve(target.getFileName() + "." + UUID.randomUUID());
		try {
			Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException e) {
			return; // another attempt moved it first
		}
		deleteTree(aside);
	}

	/** Deletes a file or a folder with everything in it; nothing when it is not there. */
	static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
		try (Stream<Path> all = Files.walk(path)) {
			for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator)
				Files.deleteIfExists(p);
		}
		catch (NoSuchFileException e) {
			// removed meanwhile
		}
	}
}
