package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.samfiji.engine.cache.DiskEmbeddingStore;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-running on a stack with the disk cache never encodes again: each run uses a new memory cache (a new session),
 * the same cache directory.
 */
class DiskCachedStackTest {

	private static final int SIZE = 16;
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

	/** {@code planes} different 16x16 planes. */
	private static PlaneSource stack(int planes) {
		short[] data = new short[SIZE * SIZE * planes];
		for (int i = 0; i < data.length; i++)
			data[i] = (short) (i * 7919 % 4001);
		return PlaneSource.stack(ArrayImgs.unsignedShorts(data, SIZE, SIZE, planes));
	}

	/** A new session: nothing in memory, the disk store in {@code dir}. */
	private PromptSegmenter session() {
		return new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(1 << 24,
			new DiskEmbeddingStore(dir, message -> {
				throw new AssertionError(message);
			})));
	}

	@Test
	void aHundredPlaneStackIsEncodedOnceAcrossSessions() {
		PlaneSource planes = stack(100);
		long before = model.encoder().runCount();
		PromptSegmenter first = session();
		List<Integer> embeddings = new ArrayList<>(); // hashes: 100 embeddings of 4 MiB would not fit the test heap
		for (int z = 1; z <= 100; z++)
			embeddings.add(Arrays.hashCode(first.encode(planes.plane(z)).tensor(0)));
		assertEquals(100, model.encoder().runCount() - before);

		PromptSegmenter second = session();
		for (int z = 1; z <= 100; z++)
			assertEquals(embeddings.get(z - 1), Arrays.hashCode(second.encode(planes.plane(z)).tensor(0)));
		assertEquals(100, model.encoder().runCount() - before, "no encoder run on the second session");
		assertEquals(0, second.cache().computations());
		assertEquals(100, second.cache().storeHits());
	}

	@Test
	void encodingTheNextPlaneInTheBackgroundGivesTheSameResultWithOneEncodingPerPlane() {
		PlaneSource planes = stack(6);
		List<ObjectPrompt> everyPlane = Collections.singletonList(ObjectPrompt.builder().box(2, 3, 9, 7).everyPlane()
			.build());
		PromptSegmenter plain = new PromptSegmenter(model, SegmentationOptions.defaults()).withPrefetch(false);
		PromptSegmenter ahead = new PromptSegmenter(model, SegmentationOptions.defaults(), new EmbeddingCache(1 << 26,
			null)).withPrefetch(true);
		SegmentationResult expected = plain.segment(planes, everyPlane, TaskMonitor.NONE);
		long before = model.encoder().runCount();
		SegmentationResult result = ahead.segment(planes, everyPlane, TaskMonitor.NONE);
		assertEquals(6, model.encoder().runCount() - before, "each plane encoded once, prefetched or not");
		for (int z = 1; z <= 6; z++)
			assertArrayEquals(expected.labels().plane(z), result.labels().plane(z));
	}

	@Test
	void aReRunOfAWholeStackSegmentationGivesTheSameLabelsWithoutEncoding() {
		PlaneSource planes = stack(8);
		List<ObjectPrompt> everyPlane = Collections.singletonList(ObjectPrompt.builder().box(2, 3, 9, 7).everyPlane()
			.build());
		SegmentationResult first = session().segment(planes, everyPlane, TaskMonitor.NONE);
		long before = model.encoder().runCount();
		SegmentationResult again = session().segment(planes, everyPlane, TaskMonitor.NONE);
		assertEquals(0, model.encoder().runCount() - before);
		assertEquals(8, again.objects().size());
		for (int z = 1; z <= 8; z++) {
			assertEquals(1, again.objects().get(z - 1).id(), "one object on every plane");
			assertArrayEquals(first.labels().plane(z), again.labels().plane(z));
		}
	}
}
