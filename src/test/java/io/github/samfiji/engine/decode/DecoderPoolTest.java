package io.github.samfiji.engine.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.TestImages;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decoding batches on one or several decoder sessions gives the same outputs, in prompt order. */
class DecoderPoolTest {

	private static SamModel model;
	private static ImageEmbedding embedding;
	private static final List<ObjectPrompt> PROMPTS = new ArrayList<>();

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.MULTIMASK);
		embedding = new PromptSegmenter(model, SegmentationOptions.defaults()).encode(TestImages.unsignedBytes(64, 48));
		for (int i = 0; i < 24; i++)
			PROMPTS.add(i % 3 == 0 ? ObjectPrompt.builder().box(i, 2, 10, 12).build() : ObjectPrompt.builder().point(2.5 +
				i * 2, 5 + i, true).build());
	}

	@AfterAll
	static void close() {
		model.close();
	}

	@Test
	void severalSessionsGiveTheSingleDecodersOutputsInPromptOrder() throws IOException {
		List<float[]> sequential;
		try (DecoderPool one = DecoderPool.of(model.decoder())) {
			sequential = one.decode(embedding, PROMPTS, (i, out) -> out.logits().clone(), TaskMonitor.NONE, n -> {});
			assertEquals(PROMPTS.size(), one.runCount());
		}
		try (DecoderPool three = DecoderPool.open(model.descriptor(), EngineOptions.defaults(), 3)) {
			assertEquals(3, three.size());
			List<Integer> indices = Collections.synchronizedList(new ArrayList<>());
			List<float[]> parallel = three.decode(embedding, PROMPTS, (i, out) -> {
				indices.add(i);
				return out.logits().clone();
			}, TaskMonitor.NONE, n -> {});
			for (int i = 0; i < PROMPTS.size(); i++)
				assertArrayEquals(sequential.get(i), parallel.get(i), "prompt " + i);
			assertEquals(PROMPTS.size(), indices.size());
			assertEquals(PROMPTS.size(), three.runCount());
		}
	}

	@Test
	void progressCountsEveryFinishedRun() throws IOException {
		try (DecoderPool pool = DecoderPool.open(model.descriptor(), EngineOptions.defaults(), 2)) {
			AtomicInteger last = new AtomicInteger();
			pool.decode(embedding, PROMPTS, (i, out) -> i, TaskMonitor.NONE, n -> last.accumulateAndGet(n, Math::max));
			assertEquals(PROMPTS.size(), last.get());
		}
	}

	@Test
	void aCancelledBatchStopsBeforeTheRemainingRuns() throws IOException {
		for (int sessions : new int[] { 1, 2 })
			try (DecoderPool pool = sessions == 1 ? DecoderPool.of(model.decoder()) : DecoderPool.open(model
				.descriptor(), EngineOptions.defaults(), sessions))
			{
				AtomicInteger finished = new AtomicInteger();
				TaskMonitor cancelAfterFive = new TaskMonitor() {

					@Override
					public void progress(String message, long done, long total) {}

					@Override
					public boolean isCancelled() { return finished.get() >= 5; }
				};
				assertThrows(CancellationException.class, () -> pool.decode(embedding, PROMPTS, (i, out) -> i,
					cancelAfterFive, n -> finished.incrementAndGet()));
				assertTrue(pool.runCount() >= 5 && pool.runCount() < PROMPTS.size(), sessions + " sessions: " + pool
					.runCount() + " runs");
			}
	}

	@Test
	void theFirstFailureIsRethrownAfterTheRunsUnderWay() throws IOException {
		IllegalStateException boom = new IllegalStateException("boom at 7");
		try (DecoderPool pool = DecoderPool.open(model.descriptor(), EngineOptions.defaults(), 3)) {
			IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pool.decode(embedding, PROMPTS,
				(i, out) -> {
					if (i == 7) throw boom;
					return i;
				}, TaskMonitor.NONE, n -> {}));
			assertSame(boom, thrown);
			// the pool is still usable
			assertEquals(PROMPTS.size(), pool.decode(embedding, PROMPTS, (i, out) -> i, TaskMonitor.NONE, n -> {}).size());
		}
	}

	@Test
	void atLeastOneSession() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecoderPool.open(model
			.descriptor(), EngineOptions.defaults(), 0));
		assertEquals("Parallel decoders must be >= 1, got 0", e.getMessage());
	}

	@Test
	void aSingleDecoderPoolDoesNotCloseTheModelsDecoder() {
		DecoderPool.of(model.decoder()).close();
		assertEquals(1, DecoderPool.of(model.decoder()).decode(embedding, PROMPTS.subList(0, 1), (i, out) -> out.count(),
			TaskMonitor.NONE, n -> {}).size());
	}
}
