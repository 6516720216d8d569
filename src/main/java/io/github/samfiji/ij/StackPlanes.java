package io.github.samfiji.ij;

import ij.ImagePlus;

import io.github.samfiji.engine.ChannelChoice;
import io.github.samfiji.engine.PlaneAxes;
import io.github.samfiji.engine.PlaneSource;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.util.ArrayList;
import java.util.List;

/**
 * The planes of an {@link ImagePlus} that a run sees, after its {@link ChannelChoice}: the engine planes, their axes
 * (channel, z, t), and prompts moved from the image's stack indices onto those planes. The image is only read.
 */
public final class StackPlanes {

	private final PlaneSource planes;
	private final PlaneAxes imageAxes;
	private final PlaneAxes axes;
	private final ChannelChoice channels;

	private StackPlanes(PlaneSource planes, PlaneAxes imageAxes, ChannelChoice channels) {
		this.planes = planes;
		this.imageAxes = imageAxes;
		this.axes = channels.axesOf(imageAxes);
		this.channels = channels;
	}

	/**
	 * @param mapping maps the channels of an RGB composite
	 * @throws IllegalArgumentException for a chosen channel the image does not have (RGB images have one)
	 */
	public static StackPlanes of(ImagePlus image, ChannelChoice channels, IntensityMapping mapping) {
		PlaneAxes imageAxes = axesOf(image);
		if (!channels.isAll() && image.getType() == ImagePlus.COLOR_RGB && (channels.channels().length > 1 || channels
			.channels()[0] != 1)) throw new IllegalArgumentException(
				"An RGB image has one channel (its colours are used as they are): choose channel all or 1, or split the channels first");
		PlaneSource all = new ImagePlusPlanes(image);
		return new StackPlanes(channels.apply(all, imageAxes, mapping), imageAxes, channels);
	}

	/**
	 * What to tell the user before segmenting a multi-channel image with {@code channels}, or {@code null}: with
	 * {@code all}, each channel is a plane of its own, so prompts on one channel segment that channel only (a 48-bit
	 * RGB PNG, which ImageJ opens as three 16-bit channels, is then segmented in red only).
	 */
	public static String channelNotice(ImagePlus image, ChannelChoice channels) {
		int n = image.getNChannels();
		if (n < 2 || !channels.isAll()) return null;
		String all = "1" + (n == 2 ? ",2" : ",2,3");
		return "The image has " + n + " channels" + (n == 3 && image.getBitDepth() == 16
			? " (a 48-bit RGB PNG opens as 3 16-bit channels)" : "") + ", and channel=all segments each channel on its " +
			"own: only the channels the prompts are on are segmented. For the colour image give channel=" + all +
			" (--channel " + all + " on the command line); for one channel, its number.";
	}

	/** The image's channel, slice and frame axes (a plain stack has its planes as slices). */
	public static PlaneAxes axesOf(ImagePlus image) {
		return PlaneAxes.hyperstack(image.getNChannels(), image.getNSlices(), image.getNFrames());
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
	 * label image and its TIFF when written).
	 *
	 * @throws IllegalArgumentException saying how much is needed and what to do
	 */
	public void checkLabelMemory() {
		long needed = 4L * planes.width() * planes.height() * planes.planeCount();
		Runtime rt = Runtime.getRuntime();
		long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (needed > available) throw new IllegalArgumentException("The label image of " + planes.planeCount() +
			" planes needs about " + (needed >> 20) + " MiB, but only " + (available >> 20) +
			" MiB of memory are free: give ImageJ more memory (Edit > Options > Memory & Threads) or run on a substack");
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
