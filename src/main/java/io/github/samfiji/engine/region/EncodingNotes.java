package io.github.samfiji.engine.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects which encoding each plane larger than the model input used and why, and writes it as log lines, one per
 * distinct choice, e.g.
 * {@code "Encoding: tiles on slice(s) 1-3, 12 region(s) (auto: the plane is more than 1.5 times the model input of
 * 1024 pixels)"}. Not thread-safe.
 */
public final class EncodingNotes {

	private final Map<String, List<Integer>> slices = new LinkedHashMap<>();
	private final Map<String, Integer> regions = new LinkedHashMap<>();

	/** Records the plan of one plane; plans with nothing to choose ({@link RegionPlan#noChoice()}) are left out. */
	public void add(int slice, RegionPlan plan) {
		if (plan.noChoice()) return;
		String key = plan.mode().key() + "\u0000" + plan.reason();
		slices.computeIfAbsent(key, k -> new ArrayList<>()).add(slice);
		regions.merge(key, plan.distinctRegions(), Integer::sum);
	}

	/** One line per distinct choice, in order of first use. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		for (Map.Entry<String, List<Integer>> e : slices.entrySet()) {
			String[] modeAndReason = e.getKey().split("\u0000", 2);
			lines.add("Encoding: " + modeAndReason[0] + " on slice(s) " + ranges(e.getValue()) + ", " + regions.get(e
				.getKey()) + " region(s) (" + modeAndReason[1] + ")");
		}
		return lines;
	}

	/** "1-3, 5" for [1, 2, 3, 5]. */
	static String ranges(List<Integer> numbers) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < numbers.size(); i++) {
			int start = numbers.get(i);
			while (i + 1 < numbers.size() && numbers.get(i + 1) == numbers.get(i) + 1) i++;
			if (s.length() > 0) s.append(", ");
			s.append(start);
			if (numbers.get(i) != start) s.append('-').append(numbers.get(i));
		}
		return s.toString();
	}
}
