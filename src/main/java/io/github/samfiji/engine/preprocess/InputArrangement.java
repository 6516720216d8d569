package io.github.samfiji.engine.preprocess;

import io.github.samfiji.engine.model.Preprocessing.InputLayout;

/**
 * Puts three normalised, row-major {@code w x h} channels into the encoder's input tensor as a
 * {@link InputLayout} says: channel-first and zero-padded to the square input, channels last without padding, or
 * channel-first at the plane's own size.
 */
final class InputArrangement {

	private InputArrangement() {}

	/** The tensor and its shape for {@code layout}; {@code size} is the square input side (used by PADDED only). */
	static ModelInput.Tensor arrange(InputLayout layout, float[][] channels, int w, int h, int size) {
		switch (layout) {
			case PADDED: return padded(channels, w, h, size);
			case RESIZED_HWC: return channelsLast(channels, w, h);
			case ORIGINAL: return new ModelInput.Tensor(planar(channels, w, h, w, h), new long[] { 1, 3, h, w });
			default: throw new IllegalArgumentException("Unknown input layout " + layout);
		}
	}

	/** {@code [1, 3, size, size]}, the image top-left, zeros elsewhere. */
	private static ModelInput.Tensor padded(float[][] channels, int w, int h, int size) {
		return new ModelInput.Tensor(planar(channels, w, h, size, size), new long[] { 1, 3, size, size });
	}

	/** Channel-major planes of {@code tw x th}, the {@code w x h} image at the top left. */
	private static float[] planar(float[][] channels, int w, int h, int tw, int th) {
		float[] tensor = new float[3 * tw * th];
		for (int c = 0; c < 3; c++) {
			int offset = c * tw * th;
			for (int y = 0; y < h; y++)
				System.arraycopy(channels[c], y * w, tensor, offset + y * tw, w);
		}
		return tensor;
	}

	/** {@code [h, w, 3]}: R, G, B of each pixel together, row-major. */
	private static ModelInput.Tensor channelsLast(float[][] channels, int w, int h) {
		float[] tensor = new float[3 * w * h];
		for (int i = 0; i < w * h; i++)
			for (int c = 0; c < 3; c++)
				tensor[3 * i + c] = channels[c][i];
		return new ModelInput.Tensor(tensor, new long[] { h, w, 3 });
	}
}
