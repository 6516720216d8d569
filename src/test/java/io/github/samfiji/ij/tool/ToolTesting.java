package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.ij.SegmentationOutputs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Fakes and recorders for the tool tests: a listener and a display that remember what they heard, a gated model. */
final class ToolTesting {

	static final long TIMEOUT_MS = 20_000;

	private ToolTesting() {}

	/** A segmenter over {@code model} with its own cache, for one test. */
	static SegmenterAccess access(SamModel model, MultimaskMode multimask, EmbeddingCache cache) {
		return SegmenterAccess.of(new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(multimask),
			cache), "tiny");
	}

	/** Remembers a session's notifications. */
	static final class RecordingListener implements ToolSession.Listener {

		final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
		final List<String> macro = Collections.synchronizedList(new ArrayList<>());
		final List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
		final AtomicInteger updates = new AtomicInteger();

		@Override
		public void updated(ToolSession session) {
			updates.incrementAndGet();
		}

		@Override
		public void status(String message) {
			statuses.add(message);
		}

		@Override
		public void failed(Exception error) {
			failures.add(error);
		}

		@Override
		public void record(String macroLine) {
			macro.add(macroLine);
		}

		String lastStatus() {
			synchronized (statuses) {
				return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
			}
		}
	}

	/** Remembers which objects were shown as added and removed. */
	static final class RecordingDisplay implements ObjectDisplay {

		final List<String> events = new ArrayList<>();
		SegmentationOutputs last;

		@Override
		public void added(SegmentationOutputs outputs, SegmentedObject object) {
			events.add("added " + object.id());
			last = outputs;
		}

		@Override
		public void removed(SegmentationOutputs outputs, SegmentedObject object) {
			events.add("removed " + object.id());
			last = outputs;
		}
	}

	/** A model access whose calls wait at a gate until the test opens it, and that counts its calls. */
	static final class GatedAccess implements SegmenterAccess {

		private final SegmenterAccess inner;
		final CountDownLatch gate = new CountDownLatch(1);
		final CountDownLatch entered = new CountDownLatch(1);
		final AtomicInteger calls = new AtomicInteger();

		GatedAccess(SegmenterAccess inner) {
			this.inner = inner;
		}

		@Override
		public <T> T apply(Job<T> job) throws IOException {
			calls.incrementAndGet();
			entered.countDown();
			try {
				if (!gate.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)) throw new IllegalStateException("gate never opened");
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			return inner.apply(job);
		}

		@Override
		public String model() { return inner.model(); }

		@Override
		public SegmentationOptions options() { return inner.options(); }

		void awaitEntered() throws InterruptedException {
			if (!entered.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)) throw new IllegalStateException("no call came");
		}
	}
}
