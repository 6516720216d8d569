package io.github.samfiji.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.samfiji.engine.TestImages;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

/** A crop converted with the whole plane's resolved range has exactly the whole plane's values. */
class PlaneRangeTest {

	private static final int W = 97, H = 61;

	private static RandomAccessibleInterval<?> crop(RandomAccessibleInterval<?> plane) {
		return Views.zeroMin(Views.interval(plane, new FinalInterval(new long[] { 10, 20 }, new long[] { 39, 35 })));
	}

	private static void assertSameAsWholePlane(RandomAccessibleInterval<?> plane, IntensityMapping mapping) {
		RgbPlane whole = PlaneConverter.toRgb(plane, mapping);
		RgbPlane part = PlaneConverter.toRgb(crop(plane), PlaneRange.fixedFor(plane, mapping));
		for (int y = 0; y < 16; y++)
			for (int x = 0; x < 30; x++)
				for (int c = 0; c < 3; c++)
					assertEquals(whole.channel(c)[(y + 20) * W + x + 10], part.channel(c)[y * 30 + x], 0f, "pixel " + x + "," +
						y);
	}

	@Test
	void sixteenAndThirtyTwoBitCropsMapLikeTheirPlane() {
		assertSameAsWholePlane(TestImages.unsignedShorts(W, H), IntensityMapping.auto());
		assertSameAsWholePlane(TestImages.floats(W, H), IntensityMapping.auto());
		assertSameAsWholePlane(TestImages.floats(W, H), IntensityMapping.percentiles(2, 98));
		assertSameAsWholePlane(TestImages.unsignedShorts(W, H), IntensityMapping.fixed(100, 30000));
		// mapped on their own, crops would differ
		RandomAccessibleInterval<?> plane = TestImages.unsignedShorts(W, H);
		assertNotEquals(PlaneRange.fixedFor(plane, IntensityMapping.auto()), PlaneRange.fixedFor(crop(plane),
			IntensityMapping.auto()));
	}

	@Test
	void mappingsWithoutStatisticsAreKeptAndConstantPlanesMapToZero() {
		IntensityMapping fixed = IntensityMapping.fixed(0, 10);
		assertSame(fixed, PlaneRange.fixedFor(TestImages.floats(W, H), fixed));
		IntensityMapping auto = IntensityMapping.auto();
		assertSame(auto, PlaneRange.fixedFor(TestImages.unsignedBytes(W, H), auto));
		assertSame(auto, PlaneRange.fixedFor(TestImages.argbs(W, H), auto));
		assertSameAsWholePlane(TestImages.unsignedBytes(W, H), auto);
		assertSameAsWholePlane(TestImages.argbs(W, H), auto);
		assertSameAsWholePlane(TestImages.constantBytes(W, H, 7), IntensityMapping.percentiles(1, 99));
		assertEquals(0f, PlaneConverter.toRgb(TestImages.constantBytes(W, H, 7), PlaneRange.fixedFor(TestImages
			.constantBytes(W, H, 7), IntensityMapping.percentiles(1, 99))).channel(0)[5], 0f);
	}
}
