package io.github.samfiji.engine.decode;

import io.github.samfiji.engine.preprocess.ResizeGeometry;

/**
 * Brings low-resolution mask logits back to the original plane exactly as SAM's {@code postprocess_masks} does:
 * bilinear interpolation (PyTorch {@code align_corners=False}) from {@code size x size} to the model input square,
 * crop to the resized image ({@code scaledWidth x scaledHeight}, dropping the padding), bilinear interpolation to
 * the original {@code width x height}. Each step is separable; only the cropped part of the first step is computed.
 */
public final class MaskUpsampler {

	private MaskUpsampler() {}

	/**
	 * @param lowRes square row-major logits starting at {@code offset}
	 * @return row-major {@code originalWidth x originalHeight} logits
	 */
	public static float[] toPlane(float[] lowRes, int offset, int size, ResizeGeometry g) {
		int input = g.inputSize(), sw = g.scaledWidth(), sh = g.scaledHeight();
		int ow = g.originalWidth(), oh = g.originalHeight();
		// step 1 (size -> input, cropped to sw x sh), then step 2 (sw x sh -> ow x oh), composed per axis
		Axis x1 = new Axis(size, input, sw), y1 = new Axis(size, input, sh);
		Axis x2 = new Axis(sw, ow, ow), y2 = new Axis(sh, oh, oh);
		float[] rows = new float[size * sw];
		for (int r = 0; r < size; r++)
			x1.resample(lowRes, offset + r * size, 1, rows, r * sw, 1);
		float[] scaled = new float[sw * sh];
		for (int c = 0; c < sw; c++)
			y1.resample(rows, c, sw, scaled, c, sw);
		float[] wide = new float[sh * ow];
		for (int r = 0; r < sh; r++)
			x2.resample(scaled, r * sw, 1, wide, r * ow, 1);
		float[] out = new float[ow * oh];
		for (int c = 0; c < ow; c++)
			y2.resample(wide, c, ow, out, c, ow);
		return out;
	}

	/** Linear interpolation weights of one axis, from {@code in} to {@code outFull} samples, first {@code out} kept. */
	private static final class Axis {

		private final int[] lo;
		private final int[] hi;
		private final float[] frac;

		Axis(int in, int outFull, int out) {
			lo = new int[out];
			hi = new int[out];
			frac = new float[out];
			float scale = (float) in / outFull;
			for (int i = 0; i < out; i++) {
				float src = Math.max(0f, scale * (i + 0.5f) - 0.5f);
				int i0 = Math.min((int) src, in - 1);
				lo[i] = i0;
				hi[i] = i0 < in - 1 ? i0 + 1 : i0;
				frac[i] = src - i0;
			}
		}

		void resample(float[] src, int srcStart, int srcStride, float[] dst, int dstStart, int dstStride) {
			for (int i = 0; i < lo.length; i++) {
				float a = src[srcStart + lo[i] * srcStride], b = src[srcStart + hi[i] * srcStride];
				dst[dstStart + i * dstStride] = a + (b - a) * frac[i];
			}
		}
	}
}
