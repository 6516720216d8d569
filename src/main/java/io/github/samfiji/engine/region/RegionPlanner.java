package io.github.samfiji.engine.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plans where the prompts of one plane are decoded, for each {@link EncodingMode}. The automatic choice, for a
 * {@code W x H} plane and a model input of side {@code S}:
 * <ol>
 * <li>whole plane when {@code max(W, H) <= S} (the plane fits the model input);</li>
 * <li>crop when everything the prompts need (bounds plus margin) fits one crop at native resolution: one encoder
 * run, as for the whole plane, but without shrinking;</li>
 * <li>whole plane when {@code max(W, H) <= }{@value #WHOLE_LIMIT}{@code  S} (mild shrinking costs less than
 * several encoder runs);</li>
 * <li>else crops or tiles, whichever needs fewer encoder runs for these prompts (crops on a tie).</li>
 * </ol>
 * For segment everything (no prompts): whole plane up to {@value #WHOLE_LIMIT}{@code  S}, else tiles. Plans do
 * not depend on what is cached, so a run is reproducible.
 */
public final class RegionPlanner {

	/** Planes up to this many times the model input are encoded whole by the automatic choice. */
	public static final double WHOLE_LIMIT = 1.5;

	private final EncodingOptions options;
	private final int planeWidth;
	private final int planeHeight;
	private final int inputSize;

	public RegionPlanner(EncodingOptions options, int planeWidth, int planeHeight, int inputSize) {
		this.options = options;
		this.planeWidth = planeWidth;
		this.planeHeight = planeHeight;
		this.inputSize = inputSize;
	}

	/** The plan for prompts with these bounds ({@link PromptBounds}), in prompt order; at least one prompt. */
	public RegionPlan plan(List<double[]> bounds) {
		if (bounds.isEmpty()) throw new IllegalArgumentException("No prompts to plan");
		switch (options.mode()) {
			case WHOLE:
				return whole("as asked", bounds.size());
			case CROP:
				return noChoiceIfWhole(EncodingMode.CROP, "as asked", crops().plan(bounds));
			case TILES:
				return noChoiceIfWhole(EncodingMode.TILES, "as asked", tiles(bounds));
			default:
				return auto(bounds);
		}
	}

	private RegionPlan auto(List<double[]> bounds) {
		int longest = Math.max(planeWidth, planeHeight);
		if (longest <= inputSize) return whole("auto: the plane fits the model input of " + inputSize + " pixels",
			bounds.size());
		List<Region> crops = crops().plan(bounds);
		RegionPlan cropPlan = new RegionPlan(EncodingMode.CROP, "", crops, false);
		Region first = crops.get(0);
		if (cropPlan.distinctRegions() == 1 && Math.max(first.width(), first.height()) <= inputSize)
			return new RegionPlan(EncodingMode.CROP, "auto: all prompts fit one crop at native resolution", crops, false);
		if (longest <= WHOLE_LIMIT * inputSize) return whole("auto: the plane is at most " + WHOLE_LIMIT +
			" times the model input of " + inputSize + " pixels", bounds.size());
		RegionPlan tilePlan = new RegionPlan(EncodingMode.TILES, "", tiles(bounds), false);
		String counts = cropPlan.distinctRegions() + " crop(s) vs " + tilePlan.distinctRegions() + " tile(s)";
		if (cropPlan.distinctRegions() <= tilePlan.distinctRegions()) return new RegionPlan(EncodingMode.CROP,
			"auto: large plane, " + counts, crops, false);
		return new RegionPlan(EncodingMode.TILES, "auto: large plane, " + counts, tilePlan.regions(), false);
	}

	/**
	 * The mode of an interactive session on this plane, chosen before any prompt is known: whole when the plane fits
	 * the model input (every mode would encode it whole); for auto, whole up to {@value #WHOLE_LIMIT} times the
	 * input, else tiles (each encoded when first prompted, then serving every prompt inside it); else as asked.
	 */
	public EncodingMode interactiveMode() {
		int longest = Math.max(planeWidth, planeHeight);
		if (longest <= inputSize) return EncodingMode.WHOLE;
		if (options.mode() != EncodingMode.AUTO) return options.mode();
		return longest <= WHOLE_LIMIT * inputSize ? EncodingMode.WHOLE : EncodingMode.TILES;
	}

	/**
	 * Where one step of an interactively prompted object is decoded, from its prompt's bounds and the region of the
	 * object's step before ({@code null} for the first) only, never from what is cached, so that replaying the steps
	 * gives the same regions: the previous region while it holds the bounds with at least the mode's margin (tile
	 * halo, crop margin) from its inner edges, else by {@link #interactiveMode()}: the whole plane, the tile where the
	 * bounds have the most margin (a crop when no tile holds them), or a new crop around them.
	 */
	public Region stepRegion(double[] bounds, Region previous) {
		EncodingMode mode = interactiveMode();
		if (mode == EncodingMode.WHOLE) return Region.whole(planeWidth, planeHeight);
		int margin = mode == EncodingMode.TILES ? options.tileHalo() : options.cropMargin();
		if (previous != null && previous.innerMargin(bounds) >= margin) return previous;
		if (mode == EncodingMode.CROP) return crops().cropFor(bounds);
		return tiles(Collections.singletonList(bounds)).get(0);
	}

	/** The mode segment everything uses on this plane, with the reason. */
	public RegionPlan planEverything() {
		EncodingMode mode = options.mode();
		if (mode == EncodingMode.CROP) throw new IllegalArgumentException(
			"Crops need prompts: segment everything encodes whole planes or tiles");
		String reason = "as asked";
		if (mode == EncodingMode.AUTO) {
			boolean small = Math.max(planeWidth, planeHeight) <= WHOLE_LIMIT * inputSize;
			mode = small ? EncodingMode.WHOLE : EncodingMode.TILES;
			reason = small ? "auto: the plane is at most " + WHOLE_LIMIT + " times the model input of " + inputSize +
				" pixels" : "auto: the plane is more than " + WHOLE_LIMIT + " times the model input of " + inputSize +
					" pixels";
		}
		List<Region> regions = mode == EncodingMode.WHOLE ? Collections.singletonList(Region.whole(planeWidth,
			planeHeight)) : tileGrid();
		return noChoiceIfWhole(mode, reason, regions);
	}

	/** The tiles of this plane ({@link TileGrid}). */
	public List<Region> tileGrid() {
		return TileGrid.of(planeWidth, planeHeight, options.tileSize(), options.tileHalo());
	}

	/** A crop planner for this plane that starts from the {@code known} crops. */
	public CropPlanner crops(List<Region> known) {
		return new CropPlanner(planeWidth, planeHeight, inputSize, options.cropMargin(), known);
	}

	private CropPlanner crops() { return crops(Collections.emptyList()); }

	/**
	 * The tile where each prompt has the most inner margin; a prompt that no tile contains gets a crop around it
	 * (shared with later such prompts when it serves them).
	 */
	private List<Region> tiles(List<double[]> bounds) {
		List<Region> grid = tileGrid();
		CropPlanner fallback = crops();
		List<Region> regions = new ArrayList<>();
		for (double[] b : bounds) {
			Region t = bestTile(grid, b);
			regions.add(t != null ? t : fallback.cropFor(b));
		}
		return regions;
	}

	static Region bestTile(List<Region> tiles, double[] bounds) {
		Region best = null;
		double bestMargin = Double.NEGATIVE_INFINITY;
		for (Region t : tiles) {
			double m = t.innerMargin(bounds);
			if (t.contains(bounds) && m > bestMargin) {
				best = t;
				bestMargin = m;
			}
		}
		return best;
	}

	private RegionPlan whole(String reason, int prompts) {
		Region w = Region.whole(planeWidth, planeHeight);
		return noChoiceIfWhole(EncodingMode.WHOLE, reason, new ArrayList<>(Collections.nCopies(prompts, w)));
	}

	/** A plan that is marked as no choice when the plane fits the input and every region is the whole plane. */
	private RegionPlan noChoiceIfWhole(EncodingMode mode, String reason, List<Region> regions) {
		boolean allWhole = Math.max(planeWidth, planeHeight) <= inputSize;
		for (Region r : regions)
			allWhole &= r.isWholePlane();
		return new RegionPlan(mode, reason, regions, allWhole);
	}
}
