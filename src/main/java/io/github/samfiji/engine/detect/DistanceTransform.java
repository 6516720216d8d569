package io.github.samfiji.engine.detect;

/**
 * Exact Euclidean distance transform (Felzenszwalb and Huttenlocher's lower envelope of parabolas, rows then
 * columns): for every pixel of a binary plane, the distance from its centre to the centre of the nearest pixel
 * outside the foreground. By default pixels beyond the plane's edge count as background, so objects touching the
 * border are measured to the border.
 */
public final class DistanceTransform {

	private static final double INF = 1e20;

	private DistanceTransform() {}

	/** Distances (0 on background pixels), row-major; beyond the edge is background. */
	public static float[] of(boolean[] foreground, int width, int height) {
		return of(foreground, width, height, true);
	}

	/**
	 * @param edgeIsBackground whether the pixels beyond the plane's edge are background; when not, a plane without
	 *          background pixels gets distances of about 1e10
	 */
	public static float[] of(boolean[] foreground, int width, int height, boolean edgeIsBackground) {
		double edge = edgeIsBackground ? 0 : INF;
		double[] d = new double[foreground.length];
		double[] line = new double[Math.max(width, height) + 2], out = new double[line.length];
		int[] v = new int[line.length];
		double[] z = new double[line.length + 1];
		for (int y = 0; y < height; y++) { // rows, with one background pixel beyond each end
			line[0] = edge;
			for (int x = 0; x < width; x++) line[x + 1] = foreground[y * width + x] ? INF : 0;
			line[width + 1] = edge;
			envelope(line, width + 2, out, v, z);
			for (int x = 0; x < width; x++) d[y * width + x] = out[x + 1];
		}
		for (int x = 0; x < width; x++) { // columns
			line[0] = edge;
			for (int y = 0; y < height; y++) line[y + 1] = d[y * width + x];
			line[height + 1] = edge;
			envelope(line, height + 2, out, v, z);
			for (int y = 0; y < height; y++) d[y * width + x] = out[y + 1];
		}
		float[] distances = new float[d.length];
		for (int i = 0; i < d.length; i++) distances[i] = (float) Math.sqrt(d[i]);
		return distances;
	}

	/** 1D squared distance transform of {@code f[0..n)} into {@code out}. */
	private static void envelope(double[] f, int n, double[] out, int[] v, double[] z) {
		int k = 0;
		v[0] = 0;
		z[0] = -INF;
		z[1] = INF;
		for (int q = 1; q < n; q++) {
			double s = intersection(f, q, v[k]);
			while (s <= z[k]) s = intersection(f, q, v[--k]);
			v[++k] = q;
			z[k] = s;
			z[k + 1] = INF;
		}
		k = 0;
		for (int q = 0; q < n; q++) {
			while (z[k + 1] < q) k++;
			out[q] = (q - v[k]) * (double) (q - v[k]) + f[v[k]];
		}
	}

	private static double intersection(double[] f, int q, int p) {
		return ((f[q] + q * (double) q) - (f[p] + p * (double) p)) / (2.0 * q - 2.0 * p);
	}
}
