package io.github.samfiji.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.model.Preprocessing;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;

import org.junit.jupiter.api.Test;

/** The encoder input tensor: [1, 3, S, S] channel-major, (v - mean) / std per channel, zero padding. */
class ImagePreprocessorTest {

	private static final Preprocessing SAM = Preprocessing.samDefault();

	/** Input size 8, mean and std chosen so that normalised values are exact. */
	private static Preprocessing small(Preprocessing.ResizeRule rule) {
		return new Preprocessing(8, rule, new float[] { 10, 20, 30 }, new float[] { 2, 4, 5 });
	}

	@Test
	void tensorLayoutIsChannelRowColumnWithZeroPadding() {
		// 8x4 fits the 8x8 input without resizing; rows 4-7 are padding
		int[] argb = new int[8 * 4];
		for (int y = 0; y < 4; y++)
			for (int x = 0; x < 8; x++)
				argb[y * 8 + x] = ARGBType.rgba(10 + 2 * x, 20 + 4 * y, 30 + 5 * (x + y), 255);
		ModelInput in = new ImagePreprocessor(small(Preprocessing.ResizeRule.LONGEST_SIDE)).prepare(ArrayImgs.argbs(
			argb, 8, 4), IntensityMapping.auto());

		assertArrayEquals(new long[] { 1, 3, 8, 8 }, in.shape());
		float[] t = in.tensor();
		assertEquals(3 * 64, t.length);
		for (int y = 0; y < 8; y++)
			for (int x = 0; x < 8; x++) {
				boolean image = y < 4;
				assertEquals(image ? x : 0f, t[0 * 64 + y * 8 + x], 0f, "red at " + x + "," + y);
				assertEquals(image ? y : 0f, t[1 * 64 + y * 8 + x], 0f, "green at " + x + "," + y);
				assertEquals(image ? x + y : 0f, t[2 * 64 + y * 8 + x], 0f, "blue at " + x + "," + y);
			}
	}

	@Test
	void constantRgbIsNormalisedPerChannel() {
		int[] argb = new int[5 * 3];
		Arrays.fill(argb, ARGBType.rgba(50, 60, 70, 0));
		ModelInput in = new ImagePreprocessor(small(Preprocessing.ResizeRule.STRETCH)).prepare(ArrayImgs.argbs(argb, 5,
			3), IntensityMapping.auto());
		// stretched to fill 8x8: no padding, every value (v - mean) / std
		float[] t = in.tensor();
		for (int i = 0; i < 64; i++) {
			assertEquals(20f, t[i], 1e-4f);
			assertEquals(10f, t[64 + i], 1e-4f);
			assertEquals(8f, t[128 + i], 1e-4f);
		}
	}

	@Test
	void samProfileOnAnArgbImageThatNeedsNoResize() {
		int w = 1024, h = 600;
		int[] argb = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				argb[y * w + x] = ARGBType.rgba(x % 256, y % 256, (x + y) % 256, 255);
		ModelInput in = new ImagePreprocessor(SAM).prepare(ArrayImgs.argbs(argb, w, h), IntensityMapping.auto());

		float[] mean = SAM.pixelMean(), std = SAM.pixelStd();
		float[] t = in.tensor();
		int s = 1024;
		for (int y = 0; y < s; y += 7)
			for (int x = 0; x < s; x += 5) {
				int[] rgb = { x % 256, y % 256, (x + y) % 256 };
				for (int c = 0; c < 3; c++) {
					float expected = y < h ? (rgb[c] - mean[c]) / std[c] : 0f;
					assertEquals(expected, t[c * s * s + y * s + x], 1e-6f, "channel " + c + " at " + x + "," + y);
				}
			}
	}

	@Test
	void paddingRightOfAPortraitImageIsExactlyZero() {
		// 200x300 -> 683x1024: columns 683-1023 are padding
		ModelInput in = new ImagePreprocessor(SAM).prepare(ArrayImgs.unsignedBytes(200, 300), IntensityMapping.auto());
		assertEquals(683, in.geometry().scaledWidth());
		float[] t = in.tensor();
		float[] mean = SAM.pixelMean(), std = SAM.pixelStd();
		for (int c = 0; c < 3; c++)
			for (int y = 0; y < 1024; y++) {
				int row = c * 1024 * 1024 + y * 1024;
				assertEquals(-mean[c] / std[c], t[row], 1e-5f);
				assertEquals(-mean[c] / std[c], t[row + 682], 1e-5f);
				for (int x = 683; x < 1024; x++)
					if (t[row + x] != 0f) throw new AssertionError("padding at " + x + "," + y + " is " + t[row + x]);
			}
	}

	@Test
	void greyPlaneIsRepeatedOnAllChannelsThenNormalised() {
		byte[] grey = new byte[1024 * 4];
		for (int i = 0; i < grey.length; i++)
			grey[i] = (byte) (i % 256);
		ModelInput in = new ImagePreprocessor(SAM).prepare(ArrayImgs.unsignedBytes(grey, 1024, 4), IntensityMapping
			.auto());
		float[] mean = SAM.pixelMean(), std = SAM.pixelStd();
		float[] t = in.tensor();
		for (int c = 0; c < 3; c++)
			for (int x = 0; x < 1024; x++)
				assertEquals((x % 256 - mean[c]) / std[c], t[c * 1024 * 1024 + 2 * 1024 + x], 1e-6f);
	}

