package io.github.samfiji.engine;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What reaches the encoder: the tiny encoder averages 16x16 blocks of each normalised input channel (output channel
 * c is input channel c % 3), so its output shows the normalisation, the channel order, the orientation and the zero
 * padding of the model input.
 */
class EncoderOutputTest {

	private static final float[] MEAN = { 123.675f, 116.28f, 103.53f };
	private static final float[] STD = { 58.395f, 57.12f, 57.375f };
	private static SamModel model;
	private static PromptSegmenter segmenter;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
		segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static float cell(ImageEmbedding e, int channel, int row, int column) {
		return e.tensor(0)[(channel * 64 + row) * 64 + column];
	}

	@Test
	void embeddingHasTheEncoderShapeAndTheGeometry() {
		ImageEmbedding e = segmenter.encode(TestImages.unsignedBytes(640, 480));
		assertEquals(1, e.tensorCount());
		assertArrayEquals(new long[] { 1, 256, 64, 64 }, e.shape(0));
		assertEquals("tiny-box", e.modelId());
		assertEquals(1024, e.geometry().scaledWidth());
		assertEquals(768, e.geometry().scaledHeight());
		assertEquals(4L * 256 * 64 * 64, e.sizeInBytes());
	}

	@Test
	void constantGreyImageIsNormalisedPerChannelAndPaddedWithZeros() {
		// 640x480 -> 1024x768: embedding rows 0-47 cover the image, rows 48-63 the padding
		ImageEmbedding e = segmenter.encode(TestImages.constantBytes(640, 480, 200));
		for (int c = 0; c < 256; c += 5)
			for (int row = 0; row < 64; row += 3)
				for (int col = 0; col < 64; col += 7) {
					float expected = row < 48 ? (200 - MEAN[c % 3]) / STD[c % 3] : 0f;
					assertEquals(expected, cell(e, c, row, col), 1e-4f, "channel " + c + " row " + row + " col " + col);
				}
	}

	@Test
	void argbChannelsReachTheEncoderInRgbOrder() {
		int[] data = new int[64 * 64];
		java.util.Arrays.fill(data, ARGBType.rgba(200, 100, 50, 255));
		RandomAccessibleInterval<ARGBType> image = ArrayImgs.argbs(data, 64, 64);
		ImageEmbedding e = segmenter.encode(image);
		float[] rgb = { 200, 100, 50 };
		for (int c = 0; c < 6; c++)
			assertEquals((rgb[c % 3] - MEAN[c % 3]) / STD[c % 3], cell(e, c, 30, 30), 1e-4f, "channel " + c);
	}

	@Test
	void quadrantsStayInPlaceWithoutResizing() {
		// 1024x1024 needs no resize: each 512x512 quadrant fills exactly 32x32 embedding cells
		byte[] data = new byte[1024 * 1024];
		for (int y = 0; y < 1024; y++)
			for (int x = 0; x < 1024; x++)
				data[y * 1024 + x] = (byte) ((x >= 512 ? 200 : 0) + (y >= 512 ? 50 : 0));
		ImageEmbedding e = segmenter.encode(ArrayImgs.unsignedBytes(data, 1024, 1024));
		float topLeft = (0 - MEAN[0]) / STD[0], topRight = (200 - MEAN[0]) / STD[0];
		float bottomLeft = (50 - MEAN[0]) / STD[0], bottomRight = (250 - MEAN[0]) / STD[0];
		assertEquals(topLeft, cell(e, 0, 31, 31), 1e-5f);
		assertEquals(topRight, cell(e, 0, 31, 32), 1e-5f);
		assertEquals(bottomLeft, cell(e, 0, 32, 31), 1e-5f);
		assertEquals(bottomRight, cell(e, 0, 32, 32), 1e-5f);
		assertEquals(topRight, cell(e, 3, 0, 63), 1e-5f);
	}
}
