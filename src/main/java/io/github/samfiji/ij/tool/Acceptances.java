package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.result.SegmentedObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * A session's accepting and undoing, in the order the user did them: an object accepted before its mask was ready
 * waits (with any undo after it) until the background job has decoded it. Each object accepted or removed goes to
 * the image's {@link AcceptedObjects} and is reported as the macro statement that repeats it. Thread-safe.
 */
final class Acceptances {

	/** An object being accepted: its prompts and decodings (completed before it is accepted) and its plane. */
	private static final class Acceptance {

		final ObjectEditor editor;
		final int slice;

		Acceptance(ObjectEditor editor, int slice) {
			this.editor = editor;
			this.slice = slice;
		}
	}

	/** An undo waiting behind objects being accepted. */
	private static final Acceptance UNDO = new Acceptance(null, 0);

	private final ToolSession session;
	private final SegmenterAccess access;
	private final MultimaskMode multimask;
	private final Deque<Acceptance> waiting = new ArrayDeque<>();

	Acceptances(ToolSession session, SegmenterAccess access, MultimaskMode multimask) {
		this.session = session;
		this.access = access;
		this.multimask = multimask;
	}

	/**
	 * Accepts the object of {@code editor} (no longer edited by anyone) on plane {@code slice}: now, on the calling
	 * thread, if its mask is ready and nothing waits before it; otherwise it waits.
	 *
	 * @return whether it waits (the background job must run)
	 */
	boolean accept(ObjectEditor editor, int slice) {
		Acceptance a = new Acceptance(editor, slice);
		synchronized (this) {
			if (!editor.isDecoded() || !waiting.isEmpty()) {
				waiting.add(a);
				session.listener().status("The object will be accepted when its mask is ready");
				return true;
			}
		}
		finish(a);
		return false;
	}

	/**
	 * Removes the last accepted object, now or after the objects waiting before it.
	 *
	 * @return whether it waits (the background job must run)
	 */
	boolean undo() {
		synchronized (this) {
			if (!waiting.isEmpty()) {
				waiting.add(UNDO);
				return true;
			}
		}
		removeLast();
		return false;
	}

	/** Drops whatever waits (the model failed). */
	synchronized void clear() {
		waiting.clear();
	}

	/**
	 * Decodes and accepts, in order, the objects accepted before their masks were ready, and the undos after them.
	 *
	 * @param stepsOf how the steps of objects on a plane are decoded
	 * @param closed whether to stop (the session closed)
	 */
	void process(IntFunction<PlaneSteps> stepsOf, BooleanSupplier closed) {
		while (true) {
			Acceptance a;
			synchronized (this) {
				if (closed.getAsBoolean() || waiting.isEmpty()) return;
				a = waiting.peekFirst();
			}
			if (a == UNDO) removeLast();
			else {
				if (!a.editor.isDecoded()) ObjectDecoding.complete(stepsOf.apply(a.slice), a.editor, a.slice, null);
				if (closed.getAsBoolean()) return;
				finish(a);
			}
			synchronized (this) {
				waiting.pollFirst(); // only now, so that an object accepted meanwhile queues behind this one
			}
		}
	}

	private void finish(Acceptance a) {
		ToolSession.Listener listener = session.listener();
		try {
			SegmentedObject added = session.accepted().add(a.editor.shown());
			listener.record(selectImage() + new ObjectMacro(access.model(), access.options().intensityMapping(),
				multimask, access.options().boxMultimask(), access.options().encoding().withMode(a.editor.encoding()), access
					.channels(), a.slice, a.editor.prompts(), a.editor.ranks()).toMacroLine());
			listener.status("Accepted object " + added.id() + " (" + added.mask().area() + " pixels)");
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			listener.status(e.getMessage());
		}
		listener.updated(session);
	}

	private void removeLast() {
		ToolSession.Listener listener = session.listener();
		SegmentedObject removed = session.accepted().removeLast();
		if (removed == null) listener.status("No accepted object to remove");
		else {
			listener.record(selectImage() + "run(\"" + ObjectMacro.UNDO_COMMAND + "\");\n");
			listener.status("Removed object " + removed.id());
		}
		listener.updated(session);
	}

	/**
	 * The statement that makes the session's image current: recorded before each object, because showing the label
	 * image can make the Macro Recorder record a {@code selectImage} of it.
	 */
	private String selectImage() {
		return "selectImage(\"" + session.image().getTitle().replace("\\", "\\\\").replace("\"", "\\\"") + "\");\n";
	}
}
