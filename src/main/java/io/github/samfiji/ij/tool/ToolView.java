package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.SegmentedObject;

import java.util.Collections;
import java.util.List;

/** What the tool shows at one moment: the plane, the prompts of the object being made and its current mask. */
public final class ToolView {

	/** The short usage line shown in the status bar. */
	public static final String HELP =
		"click = object, Alt/Ctrl-click = background, drag = box, Enter = accept, Esc = discard, M = next mask, Backspace = undo prompt, U = remove last object";

	private final int plane;
	private final List<PromptPoint> points;
	private final PromptBox box;
	private final SegmentedObject mask;
	private final boolean current;
	private final int candidate;
	private final int candidates;
	private final boolean encoding;

	ToolView(int plane, List<PromptPoint> points, PromptBox box, SegmentedObject mask, boolean current, int candidate,
		int candidates, boolean encoding)
	{
		this.plane = plane;
		this.points = Collections.unmodifiableList(points);
		this.box = box;
		this.mask = mask;
		this.current = current;
		this.candidate = candidate;
		this.candidates = candidates;
		this.encoding = encoding;
	}

	/** 1-based stack index the prompts are on. */
	public int plane() { return plane; }

	public List<PromptPoint> points() { return points; }

	/** The box, or {@code null}. */
	public PromptBox box() { return box; }

	/** The mask shown (possibly of the previous prompts while the new one is computed), or {@code null}. */
	public SegmentedObject mask() { return mask; }

	/** Whether {@link #mask()} belongs to the current prompts. */
	public boolean isCurrent() { return current; }

	/** 0-based index of the shown candidate among {@link #candidateCount()}. */
	public int candidate() { return candidate; }

	public int candidateCount() { return candidates; }

	/** Whether the plane's embedding is being computed. */
	public boolean isEncoding() { return encoding; }
}
