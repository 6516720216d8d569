package io.github.samfiji.engine.io;

import java.io.IOException;
import java.nio.file.FileSystemException;

/** Short, class-free wording of file-system errors for one-line messages. */
public final class FileErrors {

	private FileErrors() {}

	/** The short reason of a file-system error, e.g. "No space left on device" or "Is a directory". */
	public static String reason(IOException e) {
		if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null)
			return ((FileSystemException) e).getReason();
		if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
		if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
		if (e instanceof java.nio.file.FileAlreadyExistsException) return "already exists";
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}
}
