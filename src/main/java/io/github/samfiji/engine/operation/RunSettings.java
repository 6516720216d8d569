package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.nio.file.Path;

/**
 * What every operation takes: the model (an installed id or a descriptor path; {@code null} for the default model),
 * how it runs ({@link EngineOptions}), what it returns ({@link SegmentationOptions}: intensity mapping, multimask
 * choice, encoding), the disk cache directory ({@code null}: memory only) and the channel choice. Immutable.
 */
public final class RunSettings {

	private final String model;
	private final EngineOptions engine;
	private final SegmentationOptions segmentation;
	private final Path cacheDirectory;
	private final ChannelChoice channels;

	private RunSettings(String model, EngineOptions engine, SegmentationOptions segmentation, Path cacheDirectory,
		ChannelChoice channels)
	{
		this.model = model;
		this.engine = engine;
		this.segmentation = segmentation;
		this.cacheDirectory = cacheDirectory;
		this.channels = channels;
	}

	/** The model with default options: all cores on the CPU, automatic intensity and encoding, memory cache only. */
	public static RunSettings of(String model) {
		return new RunSettings(model, EngineOptions.defaults(), SegmentationOptions.defaults(), null, ChannelChoice
			.all());
	}

	public RunSettings withEngine(EngineOptions e) {
		return new RunSettings(model, e, segmentation, cacheDirectory, channels);
	}

	public RunSettings withSegmentation(SegmentationOptions s) {
		return new RunSettings(model, engine, s, cacheDirectory, channels);
	}

	/** @param directory the disk cache directory, or {@code null} for memory only */
	public RunSettings withCacheDirectory(Path directory) {
		return new RunSettings(model, engine, segmentation, directory, channels);
	}

	public RunSettings withChannels(ChannelChoice c) {
		return new RunSettings(model, engine, segmentation, cacheDirectory, c);
	}

	/** The installed model id or descriptor path, or {@code null} for the default model. */
	public String model() { return model; }

	public EngineOptions engine() { return engine; }

	public SegmentationOptions segmentation() { return segmentation; }

	/** The disk cache directory, or {@code null}. */
	public Path cacheDirectory() { return cacheDirectory; }

	public ChannelChoice channels() { return channels; }
}
