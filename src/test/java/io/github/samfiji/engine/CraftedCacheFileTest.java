package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.cache.DiskEmbeddingStore;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.cache.EmbeddingFilesAccess;
import io.github.samfiji.engine.cache.EmbeddingKey;
import io.github.samfiji.engine.cache.PlaneFingerprint;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import net.imglib2.RandomAccessibleInterval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache file crafted with a valid checksum but unusable content (NaN values, another geometry, tensor shape or
 * model) is a cache miss with a warning, and is replaced: before, the decoder failed with a trace, or NaN scores broke
 * the results table, and the file stayed.
 */
class CraftedCacheFileTest {

	private static final int W = 40, H = 30;
	private static final ObjectPrompt BOX = ObjectPrompt.builder().box(2, 3, 10, 5).build();
	private static SamModel model;

	@TempDir
	Path dir;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	/** Writes the real embedding changed by {@code craft} with a valid checksum, segments, returns the warnings. */
	private List<String> segmentWithCrafted(UnaryOperator<ImageEmbedding> craft) throws IOException {
		RandomAccessibleInterval<?> plane = TestImages.unsignedShorts(W, H);
		List<String> warnings = new ArrayList<>();
		DiskEmbeddingStore store = new DiskEmbeddingStore(dir, 1 << 30, warnings::add);
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(0,
			store));
		EmbeddingKey key = segmenter.embeddingKey(PlaneFingerprint.of(plane), EmbeddingKey.WHOLE_PLANE);
		ImageEmbedding real = segmenter.encode(plane);
		Files.write(store.fileFor(key), EmbeddingFilesAccess.encode(key, craft.apply(real)));

		long runs = model.encoder().runCount();
		SegmentationResult result = segmenter.segment(PlaneSource.of(plane), Collections.singletonList(BOX),
			TaskMonitor.NONE);
		assertEquals(runs + 1, model.encoder().runCount(), "a cache miss: encoded again");
		SegmentedObject o = result.objects().get(0);
		assertEquals(0.9f, o.predictedIou(), 0f);
		AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(W, H, 2, 3, 10, 5), o.mask());
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(store.load(key, segmenter.embeddingCheck(W, H)).isPresent(), "the crafted file was replaced");
		return warnings;
	}

	private static ImageEmbedding with(ImageEmbedding e, String modelId, ResizeGeometry g, float[] values,
		long[] shape)
	{
		return new ImageEmbedding(modelId, g, new float[][] { values }, new long[][] { shape });
	}

	@Test
	void nanValues() throws IOException {
		String w = segmentWithCrafted(e -> {
			float[] v = e.tensor(0).clone();
			v[123] = Float.NaN;
			return with(e, e.modelId(), e.geometry(), v, e.shape(0));
		}).get(0);
		assertTrue(w.endsWith(": tensor 1 holds NaN or infinite values; encoding again (the file is replaced)"), w);
	}

	@Test
	void anotherTensorShape() throws IOException {
		String w = segmentWithCrafted(e -> with(e, e.modelId(), e.geometry(), e.tensor(0), new long[] { 1, 64, 256,
			64 })).get(0);
		assertTrue(w.contains(": tensor 1 has the shape [1, 64, 256, 64], the model's encoder gives [-1, 256, 64, 64]"),
			w);
	}

	@Test
	void anotherGeometry() throws IOException {
		String w = segmentWithCrafted(e -> with(e, e.modelId(), ResizeGeometry.restore(W, H + 1, 1024, 1024, 768,
			false), e.tensor(0), e.shape(0))).get(0);
		assertTrue(w.contains(": its geometry (40x31 -> 1024x768 in 1024x1024) is not the plane's"), w);
	}

	@Test
	void anotherModel() throws IOException {
		String w = segmentWithCrafted(e -> with(e, "other-model", e.geometry(), e.tensor(0), e.shape(0))).get(0);
		assertTrue(w.contains(": it was computed by model 'other-model', not '"), w);
	}
}
