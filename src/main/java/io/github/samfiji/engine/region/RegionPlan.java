package io.github.samfiji.engine.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Where each prompt of one plane is decoded: the mode used (never {@link EncodingMode#AUTO}), why, and one region
 * per prompt in prompt order. Immutable.
 */
public final class RegionPlan {

	private final EncodingMode mode;
	private final String reason;
	private final List<Region> regions;
	private final boolean noChoice;

	RegionPlan(EncodingMode mode, String reason, List<Region> regions, boolean noChoice) {
		this.mode = mode;
		this.reason = reason;
		this.regions = Collections.unmodifiableList(regions);
		this.noChoice = noChoice;
	}

	/**
	 * Whether there was nothing to choose: the plane fits the model input and is encoded whole, as every mode would
	 * (such plans are not logged).
	 */
	public boolean noChoice() { return noChoice; }

	/** The mode used: whole, crop or tiles. */
	public EncodingMode mode() { return mode; }

	/** Why this mode, e.g. "auto: the plane fits the model input (1024 pixels)". */
	public String reason() { return reason; }

	/** One region per prompt, in prompt order. */
	public List<Region> regions() { return regions; }

	/**
	 * Prompt indices grouped by region, regions in order of first use, prompts in order within each: decoding in
	 * this order needs each region's embedding during one stretch only.
	 */
	public List<Integer> groupedOrder() {
		Map<Region, List<Integer>> groups = new LinkedHashMap<>();
		for (int i = 0; i < regions.size(); i++)
			groups.computeIfAbsent(regions.get(i), r -> new ArrayList<>()).add(i);
		List<Integer> order = new ArrayList<>();
		for (List<Integer> g : groups.values())
			order.addAll(g);
		return order;
	}

	/** The number of different regions to encode. */
	public int distinctRegions() { return new LinkedHashSet<>(regions).size(); }

	@Override
	public String toString() {
		return mode.key() + " (" + reason + "), " + distinctRegions() + " region(s)";
	}
}
