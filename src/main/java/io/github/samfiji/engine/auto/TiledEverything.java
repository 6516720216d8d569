package io.github.samfiji.engine.auto;

import io.github.samfiji.engine.auto.AutomaticSegmenter.Candidate;
import io.github.samfiji.engine.auto.AutomaticSegmenter.Progress;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.region.Region;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.segment.PlaneRegions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Segment everything on a plane covered by overlapping tiles ({@code engine.region.TileGrid}), each tile encoded
 * once (through the cache) and segmented like a plane of its own (its point grid, crop layers and filters), then
 * stitched:
 * <ol>
 * <li>a mask within {@value AutomaticSegmenter#CROP_EDGE_TOLERANCE} pixels of an inner edge of its tile is a
 * <em>piece</em> (the object may continue in the next tile); the others are <em>whole</em>;</li>
 * <li>whole masks found in several tiles are the same object: box non-maximum suppression at the crop NMS
 * threshold keeps the copy whose box has the most inner margin in its tile;</li>
 * <li>a piece with at least half of its pixels inside a kept whole mask is a part of that object and is dropped;</li>
 * <li><b>merge rule</b>: two pieces from different tiles are one object when, restricted to the overlap of their
 * tiles, their masks have an IoU of at least {@value #MERGE_IOU}; such pieces (transitively) are merged into one
 * mask, the union of their pixels, with the lowest predicted IoU and stability score of the pieces;</li>
 * <li>a piece merged with nothing is a cut object whose other part was not found, and is dropped;</li>
 * <li>merged objects whose box overlaps a whole object's above the crop NMS threshold are dropped.</li>
 * </ol>
 * Every kept object is therefore found once, and no kept object is cut by a tile edge. Objects wider than the
 * tiles' overlap minus twice the edge tolerance can only be found through the merge rule.
 */
final class TiledEverything {

	/** IoU, within the overlap of two tiles, above which two pieces are one object. */
	static final double MERGE_IOU = 0.5;

	private TiledEverything() {}

	/** The kept masks of one plane, in plane coordinates (not numbered). */
	static List<Candidate> segmentPlane(AutomaticSegmenter auto, PlaneRegions regions, List<Region> tiles, int slice,
		Progress progress)
	{
		List<Candidate> whole = new ArrayList<>(), pieces = new ArrayList<>();
		List<Region> pieceTiles = new ArrayList<>();
		Map<Candidate, Double> margins = new HashMap<>();
		for (Region tile : tiles) {
			List<Candidate> found = auto.segmentArea(tile.width(), tile.height(), crop -> regions.encode(new Region(
				Region.Kind.CROP, regions.width(), regions.height(), tile.x() + crop.x(), tile.y() + crop.y(), crop.width(),
				crop.height()), progress.monitor), ", " + tile.label(), slice, progress);
			for (Candidate c : found) {
				toPlane(c, tile);
				if (tile.touchesInnerEdge(c.mask, (int) AutomaticSegmenter.CROP_EDGE_TOLERANCE)) {
					pieces.add(c);
					pieceTiles.add(tile);
				}
				else {
					whole.add(c);
					margins.put(c, tile.innerMargin(c.box));
				}
			}
		}
		List<Candidate> kept = AutomaticSegmenter.suppress(whole, margins::get, auto.options()
			.cropNmsThreshold());
		List<Candidate> merged = merge(pieces, pieceTiles, kept);
		List<Candidate> all = new ArrayList<>(kept);
		all.addAll(merged);
		Set<Candidate> wholeSet = new LinkedHashSet<>(kept);
		return AutomaticSegmenter.suppress(all, c -> wholeSet.contains(c) ? 1 : 0, auto.options().cropNmsThreshold());
	}

	/** Moves a candidate found in a tile into the plane. */
	private static void toPlane(Candidate c, Region tile) {
		c.mask = tile.toPlane(c.mask);
		c.box = new double[] { c.box[0] + tile.x(), c.box[1] + tile.y(), c.box[2] + tile.x(), c.box[3] + tile.y() };
		PromptPoint p = c.prompt.points().get(0);
		c.prompt = ObjectPrompt.builder().point(p.x() + tile.x(), p.y() + tile.y(), true).slice(c.prompt.slice())
			.build();
		c.region = tile.label();
	}

	/** Steps 3-5 of the class comment: the merged objects made of pieces. */
	private static List<Candidate> merge(List<Candidate> pieces, List<Region> tiles, List<Candidate> kept) {
		int n = pieces.size();
		boolean[] dropped = new boolean[n];
		for (int i = 0; i < n; i++)
			for (Candidate w : kept)
				if (boxesOverlap(pieces.get(i).mask, w.mask) && 2L * pieces.get(i).mask.intersectionArea(w.mask) >= pieces
					.get(i).mask.area()) dropped[i] = true;
		int[] group = new int[n];
		for (int i = 0; i < n; i++) group[i] = i;
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++)
				if (!dropped[i] && !dropped[j] && !tiles.get(i).equals(tiles.get(j)) && sameObject(pieces.get(i), tiles.get(
					i), pieces.get(j), tiles.get(j))) join(group, i, j);
		Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < n; i++)
			if (!dropped[i]) groups.computeIfAbsent(find(group, i), k -> new ArrayList<>()).add(i);
		List<Candidate> merged = new ArrayList<>();
		for (List<Integer> members : groups.values())
			if (members.size() >= 2) merged.add(union(pieces, tiles, members));
		return merged;
	}

	/** The merge rule: IoU of the two masks within the overlap of their tiles. */
	static boolean sameObject(Candidate a, Region tileA, Candidate b, Region tileB) {
		int x0 = Math.max(tileA.x(), tileB.x()), y0 = Math.max(tileA.y(), tileB.y());
		int x1 = Math.min(tileA.x() + tileA.width(), tileB.x() + tileB.width());
		int y1 = Math.min(tileA.y() + tileA.height(), tileB.y() + tileB.height());
		if (x0 >= x1 || y0 >= y1) return false;
		int[] counts = new int[3]; // a in overlap, b in overlap, both
		a.mask.forEachPixel((i, j) -> {
			if (i >= x0 && i < x1 && j >= y0 && j < y1) {
				counts[0]++;
				if (b.mask.contains(i, j)) counts[2]++;
			}
		});
		b.mask.forEachPixel((i, j) -> {
			if (i >= x0 && i < x1 && j >= y0 && j < y1) counts[1]++;
		});
		int union = counts[0] + counts[1] - counts[2];
		return union > 0 && counts[2] >= MERGE_IOU * union;
	}

	private static Candidate union(List<Candidate> pieces, List<Region> tiles, List<Integer> members) {
		Candidate first = pieces.get(members.get(0));
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
		Set<String> labels = new LinkedHashSet<>();
		Candidate m = new Candidate();
		m.iou = Float.MAX_VALUE;
		m.stability = Float.MAX_VALUE;
		for (int i : members) {
			ObjectMask p = pieces.get(i).mask;
			x0 = Math.min(x0, p.boundsX());
			y0 = Math.min(y0, p.boundsY());
			x1 = Math.max(x1, p.boundsX() + p.boundsWidth());
			y1 = Math.max(y1, p.boundsY() + p.boundsHeight());
			m.iou = Math.min(m.iou, pieces.get(i).iou);
			m.stability = Math.min(m.stability, pieces.get(i).stability);
			labels.add(tiles.get(i).label());
		}
		int w = x1 - x0, h = y1 - y0, ox = x0, oy = y0;
		boolean[] local = new boolean[w * h];
		for (int i : members)
			pieces.get(i).mask.forEachPixel((c, r) -> local[(r - oy) * w + c - ox] = true);
		m.mask = ObjectMask.inRectangle(local, x0, y0, w, h, first.mask.planeWidth(), first.mask.planeHeight());
		m.box = new double[] { x0, y0, x1, y1 };
		m.prompt = first.prompt;
		m.crop = first.crop;
		m.region = String.join("+", labels);
		return m;
	}

	private static boolean boxesOverlap(ObjectMask a, ObjectMask b) {
		return a.boundsX() < b.boundsX() + b.boundsWidth() && b.boundsX() < a.boundsX() + a.boundsWidth() && a
			.boundsY() < b.boundsY() + b.boundsHeight() && b.boundsY() < a.boundsY() + a.boundsHeight();
	}

	private static int find(int[] group, int i) {
		while (group[i] != i) i = group[i] = group[group[i]];
		return i;
	}

	private static void join(int[] group, int i, int j) {
		int a = find(group, i), b = find(group, j);
		if (a != b) group[Math.max(a, b)] = Math.min(a, b);
	}
}
