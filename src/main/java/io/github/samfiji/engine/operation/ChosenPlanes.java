package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.util.ArrayList;
import java.util.List;

/**
 * The planes of an {@link ImageInput} that a run sees after its {@link ChannelChoice}: the planes, their axes
 * (channel, z, t), the dimensions of the label image over them, and the image's stack indices moved onto them.
 */
public final class ChosenPlanes {

	private final PlaneSource planes;
	private final PlaneAxes imageAxes;
	private final PlaneAxes axes;
	private final ChannelChoice channels;

	private ChosenPlanes(PlaneSource planes, PlaneAxes imageAxes, ChannelChoice channels) {
		this.planes = planes;
		this.imageAxes = imageAxes;
		this.axes = channels.axesOf(imageAxes);
		this.channels = channels;
	}

	/**
	 * @param mapping maps the channels of an RGB composite
	 * @throws IllegalArgumentException for a chosen channel the image does not have (RGB images have one)
	 */
	public static ChosenPlanes of(ImageInput image, ChannelChoice channels, IntensityMapping mapping) {
		if (!channels.isAll() && image.isRgb() && (channels.channels().length > 1 || channels.channels()[0] != 1))
			throw new IllegalArgumentException(
				"An RGB image has one channel (its colours are used as they are): choose channel all or 1, or split the channels first");
		return new ChosenPlanes(channels.apply(image.planes(), image.axes(), mapping), image.axes(), channels);
	}

	/**
	 * What to tell the user before segmenting an image of several channels without a channel choice, or {@code null}:
	 * each channel is then a plane of its own, so prompts on one channel segment that channel only (a 48-bit RGB PNG,
	 * which ImageJ opens as three 16-bit channels, is then segmented in red only).
	 */
	public String channelNotice() {
		int n = imageAxes.size(PlaneAxes.CHANNEL);
		if (n < 2 || !channels.isAll()) return null;
		return "The image has " + n + " channels (a 48-bit RGB PNG opens as 3 16-bit channels), each segmented as a " +
			"plane of its own: only the channels the prompts are on are segmented. Choose the channels to see the colour" +
			" image (1,2" + (n > 2 ? ",3" : "") + ") or one channel.";
	}

	public PlaneSource planes() { return planes; }

	/** The axes of {@link #planes()}: the image's, or z and t after a channel choice. */
	public PlaneAxes axes() { return axes; }

	/** Channels, slices and frames of a label image over {@link #planes()}: the image's, or 1 channel. */
	public int[] labelDimensions() {
		return new int[] { axes.size(PlaneAxes.CHANNEL), axes.size(PlaneAxes.Z), axes.size(PlaneAxes.T) };
	}

	/**
	 * Checks, before any model runs, that the Java heap can hold the outputs: the 16-bit label planes, twice (the
	 * label image and its file when written).
	 *
	 * @throws IllegalArgumentException saying how much is needed and what to do
	 */
	public void checkLabelMemory() {
		long needed = 4L * planes.width() * planes.height() * planes.planeCount();
		Runtime rt = Runtime.getRuntime();
		long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (needed > available) throw new IllegalArgumentException("The label image of " + planes.planeCount() +
			" planes needs about " + (needed >> 20) + " MiB, but only " + (available >> 20) +
			" MiB of memory are free: give Java more memory (Fiji: Edit > Options > Memory & Threads) or run on a substack");
	}

	/**
	 * The plane of {@link #planes()} that shows the image's stack index {@code index} (1-based): the same index
	 * without a channel choice, else the chosen planes' plane with the same slice and frame.
	 *
	 * @throws IllegalArgumentException for an index the image does not have
	 */
	public int plane(int index) {
		if (index < 1 || index > imageAxes.planeCount()) throw new IllegalArgumentException("Slice " + index +
			" does not exist: the image has slices 1-" + imageAxes.planeCount());
		return channels.isAll() ? index : channels.viewPlane(index, imageAxes);
	}

	/**
	 * The prompts on the chosen planes: a prompt on stack index {@code i} of the image goes to the chosen plane with
	 * the same slice and frame; prompts on every plane stay so.
	 *
	 * @throws IllegalArgumentException for a prompt on a stack index the image does not have
	 */
	public List<ObjectPrompt> place(List<ObjectPrompt> prompts) {
		List<ObjectPrompt> placed = new ArrayList<>();
		for (int i = 0; i < prompts.size(); i++) {
			ObjectPrompt p = prompts.get(i);
			if (p.onEveryPlane() || channels.isAll()) {
				placed.add(p);
				continue;
			}
			if (p.slice() > imageAxes.planeCount()) throw new IllegalArgumentException("Object " + (i + 1) + (p
				.name() == null ? "" : " (" + p.name() + ")") + " is on slice " + p.slice() + ", but the image has " +
				imageAxes.planeCount() + " slice(s)");
			placed.add(p.withSlice(channels.viewPlane(p.slice(), imageAxes)));
		}
		return placed;
	}
}
