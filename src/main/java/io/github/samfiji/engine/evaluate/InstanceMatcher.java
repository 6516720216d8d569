package io.github.samfiji.engine.evaluate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One-to-one matching of truth and predicted objects by IoU, as in the DSB2018 and micro-sam evaluations: pairs
 * are visited by decreasing IoU (ties: lower truth label, then lower predicted label) and a pair is matched when
 * its IoU is at least 0.5 and neither object is matched yet.
 * <p>
 * Why greedy is optimal here: in label images objects do not overlap, so a predicted object has an IoU above 0.5
 * with at most one truth object and vice versa; pairs above 0.5 never compete, and two pairs at exactly 0.5 can only
 * compete when one predicted object is exactly the union of two equal truth objects (or the reverse), where either
 * choice gives one match. So at every threshold {@code t >= 0.5} the pairs of this matching with IoU {@code >= t}
 * are a maximum matching among pairs with IoU {@code >= t} (what the Hungarian algorithm of the reference
 * implementations finds), and the true positives at {@code t} are counted from this one matching.
 */
final class InstanceMatcher {

	/** The lowest IoU threshold this matching is valid for, in percent. */
	static final int MIN_PERCENT = 50;

	private InstanceMatcher() {}

	/** The matched pairs, by decreasing IoU. */
	static List<ObjectOverlaps.Pair> match(ObjectOverlaps overlaps) {
		Set<Integer> truthUsed = new HashSet<>(), predictedUsed = new HashSet<>();
		List<ObjectOverlaps.Pair> matched = new ArrayList<>();
		for (ObjectOverlaps.Pair p : overlaps.pairs()) {
			if (!p.atLeast(MIN_PERCENT)) break; // sorted by decreasing IoU
			if (truthUsed.contains(p.truth) || predictedUsed.contains(p.predicted)) continue;
			truthUsed.add(p.truth);
			predictedUsed.add(p.predicted);
			matched.add(p);
		}
		return matched;
	}
}
