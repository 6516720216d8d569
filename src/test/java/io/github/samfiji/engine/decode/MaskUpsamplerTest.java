package io.github.samfiji.engine.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.samfiji.engine.model.Preprocessing;
import io.github.samfiji.engine.preprocess.ResizeGeometry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link MaskUpsampler} reproduces SAM's {@code postprocess_masks} as computed by PyTorch
 * ({@code scripts/make_upsample_reference.py}, outputs in {@code src/test/resources/upsample}).
 */
class MaskUpsamplerTest {

	/** The script's deterministic input, computed the same way (double, then float). */
	private static float[] lowRes() {
		float[] low = new float[256 * 256];
		for (int v = 0; v < 256; v++)
			for (int u = 0; u < 256; u++)
				low[v * 256 + u] = (float) (8 * Math.sin(0.11 * u + 0.05 * v) * Math.cos(0.07 * v) + ((u * v) % 7) - 3);
		return low;
	}

	@ParameterizedTest
	@CsvSource({ "37, 23", "50, 300", "640, 40", "128, 128" })
	void matchesPyTorchPostprocessing(int width, int height) throws IOException {
		float[] expected = reference(width, height);
		ResizeGeometry g = ResizeGeometry.of(width, height, Preprocessing.samDefault());
		float[] low = lowRes();
		float[] padded = new float[low.length + 7];
		System.arraycopy(low, 0, padded, 7, low.length); // a non-zero offset, as for candidate k > 0

		float[] actual = MaskUpsampler.toPlane(padded, 7, 256, g);

		assertEquals(expected.length, actual.length);
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], 1e-4f, "pixel " + (i % width) + "," + (i / width));
	}

	private static float[] reference(int width, int height) throws IOException {
		String name = "/upsample/postprocess_" + width + "x" + height + ".f32";
		try (InputStream in = MaskUpsamplerTest.class.getResourceAsStream(name)) {
			assertNotNull(in, name);
			ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
			float[] values = new float[bytes.remaining() / 4];
			bytes.asFloatBuffer().get(values);
			return values;
		}
	}
}
