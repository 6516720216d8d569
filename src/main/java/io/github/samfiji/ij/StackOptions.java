package io.github.samfiji.ij;

import io.github.samfiji.engine.ChannelChoice;

import java.nio.file.Path;

/**
 * How a stack or hyperstack is run: which channels the model sees ({@link ChannelChoice}), whether prompts without a
 * position apply to every plane, and where embeddings are cached on disk ({@code null}: memory only). Immutable.
 */
public final class StackOptions {

	private final ChannelChoice channels;
	private final boolean everyPlane;
	private final Path cacheDirectory;

	public StackOptions(ChannelChoice channels, boolean everyPlane, Path cacheDirectory) {
		this.channels = channels;
		this.everyPlane = everyPlane;
		this.cacheDirectory = cacheDirectory;
	}

	/** Every plane separately, unpositioned prompts on the current slice, memory cache only. */
	public static StackOptions defaults() { return new StackOptions(ChannelChoice.all(), false, null); }

	public ChannelChoice channels() { return channels; }

	/** Whether prompts without a position are applied to every plane. */
	public boolean everyPlane() { return everyPlane; }

	/** The disk cache directory, or {@code null}. */
	public Path cacheDirectory() { return cacheDirectory; }
}
