package io.github.samfiji.engine.propagate;

import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentedObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotated planes ("seeds") of a propagation, checked and grouped: prompts with the same non-empty name are
 * one object annotated on several planes (ids in order of first appearance, unnamed prompts each their own object);
 * seeds are grouped by line (the planes that differ only along the propagation axis); and each seed gets how far it
 * may walk each way: to the end of the axis, at most {@code maxPlanes}, and only half-way to the next seed of the
 * same object on its line, so that every plane between two annotations is taken from the nearer one.
 */
final class SeedPlan {

	/** One annotated plane of one object. */
	static final class Seed {

		final int objectId;
		final String name;
		final ObjectPrompt prompt;
		final int plane;
		final int coordinate;
		int limitDown;
		int limitUp;
		String limitDownReason;
		String limitUpReason;
		SegmentedObject result;

		Seed(int objectId, String name, ObjectPrompt prompt, int plane, int coordinate) {
			this.objectId = objectId;
			this.name = name;
			this.prompt = prompt;
			this.plane = plane;
			this.coordinate = coordinate;
		}
	}

	final Map<Integer, List<Seed>> byLine = new LinkedHashMap<>();
	final Map<Integer, String> names = new LinkedHashMap<>();

	private SeedPlan() {}

	/**
	 * @throws IllegalArgumentException when a prompt has no plane, names a missing plane, lies outside the image,
	 *           or annotates an object twice on one plane; the message names the prompt
	 */
	static SeedPlan of(List<ObjectPrompt> prompts, PlaneAxes axes, String axis, int maxPlanes, int width,
		int height)
	{
		if (prompts.isEmpty()) throw new IllegalArgumentException(
			"No prompts: annotate each object on at least one plane (ROI Manager, a RoiSet.zip or a prompts CSV file)");
		SeedPlan plan = new SeedPlan();
		Map<String, Integer> idByName = new HashMap<>();
		Map<String, Seed> seen = new HashMap<>();
		for (int i = 0; i < prompts.size(); i++) {
			ObjectPrompt p = prompts.get(i);
			String label = "Prompt " + (i + 1) + (p.name() == null ? "" : " (" + p.name() + ")");
			if (p.slice() < 1) throw new IllegalArgumentException(label +
				" has no plane: propagation starts from the plane each prompt is on");
			if (p.slice() > axes.planeCount()) throw new IllegalArgumentException(label + " is on plane " + p.slice() +
				", but the image has " + axes.planeCount() + " plane(s)");
			p.checkInside(width, height, label);
			boolean named = p.name() != null && !p.name().isEmpty();
			int id = named ? idByName.computeIfAbsent(p.name(), n -> plan.names.size() + 1) : plan.names.size() + 1;
			plan.names.putIfAbsent(id, p.name());
			int coordinate = axes.coordinate(p.slice(), axis);
			Seed seed = new Seed(id, p.name(), p, p.slice(), coordinate);
			if (seen.put(id + "@" + p.slice(), seed) != null) throw new IllegalArgumentException(label +
				": object '" + p.name() + "' is annotated twice on plane " + p.slice() + "; keep one prompt per plane");
			plan.byLine.computeIfAbsent(axes.step(p.slice(), axis, 1 - coordinate), l -> new ArrayList<>()).add(seed);
		}
		for (List<Seed> line : plan.byLine.values())
			for (Seed s : line)
				limit(s, line, axes.size(axis), maxPlanes, axis);
		return plan;
	}

	private static void limit(Seed s, List<Seed> line, int axisSize, int maxPlanes, String axis) {
		s.limitDown = s.coordinate - 1;
		s.limitUp = axisSize - s.coordinate;
		s.limitDownReason = s.limitUpReason = "end of the axis";
		for (Seed o : line) {
			if (o == s || o.objectId != s.objectId) continue;
			int d = o.coordinate - s.coordinate;
			if (d > 0 && d / 2 < s.limitUp) {
				s.limitUp = d / 2;
				s.limitUpReason = "half-way to its annotation on " + axis + " " + o.coordinate;
			}
			if (d < 0 && (-d - 1) / 2 < s.limitDown) {
				s.limitDown = (-d - 1) / 2;
				s.limitDownReason = "half-way to its annotation on " + axis + " " + o.coordinate;
			}
		}
		if (maxPlanes > 0 && maxPlanes < s.limitDown) {
			s.limitDown = maxPlanes;
			s.limitDownReason = "limit of " + maxPlanes + " plane(s)";
		}
		if (maxPlanes > 0 && maxPlanes < s.limitUp) {
			s.limitUp = maxPlanes;
			s.limitUpReason = "limit of " + maxPlanes + " plane(s)";
		}
	}

	/** Upper bound of the planes visited: per line, the down sweep from its highest seed and the up sweep from its lowest. */
	int planesToVisit(int axisSize) {
		int n = 0;
		for (List<Seed> line : byLine.values()) {
			int lo = axisSize, hi = 1;
			for (Seed s : line) {
				lo = Math.min(lo, s.coordinate);
				hi = Math.max(hi, s.coordinate);
			}
			n += hi + axisSize - lo + 1;
		}
		return n;
	}
}
