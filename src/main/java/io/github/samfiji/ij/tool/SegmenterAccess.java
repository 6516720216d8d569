package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.sam.ModelPool;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Gives a job a {@link PromptSegmenter} for the duration of one call. The usual form ({@link #of(SamEngine, String,
 * EngineOptions, SegmentationOptions, Path, Consumer)}) leases the model from the engine's {@link ModelPool} (so it
 * stays open between calls) and takes embeddings from the engine's caches, so switching slices or images never
 * encodes a plane twice; tests may pass a fixed segmenter ({@link #of(PromptSegmenter, String)}).
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

	/** Which channels of a multi-channel image the model sees (default: each plane on its own). */
	default ChannelChoice channels() { return ChannelChoice.all(); }

	/**
	 * The model {@code model} of the engine's pool, opened with {@code options}, with the engine's cache for
	 * {@code cacheDirectory} ({@code null}: memory only).
	 *
	 * @param warnings receives the disk cache's warnings
	 */
	static SegmenterAccess of(SamEngine engine, String model, EngineOptions options, SegmentationOptions segmentation,
		Path cacheDirectory, Consumer<String> warnings)
	{
		return of(engine, model, options, segmentation, cacheDirectory, ChannelChoice.all(), warnings);
	}

	/** The same, seeing the image through a channel choice (e.g. three channels as an RGB composite). */
	static SegmenterAccess of(SamEngine engine, String model, EngineOptions options, SegmentationOptions segmentation,
		Path cacheDirectory, ChannelChoice channels, Consumer<String> warnings)
	{
		return new SegmenterAccess() {

			@Override
			public <T> T apply(Job<T> job) throws IOException {
				try (ModelPool.Lease lease = engine.models().acquire(model, options)) {
					return job.run(new PromptSegmenter(lease.model(), segmentation, engine.caches().forDirectory(
						cacheDirectory, warnings)));
				}
			}

			@Override
			public String model() { return model; }

			@Override
			public SegmentationOptions options() { return segmentation; }

			@Override
			public ChannelChoice channels() { return channels; }
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
