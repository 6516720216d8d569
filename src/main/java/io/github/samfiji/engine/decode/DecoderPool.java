package io.github.samfiji.engine.decode;

import ai.onnxruntime.OrtEnvironment;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.onnx.InferenceException;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Decodes many independent prompts on one embedding, on one or several decoder sessions at once, and returns the
 * results <b>in prompt order</b>, whatever the number of sessions: callers that decide only after a whole batch is
 * back get the same result sequentially and in parallel.
 * <p>
 * {@link #of(MaskDecoder)} runs on the caller's thread with the model's own decoder (no extra session).
 * {@link #open} opens {@code n} extra sessions of the model's decoder with one onnxruntime intra-op thread each, and
 * a worker thread per session: on a CPU, {@code n} single-threaded runs side by side beat one run spread over
 * {@code n} threads, because a decoder run is too small to split well. Each result is mapped on the worker that
 * decoded it (e.g. filtered and thresholded), so the low-resolution maps of a batch are never all held at once.
 * <p>
 * Cancellation is checked before every run; a cancelled batch throws {@link CancellationException} once the
 * runs under way are finished. Close the pool to release its sessions and threads (a pool from
 * {@link #of(MaskDecoder)} owns nothing).
 */
public final class DecoderPool implements AutoCloseable {

	/** Maps one decoder output to what the caller keeps, on the worker thread that decoded it. */
	@FunctionalInterface
	public interface Mapper<R> {

		/** @param index position of the prompt in the batch */
		R map(int index, LowResOutput output);
	}

	private final List<MaskDecoder> decoders;
	private final boolean owned;
	private final ExecutorService workers;
	private final BlockingQueue<MaskDecoder> idle;
	private final AtomicLong runs = new AtomicLong();

	private DecoderPool(List<MaskDecoder> decoders, boolean owned) {
		this.decoders = decoders;
		this.owned = owned;
		this.idle = new ArrayBlockingQueue<>(decoders.size(), false, decoders);
		AtomicInteger n = new AtomicInteger();
		this.workers = decoders.size() == 1 ? null : Executors.newFixedThreadPool(decoders.size(), r -> {
			Thread t = new Thread(r, "SAM decoder " + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	/** A pool of one: the given decoder, on the caller's thread. Closing it does not close the decoder. */
	public static DecoderPool of(MaskDecoder decoder) {
		return new DecoderPool(Collections.singletonList(decoder), false);
	}

	/**
	 * {@code sessions} new sessions of the model's decoder, each with one intra-op thread, on the device of
	 * {@code options}; {@code sessions == 1} opens one session with {@code options}' thread count.
	 *
	 * @throws IOException when the decoder cannot be opened
	 * @throws IllegalArgumentException when {@code sessions < 1}
	 */
	public static DecoderPool open(ModelDescriptor descriptor, EngineOptions options, int sessions)
		throws IOException
	{
		if (sessions < 1) throw new IllegalArgumentException("Parallel decoders must be >= 1, got " + sessions);
		EngineOptions each = sessions == 1 ? options : options.withThreads(1);
		List<MaskDecoder> decoders = new ArrayList<>();
		try {
			for (int i = 0; i < sessions; i++)
				decoders.add(DecoderInterfaces.open(OrtEnvironment.getEnvironment(), descriptor, each));
		}
		catch (IOException | RuntimeException e) {
			for (MaskDecoder d : decoders) d.close();
			throw e;
		}
		return new DecoderPool(decoders, true);
	}

	/** Number of decoders working at once. */
	public int size() { return decoders.size(); }

	/** Decoder runs made so far. */
	public long runCount() { return runs.get(); }

	/**
	 * Decodes every prompt (plane coordinates of the embedded plane) and maps each output.
	 *
	 * @param finished called after each mapped result with the number finished so far (from worker threads)
	 * @return the mapped results, in prompt order
	 * @throws CancellationException when {@code monitor} is cancelled before all prompts are decoded
	 * @throws InferenceException when a run fails (the first failure; runs under way finish first)
	 */
	public <R> List<R> decode(ImageEmbedding embedding, List<ObjectPrompt> prompts, Mapper<R> mapper,
		TaskMonitor monitor, IntConsumer finished)
	{
		List<R> results = new ArrayList<>(Collections.nCopies(prompts.size(), null));
		AtomicInteger done = new AtomicInteger();
		if (workers == null) {
			for (int i = 0; i < prompts.size(); i++) {
				monitor.checkCancelled();
				results.set(i, run(decoders.get(0), embedding, prompts.get(i), i, mapper));
				finished.accept(done.incrementAndGet());
			}
			return results;
		}
		List<Future<R>> futures = new ArrayList<>();
		AtomicBoolean failed = new AtomicBoolean();
		for (int i = 0; i < prompts.size(); i++) {
			int index = i;
			futures.add(workers.submit(() -> {
				if (failed.get()) throw new CancellationException("An earlier decoder run failed");
				monitor.checkCancelled();
				MaskDecoder d = idle.take();
				try {
					R r = run(d, embedding, prompts.get(index), index, mapper);
					finished.accept(done.incrementAndGet());
					return r;
				}
				catch (RuntimeException e) {
					failed.set(true);
					throw e;
				}
				finally {
					idle.add(d);
				}
			}));
		}
		collect(futures, results);
		return results;
	}

	private <R> R run(MaskDecoder decoder, ImageEmbedding embedding, ObjectPrompt prompt, int index, Mapper<R> mapper) {
		runs.incrementAndGet();
		return mapper.map(index, decoder.decodeLowResolution(embedding, prompt));
	}

	/**
	 * Waits for every future (so no run outlives the call), then rethrows the first failure in prompt order, a
	 * failed run before a cancellation.
	 */
	private static <R> void collect(List<Future<R>> futures, List<R> results) {
		RuntimeException failure = null, cancelled = null;
		for (int i = 0; i < futures.size(); i++) {
			try {
				results.set(i, futures.get(i).get());
			}
			catch (ExecutionException e) {
				RuntimeException cause = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
					: new InferenceException("A decoder worker failed", e.getCause());
				if (cause instanceof CancellationException) {
					if (cancelled == null) cancelled = cause;
				}
				else if (failure == null) failure = cause;
				else failure.addSuppressed(cause);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				for (Future<R> f : futures) f.cancel(false);
				throw new CancellationException("Interrupted while decoding");
			}
		}
		if (failure != null) throw failure;
		if (cancelled != null) throw cancelled;
	}

	@Override
	public void close() {
		if (workers != null) workers.shutdownNow();
		if (!owned) return;
		RuntimeException failure = null;
		for (MaskDecoder d : decoders) {
			try {
				d.close();
			}
			catch (RuntimeException e) {
				if (failure == null) failure = e;
				else failure.addSuppressed(e);
			}
		}
		if (failure != null) throw failure;
	}
}
