package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.plane.PlaneSource;

import net.imglib2.type.numeric.ARGBType;

/**
 * The image an operation runs on: its planes (numbered like the image's stack), the channel, z and t axes over
 * them, and whether it is an RGB image (whose colours are one channel). Adapters make it without copying pixels.
 * Immutable; the planes are only read.
 */
public final class ImageInput {

	private final PlaneSource planes;
	private final PlaneAxes axes;
	private final boolean rgb;

	/** @throws IllegalArgumentException when the axes do not describe the planes */
	public ImageInput(PlaneSource planes, PlaneAxes axes, boolean rgb) {
		if (axes.planeCount() != planes.planeCount()) throw new IllegalArgumentException("The axes " + axes +
			" describe " + axes.planeCount() + " planes, but the image has " + planes.planeCount());
		this.planes = planes;
		this.axes = axes;
		this.rgb = rgb;
	}

	/** A plain stack: its planes are slices along z; RGB when its pixels are {@link ARGBType}. */
	public static ImageInput of(PlaneSource planes) {
		return new ImageInput(planes, PlaneAxes.hyperstack(1, planes.planeCount(), 1), planes.plane(1)
			.getType() instanceof ARGBType);
	}

	public PlaneSource planes() { return planes; }

	public PlaneAxes axes() { return axes; }

	/** Whether the pixels are RGB colours (one channel). */
	public boolean isRgb() { return rgb; }
}
