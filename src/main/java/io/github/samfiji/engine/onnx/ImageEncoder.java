package io.github.samfiji.engine.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.preprocess.ModelInput;
import io.github.samfiji.engine.task.TaskMonitor;

import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a model's image encoder on a prepared {@link ModelInput}. Blocking; thread-safe. Counts its runs so that
 * callers and tests can check that cached embeddings are really reused.
 */
public final class ImageEncoder implements AutoCloseable {

	private final OrtEnvironment env;
	private final OrtSession session;
	private final String modelId;
	private final String inputName;
	private final List<String> outputNames;
	private final long[][] outputShapes;
	private final AtomicLong runs = new AtomicLong();

	/** Takes ownership of {@code session}, whose tensors were checked against {@code file}. */
	public ImageEncoder(OrtEnvironment env, OrtSession session, String modelId, ModelDescriptor.OnnxFile file)
		throws OrtException
	{
		this.env = env;
		this.session = session;
		this.modelId = modelId;
		this.inputName = file.inputs().get(0);
		this.outputNames = file.outputs();
		Map<String, NodeInfo> outputs = session.getOutputInfo();
		this.outputShapes = new long[outputNames.size()][];
		for (int i = 0; i < outputShapes.length; i++) {
			ValueInfo info = outputs.get(outputNames.get(i)).getInfo();
			outputShapes[i] = info instanceof TensorInfo ? ((TensorInfo) info).getShape() : new long[0];
		}
	}

	/** The shapes of the encoder's outputs, in descriptor order, {@code -1} for a dimension the model leaves open. */
	public long[][] outputShapes() {
		long[][] copy = new long[outputShapes.length][];
		for (int i = 0; i < copy.length; i++) copy[i] = outputShapes[i].clone();
		return copy;
	}

	/** @throws InferenceException when onnxruntime fails */
	public ImageEmbedding encode(ModelInput input) {
		return encode(input, TaskMonitor.NONE);
	}

	/**
	 * The same, stopped within about {@value CancellableRun#POLL_MS} ms when {@code monitor} is cancelled while the
	 * model runs.
	 *
	 * @throws CancellationException when cancelled (before or during the run)
	 * @throws InferenceException when onnxruntime fails
	 */
	public ImageEmbedding encode(ModelInput input, TaskMonitor monitor) {
		monitor.checkCancelled();
		runs.incrementAndGet();
		try (CancellableRun run = new CancellableRun(monitor);
			OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input.tensor()), input.shape());
			OrtSession.Result result = session.run(Collections.singletonMap(inputName, tensor), run.options()))
		{
			float[][] tensors = new float[outputNames.size()][];
			long[][] shapes = new long[outputNames.size()][];
			for (int i = 0; i < tensors.length; i++) {
				OnnxTensor out = (OnnxTensor) result.get(outputNames.get(i)).orElseThrow(IllegalStateException::new);
				shapes[i] = out.getInfo().getShape();
				tensors[i] = OnnxSessions.toFloatArray(out);
			}
			return new ImageEmbedding(modelId, input.geometry(), tensors, shapes);
		}
		catch (OrtException e) {
			if (monitor.isCancelled()) throw new CancellationException("Encoding cancelled");
			throw new InferenceException("The image encoder of model '" + modelId + "' failed", e);
		}
	}

	/** How many times {@link #encode} ran since this encoder was opened. */
	public long runCount() { return runs.get(); }

	@Override
	public void close() {
		try {
			session.close();
		}
		catch (OrtException e) {
			throw new InferenceException("Could not release the encoder session", e);
		}
	}
}
