package io.github.samfiji.engine.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Adds the execution provider of an {@link EngineOptions.Device} to session options. CUDA needs the GPU build of
 * onnxruntime (Maven artifact {@code com.microsoft.onnxruntime:onnxruntime_gpu} instead of {@code onnxruntime}) and
 * a usable GPU; without them the session runs on the CPU and one line is logged (logger
 * {@code io.github.samfiji.engine}) saying why and what to do.
 */
final class ExecutionProviders {

	static final Logger LOG = Logger.getLogger("io.github.samfiji.engine");

	private ExecutionProviders() {}

	/** @return the device the session will actually use */
	static EngineOptions.Device configure(OrtSession.SessionOptions so, EngineOptions.Device wanted, Path model) {
		if (wanted == EngineOptions.Device.CPU) return EngineOptions.Device.CPU;
		EnumSet<OrtProvider> available = OrtEnvironment.getAvailableProviders();
		if (!available.contains(OrtProvider.CUDA)) {
			LOG.warning(fallbackMessage(model, "this onnxruntime build has no CUDA provider (available: " + available +
				"); put the onnxruntime_gpu jar in place of the onnxruntime jar"));
			return EngineOptions.Device.CPU;
		}
		try {
			so.addCUDA(0);
			LOG.info("SAM: running " + model.getFileName() + " with the CUDA execution provider on GPU 0");
			return EngineOptions.Device.CUDA;
		}
		catch (OrtException | RuntimeException e) {
			LOG.warning(fallbackMessage(model, "the CUDA provider could not start (" + e.getMessage() +
				"); check the NVIDIA driver, CUDA and cuDNN versions required by this onnxruntime_gpu release"));
			return EngineOptions.Device.CPU;
		}
	}

	static String fallbackMessage(Path model, String why) {
		return "SAM: CUDA requested for " + model.getFileName() + " but " + why + ". Running on the CPU.";
	}
}
