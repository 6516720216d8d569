package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.preprocess.ModelInput;
import io.github.samfiji.engine.sam.SamModel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The encoder input each published layout gets from the catalogue descriptor is the one its own reference caller
 * builds: the catalogue descriptor is installed with the layout's random-weight twin (scripts/make_layout_twins.py),
 * a synthetic RGB image is encoded, and the outputs must equal what the PyTorch twin gave for the input built the
 * reference caller's way (labelme/osam for {@code x}, samexporter for the channels-last zip encoders, ryouchinsa's
 * exporter for the osam SAM 2.1 pair, EfficientViT-SAM's ONNX demo for its 512 input, EdgeSAM's ONNX predictor,
 * labelme for EfficientSAM's original-size input). Image sizes need no resize, so the comparison is exact up to
 * float rounding.
 */
class PublishedEncoderReferenceTest {

	private static final float TOLERANCE = 2e-4f;

	@TempDir
	Path store;

	static Stream<JsonObject> references() throws IOException {
		List<JsonObject> entries = new ArrayList<>();
		for (JsonElement e : JsonParser.parseString(new String(Files.readAllBytes(FamilyTwins.twin(
			"published/encoder-references.json")), StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonArray("encoders"))
			entries.add(e.getAsJsonObject());
		return entries.stream();
	}

	/** The pattern of make_layout_twins.py: r = (3x + 5y) % 256, g = (7x + 2y + 40) % 256, b = (xy + 11) % 256. */
	static ArrayImgAccess pattern(int w, int h) {
		int[] argb = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				argb[y * w + x] = ARGBType.rgba((3 * x + 5 * y) % 256, (7 * x + 2 * y + 40) % 256, (x * y + 11) % 256, 255);
		return new ArrayImgAccess(argb, w, h);
	}

	/** The plane, kept as its pixel array so that the test can also state the input size. */
	static final class ArrayImgAccess {

		final int[] argb;
		final int width, height;

		ArrayImgAccess(int[] argb, int width, int height) {
			this.argb = argb;
			this.width = width;
			this.height = height;
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("references")
	void catalogueDescriptorBuildsTheReferenceCallersInput(JsonObject reference) throws IOException {
		String id = reference.get("id").getAsString();
		ModelDescriptor d = FamilyTwins.installWithTwins(Paths.get("models", id + ".json"), store);
		ArrayImgAccess image = pattern(reference.get("width").getAsInt(), reference.get("height").getAsInt());
		ImageEmbedding e;
		try (SamModel model = SamModel.open(d, EngineOptions.defaults().withThreads(1))) {
			ModelInput input = model.preprocessor().prepare(ArrayImgs.argbs(image.argb, image.width, image.height),
				IntensityMapping.auto());
			e = model.encoder().encode(input);
		}
		JsonArray outputs = reference.getAsJsonArray("outputs");
		assertEquals(d.encoder().outputs().size(), outputs.size(), id + ": every encoder output has a reference");
		for (JsonElement o : outputs)
			assertOutput(id, d, e, o.getAsJsonObject());
	}

	private static void assertOutput(String id, ModelDescriptor d, ImageEmbedding e, JsonObject o) {
		String name = o.get("name").getAsString();
		int index = d.encoder().outputs().indexOf(name);
		long[] shape = new long[o.getAsJsonArray("shape").size()];
		for (int i = 0; i < shape.length; i++) shape[i] = o.getAsJsonArray("shape").get(i).getAsLong();
		assertArrayEquals(shape, e.shape(index), id + " " + name + " shape");
		int stride = o.get("stride").getAsInt(), rows = o.get("rows").getAsInt(), columns = o.get("columns").getAsInt();
		float[] expected = floats(o.get("values").getAsString());
		float[] actual = e.tensor(index);
		int width = (int) shape[3];
		for (int v = 0; v < rows; v++)
			for (int u = 0; u < columns; u++) {
				float want = expected[v * columns + u], got = actual[(v * stride) * width + u * stride];
				if (Math.abs(want - got) > TOLERANCE * Math.max(1, Math.abs(want))) fail(id + " " + name + " channel 0 at (" +
					u * stride + ", " + v * stride + "): PyTorch reference " + want + ", got " + got);
			}
	}

	private static float[] floats(String base64) {
		ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
		float[] values = new float[b.remaining() / 4];
		b.asFloatBuffer().get(values);
		return values;
	}
}
