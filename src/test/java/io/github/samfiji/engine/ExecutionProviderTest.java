package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;

import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** The device setting: parsing, and the CPU fallback with a clear log line where CUDA is not available. */
class ExecutionProviderTest {

	@Test
	void deviceParsesCpuAndCuda() {
		assertEquals(EngineOptions.Device.CUDA, EngineOptions.Device.parse(" Cuda "));
		assertEquals(EngineOptions.Device.CPU, EngineOptions.Device.parse("cpu"));
		assertEquals(EngineOptions.Device.CPU, EngineOptions.defaults().device());
		assertEquals(EngineOptions.Device.CUDA, EngineOptions.defaults().withThreads(2).withDevice(
			EngineOptions.Device.CUDA).device());
		assertEquals(2, EngineOptions.defaults().withThreads(2).withDevice(EngineOptions.Device.CUDA).threads());
		assertEquals("Unknown device 'gpu': use cpu or cuda", assertThrows(IllegalArgumentException.class,
			() -> EngineOptions.Device.parse("gpu")).getMessage());
	}

	@Test
	void cudaWithoutTheGpuBuildFallsBackToTheCpuAndSaysSo() throws IOException {
		boolean cudaBuild = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
		List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
		Handler capture = new Handler() {

			@Override
			public void publish(LogRecord r) { records.add(r); }

			@Override
			public void flush() {}

			@Override
			public void close() {}
		};
		Logger log = Logger.getLogger("io.github.samfiji.engine");
		log.addHandler(capture);
		try (SamModel model = SamModel.open(TinyModels.descriptor(TinyModels.BOX), EngineOptions.defaults().withDevice(
			EngineOptions.Device.CUDA)))
		{
			ObjectPrompt box = ObjectPrompt.builder().box(2, 3, 5, 4).build();
			AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(12, 10, 2, 3, 5, 4), new PromptSegmenter(model,
				SegmentationOptions.defaults()).segment(PlaneSource.of(TestImages.unsignedBytes(12, 10)), Collections
					.singletonList(box), TaskMonitor.NONE).objects().get(0).mask());
		}
		finally {
			log.removeHandler(capture);
		}
		if (cudaBuild) return; // a GPU build: the provider is used, nothing to fall back from
		assertEquals(2, records.size(), "one line per session (encoder, decoder): " + records);
		LogRecord r = records.get(0);
		assertEquals(Level.WARNING, r.getLevel());
		assertTrue(r.getMessage().startsWith("SAM: CUDA requested for tiny_encoder.onnx but this onnxruntime build has " +
			"no CUDA provider (available: ["), r.getMessage());
		assertTrue(r.getMessage().endsWith("put the onnxruntime_gpu jar in place of the onnxruntime jar. Running on the " +
			"CPU."), r.getMessage());
	}
}
