package io.github.samfiji.engine.decode.rewrite;

import java.io.IOException;

/** A decoder graph that the single-mask rewrite does not recognise; the message says what is missing. */
public final class UnsupportedGraphException extends IOException {

	private static final long serialVersionUID = 1L;

	public UnsupportedGraphException(String message) {
		super(message);
	}
}
