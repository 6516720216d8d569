package io.github.samfiji.engine.plane;

import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.preprocess.PlaneConverter;
import io.github.samfiji.engine.preprocess.RgbPlane;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;

/**
 * Which channels of a multi-channel image the model sees. Immutable.
 * <ul>
 * <li>{@link #all()}: no choice; every plane of the image (each channel separately) is a plane of its own.</li>
 * <li>{@link #single(int)}: one channel; the planes are that channel's (z, t) planes, viewed without copying.</li>
 * <li>{@link #composite(int...)}: two or three channels as red, green (and blue) of an RGB plane; each channel is
 * mapped to 0-255 by the run's intensity mapping (rounded to whole values), then the RGB plane is used as it is.</li>
 * </ul>
 * With a choice, the result has no channel axis: its planes are numbered over (z, t), first z.
 */
public final class ChannelChoice {

	private final int[] channels;

	private ChannelChoice(int[] channels) {
		this.channels = channels;
	}

	public static ChannelChoice all() { return new ChannelChoice(new int[0]); }

	/** @param channel 1-based */
	public static ChannelChoice single(int channel) { return composite(channel); }

	/** @param rgb one to three 1-based channels, shown as red, green, blue in that order */
	public static ChannelChoice composite(int... rgb) {
		if (rgb.length < 1 || rgb.length > 3) throw new IllegalArgumentException(
			"Choose one channel, or two or three channels for an RGB composite, not " + rgb.length);
		for (int c : rgb)
			if (c < 1) throw new IllegalArgumentException("Channels are numbered from 1, got " + c);
		return new ChannelChoice(rgb.clone());
	}

	/** Parses {@code all}, a channel number ({@code 2}) or a composite ({@code 1,2,3} or {@code 1+2+3}). */
	public static ChannelChoice parse(String text) {
		String t = text == null ? "" : text.trim();
		if (t.isEmpty() || t.equalsIgnoreCase("all")) return all();
		String[] parts = t.split("[,+]");
		int[] c = new int[parts.length];
		try {
			for (int i = 0; i < parts.length; i++)
				c[i] = Integer.parseInt(parts[i].trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Unknown channel choice '" + text +
				"': use all, one channel number (e.g. 2) or up to three for RGB (e.g. 1,2,3)");
		}
		return composite(c);
	}

	public boolean isAll() { return channels.length == 0; }

	/** The chosen channels (1-based), empty for {@link #all()}. */
	public int[] channels() { return channels.clone(); }

	/** The axes of the chosen planes: {@code axes} itself for {@link #all()}, else its z and t. */
	public PlaneAxes axesOf(PlaneAxes axes) {
		if (isAll()) return axes;
		return new PlaneAxes(new String[] { PlaneAxes.Z, PlaneAxes.T }, new int[] { axes.size(PlaneAxes.Z), axes.size(
			PlaneAxes.T) });
	}

	/**
	 * The plane of the chosen view that holds image plane {@code index} (its z and t), or {@code index} itself for
	 * {@link #all()}.
	 */
	public int viewPlane(int index, PlaneAxes axes) {
		if (isAll()) return index;
		return axes.coordinate(index, PlaneAxes.Z) + axes.size(PlaneAxes.Z) * (axes.coordinate(index, PlaneAxes.T) - 1);
	}

	/**
	 * The chosen planes of {@code image}, whose plane numbers {@code axes} describes.
	 *
	 * @param mapping maps each channel of a composite to 0-255
	 * @throws IllegalArgumentException when a chosen channel does not exist; the message gives the channel count
	 */
	public PlaneSource apply(PlaneSource image, PlaneAxes axes, IntensityMapping mapping) {
		if (isAll()) return image;
		int count = axes.size(PlaneAxes.CHANNEL);
		for (int c : channels)
			if (c > count) throw new IllegalArgumentException("Channel " + c + " does not exist: the image has " + count +
				" channel(s)" + (count == 1 ? "; choose channel all" : "; choose 1-" + count));
		PlaneAxes view = axesOf(axes);
		return new PlaneSource() {

			@Override
			public int width() { return image.width(); }

			@Override
			public int height() { return image.height(); }

			@Override
			public int planeCount() { return view.planeCount(); }

			@Override
			public RandomAccessibleInterval<?> plane(int index) {
				if (index < 1 || index > planeCount()) throw new IllegalArgumentException("Plane " + index +
					" does not exist: the chosen channel(s) have planes 1-" + planeCount());
				int z = view.coordinate(index, PlaneAxes.Z), t = view.coordinate(index, PlaneAxes.T);
				if (channels.length == 1) return image.plane(stackIndex(axes, channels[0], z, t));
				return composite(image, axes, z, t, mapping);
			}
		};
	}

	private static int stackIndex(PlaneAxes axes, int c, int z, int t) {
		return c + axes.size(PlaneAxes.CHANNEL) * ((z - 1) + axes.size(PlaneAxes.Z) * (t - 1));
	}

	private RandomAccessibleInterval<?> composite(PlaneSource image, PlaneAxes axes, int z, int t,
		IntensityMapping mapping)
	{
		int n = image.width() * image.height();
		int[] argb = new int[n];
		Arrays.fill(argb, 0xff000000);
		for (int k = 0; k < channels.length; k++) {
			RgbPlane grey = PlaneConverter.toRgb(image.plane(stackIndex(axes, channels[k], z, t)), mapping);
			float[] v = grey.channel(0);
			int shift = 16 - 8 * k;
			for (int i = 0; i < n; i++)
				argb[i] |= Math.round(v[i]) << shift;
		}
		return ArrayImgs.argbs(argb, image.width(), image.height());
	}

	/** The textual form accepted by {@link #parse}. */
	@Override
	public String toString() {
		if (isAll()) return "all";
		StringBuilder s = new StringBuilder();
		for (int c : channels)
			s.append(s.length() == 0 ? "" : ",").append(c);
		return s.toString();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ChannelChoice && Arrays.equals(channels, ((ChannelChoice) o).channels);
	}

	@Override
	public int hashCode() { return Arrays.hashCode(channels); }
}
