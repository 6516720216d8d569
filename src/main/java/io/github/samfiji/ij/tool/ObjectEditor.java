package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.SegmentedObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The object being prompted in the interactive tool: its points and box, in the order they were given, and the
 * candidate masks of its last decoding. Every prompt change increments {@link #version()}; a decoding is kept only
 * if it was made for the current version, so a slow decoding never overwrites a newer one. The previous mask stays
 * {@linkplain #shown() shown} until the new one arrives. Not thread-safe: {@link ToolSession} synchronises.
 */
final class ObjectEditor {

	/** Points and the box, in order (the box at most once, at the position it was last set). */
	private final List<Object> prompts = new ArrayList<>();
	private PromptBox box;
	private int version;
	private int decodedVersion = -1;
	private List<SegmentedObject> candidates = Collections.emptyList();
	private int shown;

	boolean isEmpty() { return prompts.isEmpty(); }

	/** Incremented by every prompt change. */
	int version() { return version; }

	void addPoint(PromptPoint point) {
		prompts.add(point);
		changed();
	}

	/** Sets the box, replacing the previous one (SAM takes one box per object). */
	void setBox(PromptBox newBox) {
		prompts.remove(box);
		prompts.add(newBox);
		box = newBox;
		changed();
	}

	/** Removes the last point or box given; returns false when there was none. */
	boolean removeLastPrompt() {
		if (prompts.isEmpty()) return false;
		Object last = prompts.remove(prompts.size() - 1);
		if (last == box) box = null;
		if (prompts.isEmpty()) clear();
		else changed();
		return true;
	}

	/** Forgets the prompts and the masks. */
	void clear() {
		prompts.clear();
		box = null;
		candidates = Collections.emptyList();
		shown = 0;
		version++;
		decodedVersion = -1;
	}

	List<PromptPoint> points() {
		List<PromptPoint> points = new ArrayList<>();
		for (Object p : prompts)
			if (p instanceof PromptPoint) points.add((PromptPoint) p);
		return points;
	}

	/** The box, or {@code null}. */
	PromptBox box() { return box; }

	/**
	 * The prompt of the current version on plane {@code slice}.
	 *
	 * @param maskInput low-resolution logits to refine, or {@code null}
	 * @throws IllegalStateException when there are no prompts
	 */
	ObjectPrompt prompt(int slice, LowResMask maskInput) {
		if (isEmpty()) throw new IllegalStateException("No prompts");
		return ObjectPrompt.builder().points(points()).box(box).maskInput(maskInput).slice(slice).build();
	}

	/**
	 * Keeps the candidates of a decoding made for {@code forVersion}, best first, and shows the first.
	 *
	 * @return false (and keeps nothing) when the prompts changed since
	 */
	boolean setCandidates(int forVersion, List<SegmentedObject> decoded) {
		if (forVersion != version || decoded.isEmpty()) return false;
		candidates = new ArrayList<>(decoded);
		shown = 0;
		decodedVersion = forVersion;
		return true;
	}

	/** Whether the shown mask was decoded from the current prompts. */
	boolean isDecoded() { return decodedVersion == version && !candidates.isEmpty(); }

	/** The mask shown: the current candidate of the last decoding (possibly of older prompts), or {@code null}. */
	SegmentedObject shown() { return candidates.isEmpty() ? null : candidates.get(shown); }

	/** 0-based index of the shown candidate. */
	int shownIndex() { return shown; }

	int candidateCount() { return candidates.size(); }

	/** Shows the next candidate (cycling); returns false when there is only one. */
	boolean nextCandidate() {
		if (candidates.size() < 2) return false;
		shown = (shown + 1) % candidates.size();
		return true;
	}

	private void changed() {
		version++;
	}
}
