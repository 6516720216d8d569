package io.github.samfiji.realmodel;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A plain onnxruntime SAM computation that shares no code with the engine: Java2D bicubic resize of the RGB image
 * to the longest side 1024, ImageNet normalisation, zero padding, the bare encoder and decoder sessions, and the
 * prompt conventions of the official {@code SamPredictor} (box {@code [x0, y0, x1, y1]} with inclusive pixel
 * indices, points at pixel indices, coordinates scaled by {@code new / old}). It is the yardstick the engine is
 * compared with.
 */
final class PlainOnnxReference implements AutoCloseable {

	private static final float[] MEAN = { 123.675f, 116.28f, 103.53f };
	private static final float[] STD = { 58.395f, 57.12f, 57.375f };

	private final OrtEnvironment env = OrtEnvironment.getEnvironment();
	private final OrtSession encoder;
	private final OrtSession decoder;

	PlainOnnxReference(Path encoderFile, Path decoderFile) throws OrtException {
		encoder = env.createSession(encoderFile.toString(), new OrtSession.SessionOptions());
		decoder = env.createSession(decoderFile.toString(), new OrtSession.SessionOptions());
	}

	/** An encoded image: embedding and original / resized sizes. */
	static final class Encoded {

		final float[] embedding;
		final int width, height, newWidth, newHeight;

		Encoded(float[] embedding, int width, int height, int newWidth, int newHeight) {
			this.embedding = embedding;
			this.width = width;
			this.height = height;
			this.newWidth = newWidth;
			this.newHeight = newHeight;
		}
	}

	Encoded encode(int[] rgb, int width, int height) throws OrtException {
		double scale = 1024.0 / Math.max(width, height);
		int nw = (int) (width * scale + 0.5), nh = (int) (height * scale + 0.5);
		BufferedImage src = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		src.setRGB(0, 0, width, height, rgb, 0, width);
		BufferedImage dst = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = dst.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.drawImage(src, 0, 0, nw, nh, null);
		g.dispose();
		float[] input = new float[3 * 1024 * 1024];
		for (int y = 0; y < nh; y++)
			for (int x = 0; x < nw; x++) {
				int v = dst.getRGB(x, y);
				int[] c = { (v >> 16) & 255, (v >> 8) & 255, v & 255 };
				for (int ch = 0; ch < 3; ch++)
					input[ch * 1024 * 1024 + y * 1024 + x] = (c[ch] - MEAN[ch]) / STD[ch];
			}
		try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] { 1, 3, 1024, 1024 });
			OrtSession.Result r = encoder.run(Collections.singletonMap("input", t)))
		{
			FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
			float[] emb = new float[fb.remaining()];
			fb.get(emb);
			return new Encoded(emb, width, height, nw, nh);
		}
	}

	/** Mask (row-major, true = object) for a box of inclusive pixel indices, as SamPredictor takes it. */
	boolean[] box(Encoded e, int x0, int y0, int x1, int y1) throws OrtException {
		float sx = e.newWidth / (float) e.width, sy = e.newHeight / (float) e.height;
		return decode(e, new float[] { x0 * sx, y0 * sy, x1 * sx, y1 * sy }, new float[] { 2, 3 });
	}

	/** Mask for one positive point at pixel indices {@code (x, y)}, with SamPredictor's padding point. */
	boolean[] point(Encoded e, int x, int y) throws OrtException {
		float sx = e.newWidth / (float) e.width, sy = e.newHeight / (float) e.height;
		return decode(e, new float[] { x * sx, y * sy, 0, 0 }, new float[] { 1, -1 });
	}

	private boolean[] decode(Encoded e, float[] coords, float[] labels) throws OrtException {
		Map<String, OnnxTensor> in = new HashMap<>();
		try {
			in.put("image_embeddings", OnnxTensor.createTensor(env, FloatBuffer.wrap(e.embedding), new long[] { 1, 256,
				64, 64 }));
			in.put("point_coords", OnnxTensor.createTensor(env, FloatBuffer.wrap(coords), new long[] { 1, labels.length,
				2 }));
			in.put("point_labels", OnnxTensor.createTensor(env, FloatBuffer.wrap(labels), new long[] { 1,
				labels.length }));
			in.put("mask_input", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[256 * 256]), new long[] { 1, 1,
				256, 256 }));
			in.put("has_mask_input", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { 0 }), new long[] {
				1 }));
			in.put("orig_im_size", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] { e.height, e.width }),
				new long[] { 2 }));
			try (OrtSession.Result r = decoder.run(in)) {
				FloatBuffer fb = ((OnnxTensor) r.get("masks").get()).getFloatBuffer();
				boolean[] mask = new boolean[e.width * e.height];
				for (int i = 0; i < mask.length; i++)
					mask[i] = fb.get(i) > 0;
				return mask;
			}
		}
		finally {
			for (OnnxTensor t : in.values()) t.close();
		}
	}

	@Override
	public void close() throws OrtException {
		encoder.close();
		decoder.close();
	}
}
