package io.github.samfiji.engine.region;

import io.github.samfiji.engine.cache.EmbeddingKey;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * A rectangle of a {@code planeWidth x planeHeight} plane that is encoded on its own: the whole plane, a
 * prompt-local crop or a tile. Prompts are moved into it by {@link #toLocal}, masks back into the plane by
 * {@link #toPlane}; both are exact integer shifts, so the geometry inside the region is the model's usual
 * {@code ResizeGeometry} of a {@code width x height} image. Immutable.
 * <p>
 * An edge of the region that lies on the plane's border is an <em>outer</em> edge; the others are <em>inner</em>
 * edges, where the region cuts the image and the model sees no context beyond.
 * <p>
 * Regions are equal when their rectangles in the same plane size are: the {@link Kind} only says how the region
 * was chosen, and equal rectangles have equal embeddings.
 */
public final class Region {

	/** How a region was chosen; reported in the results table, irrelevant to its embedding. */
	public enum Kind { WHOLE, CROP, TILE }

	private final Kind kind;
	private final int planeWidth;
	private final int planeHeight;
	private final int x;
	private final int y;
	private final int width;
	private final int height;

	/**
	 * @throws IllegalArgumentException when the rectangle is empty or leaves the plane
	 */
	public Region(Kind kind, int planeWidth, int planeHeight, int x, int y, int width, int height) {
		if (width <= 0 || height <= 0 || x < 0 || y < 0 || x + width > planeWidth || y + height > planeHeight)
			throw new IllegalArgumentException("Region " + x + "," + y + " " + width + "x" + height +
				" does not fit a " + planeWidth + "x" + planeHeight + " plane");
		boolean whole = x == 0 && y == 0 && width == planeWidth && height == planeHeight;
		this.kind = whole ? Kind.WHOLE : kind == Kind.WHOLE ? Kind.CROP : kind;
		this.planeWidth = planeWidth;
		this.planeHeight = planeHeight;
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
	}

	public static Region whole(int planeWidth, int planeHeight) {
		return new Region(Kind.WHOLE, planeWidth, planeHeight, 0, 0, planeWidth, planeHeight);
	}

	/**
	 * The region named by an embedding key's region ({@code "crop:x,y,w,h"}, or {@link EmbeddingKey#WHOLE_PLANE}),
	 * or null when the name is not one of those or does not fit the plane.
	 */
	public static Region fromKey(String key, int planeWidth, int planeHeight) {
		if (EmbeddingKey.WHOLE_PLANE.equals(key)) return whole(planeWidth, planeHeight);
		return key.startsWith("crop:") ? parse(Kind.CROP, key.substring(5), planeWidth, planeHeight) : null;
	}

	/**
	 * The region a {@link #label()} names ({@code whole}, {@code crop:x,y,w,h} or {@code tile:x,y,w,h}) in a
	 * {@code planeWidth x planeHeight} plane, or null when the label is not one of those or does not fit the plane.
	 */
	public static Region fromLabel(String label, int planeWidth, int planeHeight) {
		if (label == null) return null;
		if (label.equals("whole")) return whole(planeWidth, planeHeight);
		if (label.startsWith("crop:")) return parse(Kind.CROP, label.substring(5), planeWidth, planeHeight);
		if (label.startsWith("tile:")) return parse(Kind.TILE, label.substring(5), planeWidth, planeHeight);
		return null;
	}

	private static Region parse(Kind kind, String rectangle, int planeWidth, int planeHeight) {
		String[] v = rectangle.split(",");
		if (v.length != 4) return null;
		try {
			int[] n = new int[4];
			for (int i = 0; i < 4; i++) n[i] = Integer.parseInt(v[i]);
			return new Region(kind, planeWidth, planeHeight, n[0], n[1], n[2], n[3]);
		}
		catch (IllegalArgumentException e) { // not a number, or not in this plane
			return null;
		}
	}

	/** The same rectangle reported as another kind. */
	public Region as(Kind newKind) {
		return new Region(newKind, planeWidth, planeHeight, x, y, width, height);
	}

	public Kind kind() { return kind; }

	public boolean isWholePlane() { return kind == Kind.WHOLE; }

	public int planeWidth() { return planeWidth; }

	public int planeHeight() { return planeHeight; }

	public int x() { return x; }

	public int y() { return y; }

	public int width() { return width; }

	public int height() { return height; }

	/**
	 * The region part of its embedding's cache key: {@link EmbeddingKey#WHOLE_PLANE} or {@code "crop:x,y,w,h"}.
	 * Tiles and crops with the same rectangle share it, since they have the same embedding.
	 */
	public String cacheKey() {
		return isWholePlane() ? EmbeddingKey.WHOLE_PLANE : "crop:" + x + "," + y + "," + width + "," + height;
	}

	/** How the results table names it: {@code whole}, {@code crop:x,y,w,h} or {@code tile:x,y,w,h}. */
	public String label() {
		return isWholePlane() ? "whole" : (kind == Kind.TILE ? "tile:" : "crop:") + x + "," + y + "," + width + "," +
			height;
	}

	/** The region's pixels as a zero-based view of {@code plane} (the plane itself for the whole plane). */
	public RandomAccessibleInterval<?> view(RandomAccessibleInterval<?> plane) {
		if (plane.dimension(0) != planeWidth || plane.dimension(1) != planeHeight) throw new IllegalArgumentException(
			"The plane is " + plane.dimension(0) + "x" + plane.dimension(1) + ", the region belongs to a " + planeWidth +
				"x" + planeHeight + " plane");
		if (isWholePlane()) return plane;
		long x0 = plane.min(0) + x, y0 = plane.min(1) + y;
		return Views.zeroMin(Views.interval(plane, new FinalInterval(new long[] { x0, y0 }, new long[] { x0 + width -
			1, y0 + height - 1 })));
	}

	/** Whether continuous bounds {@code {x0, y0, x1, y1}} (plane coordinates) lie inside the region. */
	public boolean contains(double[] bounds) {
		return bounds[0] >= x && bounds[1] >= y && bounds[2] <= x + width && bounds[3] <= y + height;
	}

	/**
	 * The distance from bounds {@code {x0, y0, x1, y1}} to the nearest inner edge: how much image the model sees
	 * around them on the side where it sees least. Infinite for the whole plane; negative when the bounds leave
	 * the region.
	 */
	public double innerMargin(double[] bounds) {
		if (!contains(bounds)) return -1;
		double m = Double.POSITIVE_INFINITY;
		if (x > 0) m = Math.min(m, bounds[0] - x);
		if (y > 0) m = Math.min(m, bounds[1] - y);
		if (x + width < planeWidth) m = Math.min(m, x + width - bounds[2]);
		if (y + height < planeHeight) m = Math.min(m, y + height - bounds[3]);
		return m;
	}

	/**
	 * Whether a mask (plane coordinates) reaches within {@code tolerance} pixels of an inner edge, i.e. the object
	 * may continue beyond the region.
	 */
	public boolean touchesInnerEdge(ObjectMask mask, int tolerance) {
		if (mask.isEmpty()) return false;
		return x > 0 && mask.boundsX() - x <= tolerance || y > 0 && mask.boundsY() - y <= tolerance || x +
			width < planeWidth && x + width - (mask.boundsX() + mask.boundsWidth()) <= tolerance || y +
				height < planeHeight && y + height - (mask.boundsY() + mask.boundsHeight()) <= tolerance;
	}

	/**
	 * The prompt in the region's own coordinates (points and box shifted by {@code -x, -y}); a mask input is
	 * passed on unchanged (see {@link LowResFrames}). A box reaching beyond the plane keeps doing so.
	 *
	 * @throws IllegalArgumentException when the prompt's part inside the plane does not lie inside the region
	 */
	public ObjectPrompt toLocal(ObjectPrompt prompt) {
		if (!contains(PromptBounds.of(prompt, planeWidth, planeHeight))) throw new IllegalArgumentException("Prompt " +
			prompt + " does not lie inside " + label());
		if (x == 0 && y == 0) return prompt;
		ObjectPrompt.Builder b = ObjectPrompt.builder().slice(prompt.slice()).name(prompt.name()).maskInput(prompt
			.maskInput());
		for (PromptPoint p : prompt.points())
			b.point(p.x() - x, p.y() - y, p.positive());
		if (prompt.box() != null) b.box(prompt.box().x() - x, prompt.box().y() - y, prompt.box().width(), prompt.box()
			.height());
		return b.build();
	}

	/** A mask of the region moved into the plane. */
	public ObjectMask toPlane(ObjectMask local) {
		if (local.planeWidth() != width || local.planeHeight() != height) throw new IllegalArgumentException("Mask of a " +
			local.planeWidth() + "x" + local.planeHeight() + " plane, expected " + width + "x" + height);
		return isWholePlane() ? local : local.placedIn(planeWidth, planeHeight, x, y);
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof Region)) return false;
		Region r = (Region) o;
		return planeWidth == r.planeWidth && planeHeight == r.planeHeight && x == r.x && y == r.y && width == r.width &&
			height == r.height;
	}

	@Override
	public int hashCode() {
		return ((x * 31 + y) * 31 + width) * 31 + height + 7 * (planeWidth * 31 + planeHeight);
	}

	@Override
	public String toString() { return label() + " of " + planeWidth + "x" + planeHeight; }
}
