package io.github.samfiji.engine.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The hidden staging directories of {@link OutputSet}: {@value #PREFIX}{@code PID-ID} inside the output directory,
 * one per set being published. A staging directory whose process is gone was left by a killed run:
 * {@link #recover} deletes it, after completing its publication when it holds the {@value #PUBLISHING} marker (the
 * kill came during the renames, when every file of the set was complete).
 */
final class StagingDirectories {

	static final String PREFIX = ".sam-staging-";
	/** Written (atomically) into a staging directory once all files are complete; lists their names. */
	static final String PUBLISHING = "PUBLISHING";

	private StagingDirectories() {}

	static Path create(Path directory) throws IOException {
		return Files.createDirectory(directory.resolve(PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID()
			.toString().substring(0, 8)));
	}

	static void markPublishing(Path staging, Collection<String> names) throws IOException {
		Path tmp = staging.resolve(PUBLISHING + ".tmp");
		Files.write(tmp, String.join("\n", names).getBytes(StandardCharsets.UTF_8));
		Files.move(tmp, staging.resolve(PUBLISHING), StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * Deletes or completes the staging directories in {@code directory} whose process is gone, and deletes the
	 * temporary files ({@code .NAME123.part}) that earlier versions, writing file by file, left for {@code names}.
	 */
	static void recover(Path directory, Collection<String> names) throws IOException {
		try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, ".*.part")) {
			for (Path part : parts)
				if (Files.isRegularFile(part) && isLegacyPart(part.getFileName().toString(), names)) Files.deleteIfExists(
					part);
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, PREFIX + "*")) {
			for (Path staging : entries)
				if (Files.isDirectory(staging) && !ownerAlive(staging)) {
					if (Files.isRegularFile(staging.resolve(PUBLISHING))) completePublication(directory, staging);
					deleteTree(staging);
				}
		}
	}

	private static boolean isLegacyPart(String file, Collection<String> names) {
		for (String name : names)
			if (file.matches(java.util.regex.Pattern.quote("." + name) + "-?\\d+\\.part")) return true;
		return false;
	}

	private static void completePublication(Path directory, Path staging) throws IOException {
		List<String> names = Files.readAllLines(staging.resolve(PUBLISHING), StandardCharsets.UTF_8);
		for (String name : names) {
			Path staged = staging.resolve(name);
			if (!name.isEmpty() && Files.isRegularFile(staged)) move(staged, directory.resolve(name));
		}
	}

	/** Whether the process that made {@code staging} still runs (a reused process id started later does not count). */
	private static boolean ownerAlive(Path staging) throws IOException {
		String name = staging.getFileName().toString().substring(PREFIX.length());
		long pid;
		try {
			pid = Long.parseLong(name.substring(0, Math.max(0, name.indexOf('-'))));
		}
		catch (NumberFormatException e) {
			return false; // not one of ours in form: left over, delete
		}
		Optional<ProcessHandle> owner = ProcessHandle.of(pid);
		if (!owner.isPresent() || !owner.get().isAlive()) return false;
		Optional<Instant> started = owner.get().info().startInstant();
		Instant made = Files.readAttributes(staging, BasicFileAttributes.class).creationTime().toInstant();
		return !started.isPresent() || !started.get().isAfter(made.plusSeconds(1));
	}

	/** Replaces {@code target} by {@code source} in one step where the file system can. */
	static void move(Path source, Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator)
				Files.deleteIfExists(p);
		}
	}
}
