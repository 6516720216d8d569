package io.github.samfiji.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.samfiji.engine.model.Preprocessing;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;

import org.junit.jupiter.api.Test;

/** What a stored embedding must be to be used: each way a crafted file can be wrong is named. */
class EmbeddingCheckTest {

	private static final ResizeGeometry PLANE = ResizeGeometry.of(300, 200, Preprocessing.samDefault());
	private static final EmbeddingCheck CHECK = EmbeddingCheck.of("m", PLANE, new long[][] { { -1, 4, 2 } });

	private static ImageEmbedding embedding(String model, ResizeGeometry g, long[] shape, float... values) {
		return new ImageEmbedding(model, g, new float[][] { values }, new long[][] { shape });
	}

	private static float[] values(int n) {
		float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = i - 3.5f;
		return v;
	}

	@Test
	void anEmbeddingOfTheModelGeometryAndShapesPasses() {
		assertNull(CHECK.problem(embedding("m", PLANE, new long[] { 1, 4, 2 }, values(8))));
		assertNull(CHECK.problem(embedding("m", PLANE, new long[] { 2, 4, 2 }, values(16))), "open dimension");
	}

	@Test
	void eachMismatchIsNamed() {
		assertEquals("it was computed by model 'other', not 'm'", CHECK.problem(embedding("other", PLANE, new long[] {
			1, 4, 2 }, values(8))));
		ResizeGeometry other = ResizeGeometry.of(999, 200, Preprocessing.samDefault());
		assertEquals("its geometry (" + other + ") is not the plane's (" + PLANE + ")", CHECK.problem(embedding("m",
			other, new long[] { 1, 4, 2 }, values(8))));
		assertEquals("tensor 1 has the shape [1, 4, 2] but 6 values", CHECK.problem(embedding("m", PLANE, new long[] {
			1, 4, 2 }, values(6))));
		assertEquals("tensor 1 has the shape [1, 2, 4], the model's encoder gives [-1, 4, 2]", CHECK.problem(embedding(
			"m", PLANE, new long[] { 1, 2, 4 }, values(8))));
		assertEquals("tensor 1 has the shape [1, -4, -2]", CHECK.problem(embedding("m", PLANE, new long[] { 1, -4, -2 },
			values(8))));
		float[] nan = values(8);
		nan[5] = Float.NaN;
		assertEquals("tensor 1 holds NaN or infinite values", CHECK.problem(embedding("m", PLANE, new long[] { 1, 4, 2 },
			nan)));
		assertEquals("it has 1 tensor(s), the model's encoder gives 2", EmbeddingCheck.of("m", PLANE, new long[][] { {
			8 }, { 8 } }).problem(embedding("m", PLANE, new long[] { 8 }, values(8))));
	}

	@Test
	void theConsistentCheckNeedsNoModel() {
		float[] inf = values(8);
		inf[0] = Float.POSITIVE_INFINITY;
		assertNull(EmbeddingCheck.consistent().problem(embedding("any", PLANE, new long[] { 8 }, values(8))));
		assertEquals("tensor 1 holds NaN or infinite values", EmbeddingCheck.consistent().problem(embedding("any", PLANE,
			new long[] { 8 }, inf)));
		assertEquals("tensor 1 has the shape [3] but 8 values", EmbeddingCheck.consistent().problem(embedding("any",
			PLANE, new long[] { 3 }, values(8))));
	}
}
