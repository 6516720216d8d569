package io.github.samfiji.engine.decode;

import io.github.samfiji.engine.model.ModelDescriptor.MaskUpsampling;
import io.github.samfiji.engine.preprocess.ResizeGeometry;

/**
 * Brings low-resolution mask logits back to the original plane as the reference implementations post-process them:
 * <ul>
 * <li>longest side with padding (SAM's {@code postprocess_masks}): bilinear interpolation from {@code size x size}
 * to the model input square, crop to the resized image ({@code scaledWidth x scaledHeight}, dropping the padding),
 * bilinear interpolation to the original {@code width x height};</li>
 * <li>stretched input (SAM2's {@code postprocess_masks}, MedSAM's inference script): one bilinear interpolation from
 * {@code size x size} straight to {@code width x height}.</li>
 * </ul>
 * Bilinear is PyTorch's {@code F.interpolate(mode="bilinear", align_corners=False)}: output index {@code o} samples
 * the input at {@code max(0, (o + 0.5) * in / out - 0.5)}. Each step is separable; only the cropped part of the
 * first step is computed.
 */
public final class MaskUpsampler {

	private MaskUpsampler() {}

	/**
	 * Logits upsampled as logits.
	 *
	 * @param lowRes square row-major logits starting at {@code offset}
	 * @return row-major {@code originalWidth x originalHeight} logits
	 */
	public static float[] toPlane(float[] lowRes, int offset, int size, ResizeGeometry g) {
		return toPlane(lowRes, offset, size, g, MaskUpsampling.LOGITS);
	}

	/**
	 * @param mode {@link MaskUpsampling#PROBABILITIES} interpolates {@code sigmoid(logit)} and returns the logit of
	 *          the result, so that threshold 0 on the output equals threshold 0.5 on interpolated probabilities
	 */
	public static float[] toPlane(float[] lowRes, int offset, int size, ResizeGeometry g, MaskUpsampling mode) {
		float[] src = lowRes;
		if (mode == MaskUpsampling.PROBABILITIES) {
			src = new float[size * size];
			for (int i = 0; i < src.length; i++)
				src[i] = (float) (1 / (1 + Math.exp(-lowRes[offset + i])));
			offset = 0;
		}
		int ow = g.originalWidth(), oh = g.originalHeight();
		float[] out;
		if (g.stretched()) out = resample(src, offset, size, size, new Axis(size, ow, ow), new Axis(size, oh, oh));
		else {
			int input = g.inputSize(), sw = g.scaledWidth(), sh = g.scaledHeight();
			// step 1 (size -> input, cropped to sw x sh), then step 2 (sw x sh -> ow x oh)
			float[] scaled = resample(src, offset, size, size, new Axis(size, input, sw), new Axis(size, input, sh));
			out = resample(scaled, 0, sw, sh, new Axis(sw, ow, ow), new Axis(sh, oh, oh));
		}
		if (mode == MaskUpsampling.PROBABILITIES) for (int i = 0; i < out.length; i++)
			out[i] = (float) Math.log(out[i] / (1.0 - out[i]));
		return out;
	}

	/** PyTorch's bilinear resize ({@code align_corners=False}) of a row-major {@code sw x sh} plane. */
	public static float[] bilinear(float[] src, int sw, int sh, int dw, int dh) {
		return resample(src, 0, sw, sh, new Axis(sw, dw, dw), new Axis(sh, dh, dh));
	}

	/** Rows with {@code x}, then columns with {@code y}. */
	private static float[] resample(float[] src, int offset, int w, int h, Axis x, Axis y) {
		int ow = x.size(), oh = y.size();
		float[] rows = new float[h * ow];
		for (int r = 0; r < h; r++)
			x.resample(src, offset + r * w, 1, rows, r * ow, 1);
		float[] out = new float[ow * oh];
		for (int c = 0; c < ow; c++)
			y.resample(rows, c, ow, out, c, ow);
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

		int size() { return lo.length; }

		void resample(float[] src, int srcStart, int srcStride, float[] dst, int dstStart, int dstStride) {
			for (int i = 0; i < lo.length; i++) {
				float a = src[srcStart + lo[i] * srcStride], b = src[srcStart + hi[i] * srcStride];
				dst[dstStart + i * dstStride] = a + (b - a) * frac[i];
			}
		}
	}
}
