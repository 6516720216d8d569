package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.result.SegmentedObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The object being prompted: its points and box in the order they were given, and a chain of decodings, one per
 * prompt. Step {@code j} decodes the first {@code j + 1} prompts with the mask shown at step {@code j - 1} as mask
 * input (its low-resolution logits), which corrects masks much better than decoding all prompts afresh (measured on
 * DSB2018 by {@code MaskFeedbackReport}). The chain depends only on the prompts and on which candidate was shown at
 * each step, not on timing, so the macro that replays an object gets exactly the accepted mask.
 * <p>
 * Removing the last prompt goes back one step without decoding; replacing the box re-decodes from where the old box
 * was. Each change that invalidates decodings in progress increments a generation, so that a late result is
 * dropped. Not thread-safe: {@link ToolSession} synchronises.
 */
final class ObjectEditor {

	/** Points and the box, in order (the box at most once, at the position it was last set). */
	private final List<Object> prompts = new ArrayList<>();
	private final List<Step> steps = new ArrayList<>();
	private PromptBox box;
	private int generation;
	private EncodingMode encoding;

	/** One decoding of the chain: its candidates, best first, and which one is shown. */
	private static final class Step {

		final List<SegmentedObject> candidates;
		int shown;

		Step(List<SegmentedObject> candidates) {
			this.candidates = candidates;
		}

		SegmentedObject shown() { return candidates.get(shown); }
	}

	/** A decoding to do: step {@code index} of the chain with {@code prompt}. */
	static final class Request {

		final int index;
		final int generation;
		final ObjectPrompt prompt;
		/** Where the step before was decoded ({@link SegmentedObject#region()}), or {@code null} for the first. */
		final String previousRegion;

		Request(int index, int generation, ObjectPrompt prompt, String previousRegion) {
			this.index = index;
			this.generation = generation;
			this.prompt = prompt;
			this.previousRegion = previousRegion;
		}
	}

	/** An editor holding these prompts, in order, with nothing decoded yet. */
	static ObjectEditor of(List<Object> prompts) {
		ObjectEditor e = new ObjectEditor();
		for (Object p : prompts) {
			if (p instanceof PromptBox) e.setBox((PromptBox) p);
			else e.addPoint((PromptPoint) p);
		}
		return e;
	}

	boolean isEmpty() { return prompts.isEmpty(); }

	void addPoint(PromptPoint point) {
		prompts.add(point);
	}

	/** Sets the box, replacing the previous one (SAM takes one box per object). */
	void setBox(PromptBox newBox) {
		int old = prompts.indexOf(box);
		if (old >= 0) {
			prompts.remove(old);
			truncate(old);
		}
		prompts.add(newBox);
		box = newBox;
	}

	/** Removes the last point or box given; returns false when there was none. */
	boolean removeLastPrompt() {
		if (prompts.isEmpty()) return false;
		Object last = prompts.remove(prompts.size() - 1);
		if (last == box) box = null;
		truncate(prompts.size());
		return true;
	}

	/** The prompts in order: {@link PromptPoint}s and at most one {@link PromptBox}. */
	List<Object> prompts() { return Collections.unmodifiableList(new ArrayList<>(prompts)); }

	List<PromptPoint> points() {
		List<PromptPoint> points = new ArrayList<>();
		for (Object p : prompts)
			if (p instanceof PromptPoint) points.add((PromptPoint) p);
		return points;
	}

	/** The box, or {@code null}. */
	PromptBox box() { return box; }

	/** The next decoding the chain needs on plane {@code slice}, or {@code null} when it is complete. */
	Request next(int slice) {
		int j = steps.size();
		if (j >= prompts.size()) return null;
		ObjectPrompt.Builder b = ObjectPrompt.builder().slice(slice);
		PromptBox lastBox = null;
		for (Object p : prompts.subList(0, j + 1)) {
			if (p instanceof PromptBox) lastBox = (PromptBox) p;
			else b.point((PromptPoint) p);
		}
		SegmentedObject previous = j == 0 ? null : steps.get(j - 1).shown();
		return new Request(j, generation, b.box(lastBox).maskInput(previous == null ? null : previous.lowRes()).build(),
			previous == null ? null : previous.region());
	}

	/**
	 * Keeps the candidates (best first) of a requested decoding and shows the first.
	 *
	 * @param mode how the plane was encoded for it ({@link PlaneSteps#mode()})
	 * @return false (keeping nothing) when the prompts or the shown masks changed since the request
	 */
	boolean apply(Request request, List<SegmentedObject> candidates, EncodingMode mode) {
		if (request.generation != generation || request.index != steps.size() || candidates.isEmpty()) return false;
		steps.add(new Step(new ArrayList<>(candidates)));
		encoding = mode;
		return true;
	}

	/** How the plane was encoded for the decodings (whole, tiles or crop), or {@code null} before the first. */
	EncodingMode encoding() { return encoding; }

	/** Whether every prompt is decoded. */
	boolean isDecoded() { return !prompts.isEmpty() && steps.size() == prompts.size(); }

	/** The mask shown: the latest decoding's current candidate (possibly of fewer prompts), or {@code null}. */
	SegmentedObject shown() { return steps.isEmpty() ? null : last().shown(); }

	/** 0-based index of the shown candidate of the latest decoding. */
	int shownIndex() { return steps.isEmpty() ? 0 : last().shown; }

	int candidateCount() { return steps.isEmpty() ? 0 : last().candidates.size(); }

	/** Shows the next candidate of the latest decoding (cycling); returns false when there is only one. */
	boolean nextCandidate() {
		if (steps.isEmpty() || last().candidates.size() < 2) return false;
		last().shown = (last().shown + 1) % last().candidates.size();
		truncate(steps.size()); // later steps refine the shown mask: a decoding in progress is stale
		return true;
	}

	/**
	 * Shows candidate {@code rank} (1-based) of the latest decoding, as a replayed macro chose it.
	 *
	 * @throws IllegalArgumentException when there are fewer candidates
	 */
	void choose(int rank) {
		if (rank < 1 || rank > candidateCount()) throw new IllegalArgumentException("Candidate " + rank +
			" was chosen, but the model gives " + candidateCount() + " for this prompt");
		last().shown = rank - 1;
		truncate(steps.size());
	}

	/** The 1-based rank of the candidate shown at each decoded step. */
	List<Integer> ranks() {
		List<Integer> ranks = new ArrayList<>();
		for (Step s : steps)
			ranks.add(s.shown + 1);
		return ranks;
	}

	private Step last() { return steps.get(steps.size() - 1); }

	private void truncate(int size) {
		while (steps.size() > size)
			steps.remove(steps.size() - 1);
		generation++;
	}
}
