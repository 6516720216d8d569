package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.result.SegmentationResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an operation returns: its {@link SegmentationResult}, the dimensions (channels, slices, frames) of the label
 * image over the planes it ran on, the intensity mapping it used (for the results table) and notes for the log:
 * first, when the run stopped early, why ({@link #stoppedEarlyNote}); then how planes were encoded, where propagated
 * objects stopped, and how many embeddings were encoded or came from the caches. Immutable.
 */
public final class RunResult {

	private final SegmentationResult result;
	private final int[] labelDimensions;
	private final String intensity;
	private final List<String> notes;

	/**
	 * @param labelDimensions channels, slices and frames whose product is the result's plane count (else the label
	 *          image is a plain stack)
	 * @param notes lines for the log besides the result's own notes and the early stop
	 */
	public RunResult(SegmentationResult result, int[] labelDimensions, String intensity, List<String> notes) {
		this.result = result;
		this.labelDimensions = labelDimensions.clone();
		this.intensity = intensity;
		List<String> all = new ArrayList<>();
		if (result.stoppedBecause() != null) all.add(stoppedEarlyNote(result));
		all.addAll(result.notes());
		all.addAll(notes);
		this.notes = Collections.unmodifiableList(all);
	}

	/** The note of a run that stopped early: why, and that what was finished before is kept. */
	public static String stoppedEarlyNote(SegmentationResult result) {
		return "Stopped early: " + result.stoppedBecause() + "; the planes finished before are kept";
	}

	public SegmentationResult result() { return result; }

	/** Channels, slices and frames of the label image. */
	public int[] labelDimensions() { return labelDimensions.clone(); }

	/** The intensity mapping, as the results table records it. */
	public String intensity() { return intensity; }

	/** Lines for the log, in order. */
	public List<String> notes() { return notes; }

	/** Whether the run went to the end. */
	public boolean isComplete() { return result.isComplete(); }

	/** The error that stopped the run early (what was finished is kept), or {@code null}. */
	public Throwable failure() { return result.failure(); }
}
