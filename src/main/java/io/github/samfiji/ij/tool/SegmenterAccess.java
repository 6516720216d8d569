package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.PromptSegmenter;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.SharedModels;
import io.github.samfiji.engine.cache.EmbeddingCache;

import java.io.IOException;

/**
 * Gives a job a {@link PromptSegmenter} for the duration of one call. The ImageJ form ({@link #shared}) opens the
 * model through {@link SharedModels} (so it stays open between calls) and takes embeddings from the JVM-wide
 * {@link EmbeddingCache#shared()}, so switching slices or images never encodes a plane twice; tests pass a fixed
 * segmenter ({@link #of}).
 */
public interface SegmenterAccess {

	/** Work done with a segmenter. */
	@FunctionalInterface
	interface Job<T> {

		T run(PromptSegmenter segmenter);
	}

	/**
	 * Runs {@code job} with the segmenter; blocking.
	 *
	 * @throws IOException when the model cannot be opened (e.g. {@code ModelNotInstalledException})
	 */
	<T> T apply(Job<T> job) throws IOException;

	/** The model id or descriptor path, as a macro names it. */
	String model();

	SegmentationOptions options();

	/** The installed model {@code model}, opened with {@code engine} options, with the shared embedding cache. */
	static SegmenterAccess shared(String model, EngineOptions engine, SegmentationOptions options) {
		return new SegmenterAccess() {

			@Override
			public <T> T apply(Job<T> job) throws IOException {
				try (SharedModels.Lease lease = SharedModels.instance().acquire(model, engine)) {
					return job.run(new PromptSegmenter(lease.model(), options, EmbeddingCache.shared()));
				}
			}

			@Override
			public String model() { return model; }

			@Override
			public SegmentationOptions options() { return options; }
		};
	}

	/** Always the same segmenter (its model stays open; the caller closes it). */
	static SegmenterAccess of(PromptSegmenter segmenter, String model) {
		return new SegmenterAccess() {

			@Override
			public <T> T apply(Job<T> job) {
				return job.run(segmenter);
			}

			@Override
			public String model() { return model; }

			@Override
			public SegmentationOptions options() { return segmenter.options(); }
		};
	}
}
