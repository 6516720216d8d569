package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.ImageStack;

import io.github.samfiji.engine.plane.PlaneSource;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;

/**
 * An {@link ImagePlus} seen as engine planes: plane {@code n} is stack index {@code n} (1-based, ImageJ's
 * channel-slice-frame order), wrapped as an imglib2 image over the stack's own pixel array, without copying. The
 * engine only reads it. Supports 8-bit, 16-bit and 32-bit grey and RGB.
 */
public final class ImagePlusPlanes implements PlaneSource {

	private final ImageStack stack;

	/** @throws IllegalArgumentException for image types the engine cannot read (8-bit colour-indexed) */
	public ImagePlusPlanes(ImagePlus image) {
		if (image.getType() == ImagePlus.COLOR_256) throw new IllegalArgumentException(
			"8-bit colour (indexed) images are not supported: convert with Image > Type > RGB Color first");
		this.stack = image.getStack();
	}

	@Override
	public int width() { return stack.getWidth(); }

	@Override
	public int height() { return stack.getHeight(); }

	@Override
	public int planeCount() { return stack.getSize(); }

	@Override
	public RandomAccessibleInterval<?> plane(int index) {
		if (index < 1 || index > planeCount()) throw new IllegalArgumentException("Slice " + index +
			" does not exist: the image has slices 1-" + planeCount());
		return wrap(stack.getPixels(index), width(), height());
	}

	/** Wraps an ImageJ pixel array ({@code byte[]}, {@code short[]}, {@code float[]} or RGB {@code int[]}). */
	public static RandomAccessibleInterval<?> wrap(Object pixels, int width, int height) {
		if (pixels instanceof byte[]) return ArrayImgs.unsignedBytes((byte[]) pixels, width, height);
		if (pixels instanceof short[]) return ArrayImgs.unsignedShorts((short[]) pixels, width, height);
		if (pixels instanceof float[]) return ArrayImgs.floats((float[]) pixels, width, height);
		if (pixels instanceof int[]) return ArrayImgs.argbs((int[]) pixels, width, height);
		throw new IllegalArgumentException("Unsupported pixel array: " + (pixels == null ? "none" : pixels.getClass()
			.getSimpleName()));
	}
}
