package io.github.samfiji.engine.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Opens onnxruntime sessions and checks their tensors against what a model descriptor promises. */
public final class OnnxSessions {

	private OnnxSessions() {}

	/**
	 * Opens {@code file} and checks that its inputs are exactly {@code inputs} and that it has every name in
	 * {@code outputs}.
	 *
	 * @throws IOException when the file is missing, is not an ONNX model, or has other tensors; the message names
	 *           the file and the expected tensors
	 */
	public static OrtSession open(OrtEnvironment env, Path file, List<String> inputs, List<String> outputs,
		EngineOptions options) throws IOException
	{
		if (!Files.isRegularFile(file)) throw new IOException("Model file not found: " + file);
		OrtSession session;
		try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
			if (options.threads() > 0) so.setIntraOpNumThreads(options.threads());
			so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			ExecutionProviders.configure(so, options.device(), file);
			session = env.createSession(file.toString(), so);
		}
		catch (OrtException e) {
			throw new IOException(file + " is not a valid ONNX model (" + e.getMessage() + "). Expected inputs " +
				inputs + " and outputs " + outputs + ".", e);
		}
		try {
			Set<String> actualIn = session.getInputNames(), actualOut = session.getOutputNames();
			if (!actualIn.equals(new HashSet<>(inputs)) || !actualOut.containsAll(outputs)) throw new IOException(file +
				" has inputs " + new TreeSet<>(actualIn) + " and outputs " + new TreeSet<>(actualOut) +
				", but its descriptor expects inputs " + inputs + " and outputs " + outputs +
				". Is the descriptor for another export of the model?");
			return session;
		}
		catch (IOException | RuntimeException e) {
			closeQuietlyAfterFailure(session, e);
			throw e;
		}
	}

	/** A tensor's float values copied into a Java array (no native memory is kept). */
	public static float[] toFloatArray(OnnxTensor tensor) {
		FloatBuffer buffer = tensor.getFloatBuffer();
		float[] values = new float[buffer.remaining()];
		buffer.get(values);
		return values;
	}

	/** Closes {@code session} after {@code failure}, adding a failure to close to it. */
	public static void closeQuietly(OrtSession session, Exception failure) {
		closeQuietlyAfterFailure(session, failure);
	}

	private static void closeQuietlyAfterFailure(OrtSession session, Exception failure) {
		try {
			session.close();
		}
		catch (OrtException e) {
			failure.addSuppressed(e);
		}
	}
}
