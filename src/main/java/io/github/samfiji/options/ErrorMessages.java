package io.github.samfiji.options;

import io.github.samfiji.engine.onnx.InferenceException;
import io.github.samfiji.engine.segment.EarlyStop;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CancellationException;

/**
 * One classifier for every front: any exception or error from a run becomes the same one-line message (what went
 * wrong and what to do) in a dialog, the log, a macro and the command line; and says whether it is the user's
 * input ({@link #isExpected}: only the message is shown) or a fault whose stack trace belongs in the log.
 */
public final class ErrorMessages {

	private ErrorMessages() {}

	/** The one-line message for {@code error}. */
	public static String oneLine(Throwable error) {
		if (error instanceof OutOfMemoryError) return "Out of memory: " + EarlyStop.OUT_OF_MEMORY_ADVICE +
			" (Fiji: Edit > Options > Memory & Threads; command line: JAVA_OPTS=-Xmx8g scripts/sam ...)";
		if (error instanceof CancellationException) return "Cancelled";
		if (error instanceof FileSystemException) return fileSystem((FileSystemException) error);
		String message = firstLine(error.getMessage());
		if (isExpected(error) && message != null) return message;
		if (error instanceof InferenceException) return message + " (the model run failed; details are in the log)";
		return "Unexpected error: " + error.getClass().getSimpleName() + (message == null ? "" : ": " + message) +
			" (details are in the log)";
	}

	/**
	 * Whether {@code error} comes from the user's input or environment (a bad option, a missing file, a model that is
	 * not installed) rather than a fault: such errors need no stack trace.
	 */
	public static boolean isExpected(Throwable error) {
		return error instanceof IllegalArgumentException || error instanceof IOException ||
			error instanceof CancellationException || error instanceof OutOfMemoryError;
	}

	/** The chain of causes, one per line, for a {@code --verbose} command line. */
	public static String causes(Throwable error) {
		StringBuilder s = new StringBuilder();
		for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause())
			s.append(s.length() == 0 ? "" : "\n  caused by ").append(t.getClass().getName()).append(t.getMessage() == null
				? "" : ": " + firstLine(t.getMessage()));
		return s.toString();
	}

	private static String fileSystem(FileSystemException e) {
		String file = e.getFile() == null ? "" : e.getFile();
		if (e instanceof NoSuchFileException) return "No such file or directory: " + file;
		if (e instanceof AccessDeniedException) return "Permission denied: " + file +
			" (choose a location you can write to, or change its permissions)";
		if (e instanceof FileAlreadyExistsException) return "Already exists: " + file;
		if (e instanceof NotDirectoryException) return "Not a directory: " + file;
		if (e instanceof DirectoryNotEmptyException) return "Directory not empty: " + file;
		String reason = e.getReason();
		return "Cannot use " + file + (reason == null ? "" : ": " + reason) + (e.getOtherFile() == null ? "" : " (" + e
			.getOtherFile() + ")");
	}

	private static String firstLine(String message) {
		if (message == null || message.trim().isEmpty()) return null;
		int nl = message.indexOf('\n');
		return nl < 0 ? message.trim() : message.substring(0, nl).trim();
	}
}
