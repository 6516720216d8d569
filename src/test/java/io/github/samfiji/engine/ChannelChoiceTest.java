package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.preprocess.IntensityMapping;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;

import org.junit.jupiter.api.Test;

/** Channel choice on a (c=3, z=2, t=2) hyperstack of 4x3 8-bit planes whose value encodes c, z and t. */
class ChannelChoiceTest {

	private static final PlaneAxes AXES = PlaneAxes.hyperstack(3, 2, 2);

	/** Pixel (x, y) of channel c, slice z, frame t holds 50 * c + 10 * z + t + x. */
	private static PlaneSource hyperstack() {
		byte[] data = new byte[4 * 3 * 12];
		for (int i = 1; i <= 12; i++) {
			int c = AXES.coordinate(i, "c"), z = AXES.coordinate(i, "z"), t = AXES.coordinate(i, "t");
			for (int p = 0; p < 12; p++)
				data[(i - 1) * 12 + p] = (byte) (50 * c + 10 * z + t + p % 4);
		}
		return PlaneSource.stack(ArrayImgs.unsignedBytes(data, 4, 3, 12));
	}

	private static double grey(RandomAccessibleInterval<?> plane, int x, int y) {
		RandomAccess<?> a = plane.randomAccess();
		a.setPosition(new long[] { x, y });
		return ((RealType<?>) a.get()).getRealDouble();
	}

	@Test
	void oneChannelIsItsZtPlanesInZFirstOrder() {
		PlaneSource green = ChannelChoice.parse("2").apply(hyperstack(), AXES, IntensityMapping.auto());
		assertEquals(4, green.planeCount());
		assertEquals(100 + 10 + 1, grey(green.plane(1), 0, 0));
		assertEquals(100 + 20 + 1 + 3, grey(green.plane(2), 3, 2));
		assertEquals(100 + 10 + 2, grey(green.plane(3), 0, 1));
		assertEquals(100 + 20 + 2, grey(green.plane(4), 0, 0));
	}

	@Test
	void aSingleChannelIsAViewNotACopy() {
		PlaneSource all = hyperstack();
		PlaneSource red = ChannelChoice.single(1).apply(all, AXES, IntensityMapping.auto());
		RandomAccess<?> a = all.plane(4).randomAccess(); // c=1, z=2, t=1
		a.setPosition(new long[] { 1, 1 });
		((RealType<?>) a.get()).setReal(7);
		assertEquals(7, grey(red.plane(2), 1, 1));
	}

	@Test
	void aCompositeStacksMappedChannelsAsRgb() {
		PlaneSource rgb = ChannelChoice.parse("3+1").apply(hyperstack(), AXES, IntensityMapping.auto());
		RandomAccess<ARGBType> a = ((RandomAccessibleInterval<ARGBType>) rgb.plane(4)).randomAccess();
		a.setPosition(new long[] { 2, 0 });
		int v = a.get().get();
		assertEquals(150 + 20 + 2 + 2, ARGBType.red(v), "channel 3, z 2, t 2 (8-bit auto: as it is)");
		assertEquals(50 + 20 + 2 + 2, ARGBType.green(v), "channel 1");
		assertEquals(0, ARGBType.blue(v));
	}

	@Test
	void viewPlanesAndAxesDropTheChannel() {
		ChannelChoice two = ChannelChoice.single(2);
		assertEquals("z=2 x t=2", two.axesOf(AXES).toString());
		assertEquals(1, two.viewPlane(1, AXES));
		assertEquals(2, two.viewPlane(5, AXES), "c=2, z=2, t=1");
		assertEquals(4, two.viewPlane(12, AXES));
		assertSame(AXES, ChannelChoice.all().axesOf(AXES));
		assertEquals(9, ChannelChoice.all().viewPlane(9, AXES));
	}

	@Test
	void aMissingChannelOrTooManyAreRefusedClearly() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChannelChoice.single(4).apply(
			hyperstack(), AXES, IntensityMapping.auto()));
		assertEquals("Channel 4 does not exist: the image has 3 channel(s); choose 1-3", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ChannelChoice.parse("1,2,3,4"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ChannelChoice.parse("red")).getMessage().contains(
			"use all, one channel number"));
	}
}
