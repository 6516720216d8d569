package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.samfiji.engine.decode.DecoderOutput;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Descriptors and ONNX files written by {@code scripts/export_onnx.py} (from tiny random-weight modules in the real
 * models' interfaces, by {@code scripts/test_export_onnx.py --write}) load, pass their checksums, segment end to
 * end, and the decoder gives the PyTorch modules' own outputs for the same embedding and prompt.
 */
class ExportedModelTest {

	private static Path dir(String id) {
		try {
			return Paths.get(ExportedModelTest.class.getResource("/exported/" + id).toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** {@code sin(i * 0.001 + phase)} in float32, as the Python test computes it. */
	private static float[] sinTensor(long[] shape, float phase) {
		long n = 1;
		for (long s : shape) n *= s;
		float[] v = new float[(int) n];
		for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin((float) i * 0.001f + phase);
		return v;
	}

	@ParameterizedTest
	@ValueSource(strings = { "sam-vit-b", "sam2.1-hiera-tiny" })
	void exportedModelLoadsSegmentsAndMatchesPyTorch(String id) throws IOException {
		ModelDescriptor d = ModelDescriptorReader.read(dir(id).resolve("model.json"));
		assertNotNull(d.encoder().sha256(), "the exporter records checksums");
		JsonObject ref = JsonParser.parseString(new String(Files.readAllBytes(dir(id).resolve("reference.json")),
			StandardCharsets.UTF_8)).getAsJsonObject();
		try (SamModel model = SamModel.open(d, EngineOptions.defaults().withThreads(1))) {
			SegmentationResult r = new PromptSegmenter(model, SegmentationOptions.defaults()).segment(PlaneSource.of(
				TestImages.unsignedBytes(40, 30)), Collections.singletonList(ObjectPrompt.builder().box(5, 6, 20, 10)
					.build()), TaskMonitor.NONE);
			assertEquals(1, r.objects().size());
			assertEquals(40, r.objects().get(0).mask().planeWidth());

			boolean sam2 = d.decoderInterface().equals("sam2-onnx");
			long[][] shapes = sam2 ? new long[][] { { 1, 32, 256, 256 }, { 1, 64, 128, 128 }, { 1, 256, 64, 64 } }
				: new long[][] { { 1, 256, 64, 64 } };
			float[] phases = sam2 ? new float[] { 1, 2, 0 } : new float[] { 0 };
			float[][] tensors = new float[shapes.length][];
			for (int i = 0; i < shapes.length; i++) tensors[i] = sinTensor(shapes[i], phases[i]);
			ImageEmbedding e = new ImageEmbedding(id, ResizeGeometry.of(1024, 1024, d.preprocessing()), tensors, shapes);
			JsonArray point = ref.getAsJsonArray("point");
			DecoderOutput out = model.decoder().decode(e, ObjectPrompt.builder().point(point.get(0).getAsDouble(), point
				.get(1).getAsDouble(), true).build());
			JsonArray iou = ref.getAsJsonArray("iou"), sums = ref.getAsJsonArray("lowResSum");
			assertEquals(iou.size(), out.count());
			for (int k = 0; k < out.count(); k++) {
				assertEquals(iou.get(k).getAsFloat(), out.predictedIou(k), 1e-4f, "iou " + k);
				double sum = 0;
				for (float v : out.lowRes(k).logits()) sum += v;
				double expected = sums.get(k).getAsDouble();
				assertEquals(expected, sum, 1e-4 * Math.max(1, Math.abs(expected)), "low-res sum " + k);
			}
		}
	}
}
