package io.github.samfiji.engine.segment;

import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentedObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompts of one {@link PromptSegmenter#segment} run, checked, with prompts on every plane expanded to one
 * prompt per plane, grouped by plane in order of first use, and numbered: candidate {@code k} of original prompt
 * {@code i} gets one id, the same on every plane, ids counting up in prompt order.
 */
final class PlanePrompts {

	private final List<ObjectPrompt> prompts = new ArrayList<>();
	private final List<Integer> origin = new ArrayList<>();
	private final Map<Integer, List<Integer>> bySlice = new LinkedHashMap<>();

	private PlanePrompts() {}

	/**
	 * @throws IllegalArgumentException when there are no prompts, or a prompt names a missing plane or lies outside
	 *           the image; the message names the prompt
	 */
	static PlanePrompts of(List<ObjectPrompt> prompts, PlaneSource image) {
		if (prompts.isEmpty()) throw new IllegalArgumentException(
			"No prompts: add points or rectangles (ROI Manager, a RoiSet.zip or a prompts CSV file)");
		PlanePrompts work = new PlanePrompts();
		for (int i = 0; i < prompts.size(); i++) {
			ObjectPrompt p = prompts.get(i);
			String label = "Object " + (i + 1) + (p.name() == null ? "" : " (" + p.name() + ")");
			if (p.slice() > image.planeCount()) throw new IllegalArgumentException(label + " is on slice " + p.slice() +
				", but the image has " + image.planeCount() + " slice(s)");
			p.checkInside(image.width(), image.height(), label);
			if (!p.onEveryPlane()) work.add(p, i);
			else for (int s = 1; s <= image.planeCount(); s++)
				work.add(p.withSlice(s), i);
		}
		return work;
	}

	private void add(ObjectPrompt p, int originalIndex) {
		bySlice.computeIfAbsent(p.slice(), s -> new ArrayList<>()).add(prompts.size());
		prompts.add(p);
		origin.add(originalIndex);
	}

	/** Number of (expanded) prompts. */
	int size() { return prompts.size(); }

	ObjectPrompt prompt(int i) { return prompts.get(i); }

	/** The index of the prompt that expanded prompt {@code i} comes from. */
	int origin(int i) { return origin.get(i); }

	/** Expanded prompt indices per plane, planes in order of first use. */
	Map<Integer, List<Integer>> bySlice() { return bySlice; }

	/** The decoded objects with their final ids, by id then plane; prompts not decoded ({@code null}) are left out. */
	List<SegmentedObject> numbered(List<List<SegmentedObject>> perPrompt) {
		Map<String, Integer> ids = new HashMap<>();
		List<SegmentedObject> objects = new ArrayList<>();
		for (int i = 0; i < prompts.size(); i++) {
			List<SegmentedObject> group = perPrompt.get(i);
			if (group == null) continue;
			for (int k = 0; k < group.size(); k++) {
				int id = ids.computeIfAbsent(origin.get(i) + ":" + k, key -> ids.size() + 1);
				objects.add(group.get(k).withId(id));
			}
		}
		objects.sort(Comparator.comparingInt(SegmentedObject::id).thenComparingInt(SegmentedObject::slice));
		return objects;
	}
}
