package io.github.samfiji.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;

/**
 * The command line's log of faults: stack traces that a user should not see on the terminal but a bug report needs.
 * {@code ~/.segment-anything-fiji/logs/sam.log} (or the file named by {@value #PROPERTY}), started afresh when it
 * passes 1 MiB.
 */
final class CliLog {

	static final String PROPERTY = "sam.log";
	private static final long MAX_BYTES = 1 << 20;

	private CliLog() {}

	/** Appends the error's stack trace; returns the log file, or {@code null} when it cannot be written. */
	static Path write(Throwable error) {
		StringWriter trace = new StringWriter();
		error.printStackTrace(new PrintWriter(trace));
		return write(trace.toString());
	}

	/** Appends a stack trace given as text (e.g. one a batch task sent back); returns the log file or {@code null}. */
	static Path write(String trace) {
		Path log = file();
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			if (Files.exists(log) && Files.size(log) > MAX_BYTES) Files.delete(log);
			Files.write(log, (LocalDateTime.now() + " " + trace + "\n").getBytes(StandardCharsets.UTF_8),
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			return log;
		}
		catch (IOException e) {
			return null;
		}
	}

	static Path file() {
		String configured = System.getProperty(PROPERTY);
		if (configured != null && !configured.isEmpty()) return Paths.get(configured);
		return Paths.get(System.getProperty("user.home"), ".segment-anything-fiji", "logs", "sam.log");
	}
}