	@Test
	void geometryAndMappedRangeAreReported() {
		ModelInput grey8 = new ImagePreprocessor(SAM).prepare(ArrayImgs.unsignedBytes(64, 48), IntensityMapping.auto());
		assertEquals(ResizeGeometry.of(64, 48, SAM), grey8.geometry());
		assertTrue(Double.isNaN(grey8.mappedMin()));
		assertTrue(Double.isNaN(grey8.mappedMax()));
		ModelInput fixed = new ImagePreprocessor(SAM).prepare(ArrayImgs.unsignedShorts(64, 48), IntensityMapping.fixed(
			100, 900));
		assertEquals(100, fixed.mappedMin(), 0);
		assertEquals(900, fixed.mappedMax(), 0);
	}

	@Test
	void minMaxNormalisationStretchesTheResizedImageToZeroOne() {
		// MedSAM's profile: values (v - min) / (max - min) over all channels, then mean 0 and std 1
		int[] argb = new int[8 * 8];
		for (int i = 0; i < argb.length; i++)
			argb[i] = ARGBType.rgba(50 + i, 60 + i, 70 + i, 255);
		Preprocessing minMax = new Preprocessing(8, Preprocessing.ResizeRule.STRETCH, Preprocessing.Normalization.MIN_MAX,
			new float[] { 0, 0, 0 }, new float[] { 1, 1, 1 });
		float[] t = new ImagePreprocessor(minMax).prepare(ArrayImgs.argbs(argb, 8, 8), IntensityMapping.auto()).tensor();
		// min is red of pixel 0 (50), max blue of pixel 63 (133)
		assertEquals(0f, t[0], 1e-6f);
		assertEquals(1f, t[2 * 64 + 63], 1e-6f);
		assertEquals((60 + 5 - 50) / 83f, t[64 + 5], 1e-6f);
		float[] constant = new ImagePreprocessor(minMax).prepare(io.github.samfiji.engine.TestImages.constantBytes(8, 8,
			7), IntensityMapping.auto()).tensor();
		for (float v : constant) assertEquals(0f, v, 0f);
	}
	@Test
	void resizedHwcLayoutIsChannelsLastWithoutPadding() {
		int[] argb = new int[8 * 4];
		for (int y = 0; y < 4; y++)
			for (int x = 0; x < 8; x++)
				argb[y * 8 + x] = ARGBType.rgba(10 + 2 * x, 20 + 4 * y, 30 + 5 * (x + y), 255);
		Preprocessing hwc = new Preprocessing(8, Preprocessing.ResizeRule.LONGEST_SIDE, Preprocessing.Normalization.MEAN_STD,
			new float[] { 10, 20, 30 }, new float[] { 2, 4, 5 }, Preprocessing.InputLayout.RESIZED_HWC);
		ModelInput in = new ImagePreprocessor(hwc).prepare(ArrayImgs.argbs(argb, 8, 4), IntensityMapping.auto());
		assertArrayEquals(new long[] { 4, 8, 3 }, in.shape(), "[h, w, 3]: no batch, no padding");
		float[] t = in.tensor();
		assertEquals(3 * 8 * 4, t.length);
		for (int y = 0; y < 4; y++)
			for (int x = 0; x < 8; x++) {
				int i = 3 * (y * 8 + x);
				assertEquals(x, t[i], 0f, "red at " + x + "," + y);
				assertEquals(y, t[i + 1], 0f, "green at " + x + "," + y);
				assertEquals(x + y, t[i + 2], 0f, "blue at " + x + "," + y);
			}
		assertEquals(ResizeGeometry.of(8, 4, SAM).withInputSize(8), in.geometry());
	}

	@Test
	void originalLayoutKeepsThePlaneSizeAndTheStretchedGeometry() {
		int[] argb = new int[5 * 3];
		for (int i = 0; i < argb.length; i++)
			argb[i] = ARGBType.rgba(i, 2 * i, 255 - i, 255);
		Preprocessing original = new Preprocessing(8, Preprocessing.ResizeRule.STRETCH,
			Preprocessing.Normalization.MEAN_STD, new float[3], new float[] { 255, 255, 255 },
			Preprocessing.InputLayout.ORIGINAL);
		ModelInput in = new ImagePreprocessor(original).prepare(ArrayImgs.argbs(argb, 5, 3), IntensityMapping.auto());
		assertArrayEquals(new long[] { 1, 3, 3, 5 }, in.shape(), "[1, 3, H, W] of the plane itself");
		float[] t = in.tensor();
		for (int i = 0; i < 15; i++) {
			assertEquals(i / 255f, t[i], 1e-7f);
			assertEquals(2 * i / 255f, t[15 + i], 1e-7f);
			assertEquals((255 - i) / 255f, t[30 + i], 1e-7f);
		}
		assertTrue(in.geometry().stretched());
		assertEquals(8, in.geometry().inputSize(), "prompts still map into the graph's stretched frame");
	}
}
