package io.github.samfiji.engine.region;

import io.github.samfiji.engine.model.Preprocessing;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.LowResMask;

/**
 * Moves low-resolution mask logits from the model frame of one region of a plane to that of another, so that a
 * previous prediction can prompt a decoder run on another crop, tile or the whole plane. Each target cell is
 * sampled bilinearly at its centre's position in the source frame (continuous coordinates through both regions'
 * {@link ResizeGeometry}); cells that fall outside the source's image take the source's lowest logit (background).
 */
public final class LowResFrames {

	private LowResFrames() {}

	/** {@code mask} in the frame of {@code target}: the mask itself when its frame is that region. */
	public static LowResMask into(LowResMask mask, Region target, Preprocessing preprocessing) {
		int[] from = mask.frame();
		if (from == null) from = new int[] { 0, 0, target.planeWidth(), target.planeHeight() };
		if (from[0] == target.x() && from[1] == target.y() && from[2] == target.width() && from[3] == target.height())
			return frameOf(mask, target);
		ResizeGeometry src = ResizeGeometry.of(from[2], from[3], preprocessing);
		ResizeGeometry dst = ResizeGeometry.of(target.width(), target.height(), preprocessing);
		int n = mask.size();
		float[] in = mask.logits(), out = new float[n * n];
		float background = Float.POSITIVE_INFINITY;
		for (float v : in)
			background = Math.min(background, v);
		double cell = src.inputSize() / (double) n;
		for (int v = 0; v < n; v++) {
			double planeY = dst.toOriginalY((v + 0.5) * cell) + target.y();
			double sy = src.toModelY(planeY - from[1]);
			for (int u = 0; u < n; u++) {
				double planeX = dst.toOriginalX((u + 0.5) * cell) + target.x();
				double sx = src.toModelX(planeX - from[0]);
				boolean inside = sx >= 0 && sy >= 0 && sx <= src.scaledWidth() && sy <= src.scaledHeight();
				out[v * n + u] = inside ? bilinear(in, n, sx / cell - 0.5, sy / cell - 0.5) : background;
			}
		}
		return frameOf(new LowResMask(n, out), target);
	}

	/** The mask marked with the region's frame (unmarked for the whole plane). */
	public static LowResMask frameOf(LowResMask mask, Region region) {
		if (region.isWholePlane()) return mask.frame() == null ? mask : new LowResMask(mask.size(), mask.logits());
		return mask.inFrame(region.x(), region.y(), region.width(), region.height());
	}

	/** Bilinear sample at cell coordinates {@code (u, v)}, clamped to the map's edge cells. */
	private static float bilinear(float[] map, int n, double u, double v) {
		u = Math.max(0, Math.min(n - 1, u));
		v = Math.max(0, Math.min(n - 1, v));
		int u0 = (int) Math.floor(u), v0 = (int) Math.floor(v);
		int u1 = Math.min(n - 1, u0 + 1), v1 = Math.min(n - 1, v0 + 1);
		double fu = u - u0, fv = v - v0;
		double top = map[v0 * n + u0] * (1 - fu) + map[v0 * n + u1] * fu;
		double bottom = map[v1 * n + u0] * (1 - fu) + map[v1 * n + u1] * fu;
		return (float) (top * (1 - fv) + bottom * fv);
	}
}
