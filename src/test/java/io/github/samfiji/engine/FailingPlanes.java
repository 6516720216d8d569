package io.github.samfiji.engine;

import io.github.samfiji.engine.plane.PlaneSource;

import java.util.function.Supplier;

import net.imglib2.RandomAccessibleInterval;

/**
 * A plane source that throws an injected error (e.g. {@link OutOfMemoryError}) every time one plane is read, as a
 * model run that runs out of memory on that plane would; the other planes come from the wrapped source.
 */
final class FailingPlanes implements PlaneSource {

	private final PlaneSource planes;
	private final int failingPlane;
	private final Supplier<? extends RuntimeException> runtimeFailure;
	private final Supplier<? extends Error> errorFailure;

	private FailingPlanes(PlaneSource planes, int failingPlane, Supplier<? extends RuntimeException> runtimeFailure,
		Supplier<? extends Error> errorFailure)
	{
		this.planes = planes;
		this.failingPlane = failingPlane;
		this.runtimeFailure = runtimeFailure;
		this.errorFailure = errorFailure;
	}

	static FailingPlanes error(PlaneSource planes, int failingPlane, Supplier<? extends Error> failure) {
		return new FailingPlanes(planes, failingPlane, null, failure);
	}

	static FailingPlanes exception(PlaneSource planes, int failingPlane,
		Supplier<? extends RuntimeException> failure)
	{
		return new FailingPlanes(planes, failingPlane, failure, null);
	}

	@Override
	public int width() { return planes.width(); }

	@Override
	public int height() { return planes.height(); }

	@Override
	public int planeCount() { return planes.planeCount(); }

	@Override
	public RandomAccessibleInterval<?> plane(int index) {
		if (index == failingPlane) {
			if (errorFailure != null) throw errorFailure.get();
			throw runtimeFailure.get();
		}
		return planes.plane(index);
	}
}
