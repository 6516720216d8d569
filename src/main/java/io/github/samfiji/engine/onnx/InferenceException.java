package io.github.samfiji.engine.onnx;

/** A model run that failed inside onnxruntime; the message says which model and which step. */
public class InferenceException extends RuntimeException {

	public InferenceException(String message, Throwable cause) {
		super(message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
	}
}
