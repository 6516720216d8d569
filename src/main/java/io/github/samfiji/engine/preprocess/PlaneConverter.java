package io.github.samfiji.engine.preprocess;

import java.util.Arrays;
import java.util.function.LongSupplier;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Turns a 2D imglib2 plane of any {@link RealType} or of {@link ARGBType} into an {@link RgbPlane} under an
 * {@link IntensityMapping}. Grey planes are repeated to three channels. The input is only read.
 */
public final class PlaneConverter {

	private PlaneConverter() {}

	/**
	 * @throws IllegalArgumentException when the plane is not 2D or its pixel type is neither real nor ARGB
	 */
	public static RgbPlane toRgb(RandomAccessibleInterval<?> plane, IntensityMapping mapping) {
		if (plane.numDimensions() != 2) throw new IllegalArgumentException("Expected a 2D plane, got " + plane
			.numDimensions() + " dimensions: choose one slice, channel and frame");
		long w = plane.dimension(0), h = plane.dimension(1);
		if (w * h == 0) throw new IllegalArgumentException("The plane is empty (" + w + "x" + h + ")");
		Object type = Util.getTypeFromInterval(plane);
		checkMemory(w, h, type instanceof ARGBType ? 3 : 1, PlaneConverter::freeHeap);
		if (type instanceof ARGBType) return fromArgb(cast(plane), (int) w, (int) h);
		if (type instanceof RealType) return fromGrey(PlaneConverter.<RealType<?>>cast(plane), (int) w, (int) h, type,
			mapping);
		throw new IllegalArgumentException("Unsupported pixel type " + type.getClass().getSimpleName() +
			": use 8, 16 or 32-bit grey or RGB images");
	}

	/**
	 * Refuses a plane whose float channels cannot be held: more values than a Java array takes, or more bytes than
	 * the heap has left (after a garbage collection hint). The message says how to segment it anyway.
	 *
	 * @throws IllegalArgumentException when the plane is too large
	 */
	static void checkMemory(long w, long h, int channels, LongSupplier freeBytes) {
		long bytes = 4L * w * h * channels;
		if (w * h > Integer.MAX_VALUE / 3) throw tooLarge(w, h, bytes, -1);
		if (bytes > freeBytes.getAsLong()) {
			System.gc();
			long free = freeBytes.getAsLong();
			if (bytes > free) throw tooLarge(w, h, bytes, free);
		}
	}

	private static long freeHeap() {
		Runtime r = Runtime.getRuntime();
		return r.maxMemory() - (r.totalMemory() - r.freeMemory());
	}

	private static IllegalArgumentException tooLarge(long w, long h, long bytes, long free) {
		return new IllegalArgumentException("The plane is too large to encode whole: " + w + "x" + h + " needs " +
			(bytes >> 20) + " MB" + (free < 0 ? ", more than a Java array holds" : ", but Java has " + (free >> 20) +
				" MB free") + ". Encode it in tiles or crops (the encoding option), which convert only parts of the plane, or give " +
			"Java more memory (Edit > Options > Memory & Threads).");
	}

	@SuppressWarnings("unchecked")
	private static <T> RandomAccessibleInterval<T> cast(RandomAccessibleInterval<?> plane) {
		return (RandomAccessibleInterval<T>) plane;
	}

	private static RgbPlane fromArgb(RandomAccessibleInterval<ARGBType> plane, int w, int h) {
		float[] r = new float[w * h], g = new float[w * h], b = new float[w * h];
		Cursor<ARGBType> c = Views.flatIterable(plane).cursor();
		for (int i = 0; c.hasNext(); i++) {
			int v = c.next().get();
			r[i] = ARGBType.red(v);
			g[i] = ARGBType.green(v);
			b[i] = ARGBType.blue(v);
		}
		return new RgbPlane(w, h, new float[][] { r, g, b }, Double.NaN, Double.NaN);
	}

	private static RgbPlane fromGrey(RandomAccessibleInterval<RealType<?>> plane, int w, int h, Object type,
		IntensityMapping mapping)
	{
		float[] values = new float[w * h];
		Cursor<RealType<?>> c = Views.flatIterable(plane).cursor();
		for (int i = 0; c.hasNext(); i++)
			values[i] = c.next().getRealFloat();
		boolean asIs = mapping.kind() == IntensityMapping.Kind.AUTO && type instanceof UnsignedByteType;
		double min = Double.NaN, max = Double.NaN;
		if (!asIs) {
			double[] range = range(values, mapping, type instanceof UnsignedShortType);
			min = range[0];
			max = range[1];
			mapInPlace(values, min, max);
		}
		else for (int i = 0; i < values.length; i++)
			if (Float.isNaN(values[i])) values[i] = 0;
		return new RgbPlane(w, h, new float[][] { values, values, values }, min, max);
	}

	private static double[] range(float[] values, IntensityMapping mapping, boolean unsignedShort) {
		if (mapping.kind() == IntensityMapping.Kind.FIXED) return new double[] { mapping.low(), mapping.high() };
		return unsignedShort ? Percentiles.ofUnsignedShorts(values, mapping.low(), mapping.high()) : Percentiles.of(
			values, mapping.low(), mapping.high());
	}

	private static void mapInPlace(float[] values, double min, double max) {
		double range = max - min;
		if (!(range > 0)) {
			Arrays.fill(values, 0f);
			return;
		}
		double scale = 255 / range;
		for (int i = 0; i < values.length; i++) {
			float v = values[i];
			if (Float.isNaN(v)) values[i] = 0;
			else values[i] = (float) Math.max(0, Math.min(255, (v - min) * scale));
		}
	}
}
