package io.github.samfiji.engine.region;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.model.Preprocessing;
import io.github.samfiji.engine.prompt.LowResMask;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * Low-resolution masks move between region frames by exact coordinate arithmetic: a map that is linear in the cell
 * position is resampled bilinearly without error, so the expected values are written down directly.
 */
class LowResFramesTest {

	private static Preprocessing sam() throws IOException {
		return TinyModels.descriptor(TinyModels.BOX).preprocessing();
	}

	/** Logit = column index u of the 256 grid. */
	private static LowResMask ramp() {
		float[] l = new float[256 * 256];
		for (int v = 0; v < 256; v++)
			for (int u = 0; u < 256; u++)
				l[v * 256 + u] = u;
		return new LowResMask(256, l);
	}

	@Test
	void fromTheWholePlaneIntoACrop() throws IOException {
		// whole 2048 x 2048 plane at scale 1/2; crop 1024 x 1024 at (512, 256) at scale 1. Target cell u has its
		// centre at 4u + 2 in the crop, 4u + 514 in the plane, 2u + 257 in the source model frame: source cell
		// (2u + 257) / 4 - 0.5 = u / 2 + 63.75, inside the source image up to plane x 2048.
		LowResMask m = LowResFrames.into(ramp(), new Region(Region.Kind.CROP, 2048, 2048, 512, 256, 1024, 1024), sam());
		assertArrayEquals(new int[] { 512, 256, 1024, 1024 }, m.frame());
		for (int u = 0; u < 256; u++)
			assertEquals(u / 2.0 + 63.75, m.logits()[100 * 256 + u], 1e-4, "cell " + u);
	}

	@Test
	void fromACropIntoTheWholePlaneWithBackgroundOutside() throws IOException {
		// crop 1024 x 1024 at (1024, 0) of a 2048 x 1024 plane; whole plane at scale 1/2. Target cell u: plane
		// x = 8u + 4, crop x = 8u - 1020, source cell 2u - 255.5; outside the crop (u < 128) -> background 0
		LowResMask inCrop = ramp().inFrame(1024, 0, 1024, 1024);
		LowResMask m = LowResFrames.into(inCrop, Region.whole(2048, 1024), sam());
		assertNull(m.frame());
		assertEquals(0, m.logits()[10 * 256 + 100], 0f);
		assertEquals(2 * 200 - 255.5, m.logits()[10 * 256 + 200], 1e-4);
		assertEquals(0, m.logits()[200 * 256 + 200], 0f, "below the plane: padding");
	}

	@Test
	void aMaskAlreadyInTheRegionsFrameIsPassedOn() throws IOException {
		LowResMask whole = ramp();
		assertSame(whole, LowResFrames.into(whole, Region.whole(500, 400), sam()));
		LowResMask crop = ramp().inFrame(5, 6, 1024, 1024);
		LowResMask same = LowResFrames.into(crop, new Region(Region.Kind.TILE, 2000, 2000, 5, 6, 1024, 1024), sam());
		assertSame(crop.logits(), same.logits());
	}
}
