package io.github.samfiji.ij;

import ij.process.LUT;

import java.awt.Color;

/**
 * A glasbey-style lookup table for label images: 0 is black, and consecutive labels get colours far apart in hue
 * (golden-angle steps) with alternating brightness, so that neighbouring objects are told apart.
 */
public final class LabelLut {

	private LabelLut() {}

	public static LUT create() {
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 1; i < 256; i++) {
			Color c = color(i);
			r[i] = (byte) c.getRed();
			g[i] = (byte) c.getGreen();
			b[i] = (byte) c.getBlue();
		}
		return new LUT(r, g, b);
	}

	/** The colour of label {@code label} (> 0). */
	public static Color color(int label) {
		float hue = (float) ((label * 0.618033988749895) % 1.0);
		float saturation = label % 3 == 0 ? 0.55f : 0.85f;
		float brightness = label % 2 == 0 ? 0.75f : 1f;
		return Color.getHSBColor(hue, saturation, brightness);
	}
}
