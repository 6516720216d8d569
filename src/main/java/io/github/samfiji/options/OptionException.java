package io.github.samfiji.options;

/**
 * A bad option: unknown, not taken by the operation, missing, or with a value that cannot be used. The message is
 * one line that names the option as the user spelled it and says what to do; entry points show it with the
 * operation's usage where that helps (the command line).
 */
public class OptionException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public OptionException(String message) {
		super(message);
	}
}
