package io.github.samfiji.ij.tool;

import ij.ImagePlus;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.PromptSegmenter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * The interactive tool's logic for one image, without any window, so that tests drive it like the mouse does.
 * Prompts are given in pixel positions of the current plane; the plane's embedding is computed (or taken from the
 * cache) and each prompt change decoded on one background thread ({@link CoalescingWorker}: only the latest
 * prompts are decoded, clicks never queue up). A plane larger than the model input may be encoded in tiles or
 * crops instead, as the encoding options say ({@link PlaneSteps}): a tile or crop is encoded on that thread when the
 * first prompt needs it (the status bar says so), then serves every prompt inside it. The {@link Listener} hears about every change, on that thread or on
 * the caller's. Accepting hands the shown mask to the image's {@link AcceptedObjects} and reports the macro
 * statement that makes the same object ({@link ObjectMacro}); if the mask of the latest prompts is not ready yet,
 * it is accepted as soon as it is. The image is only read.
 */
public final class ToolSession implements AutoCloseable {

	/** Hears about a session's changes; methods may be called on any thread. Only failures must be handled. */
	public interface Listener {

		/** Prompts, the shown mask or the accepted objects changed: redraw. */
		default void updated(ToolSession session) {}

		/** A message for the status bar. */
		default void status(String message) {}

		/** Background work failed (e.g. the model is not installed); the session stays usable. */
		void failed(Exception error);

		/** A macro statement that repeats what was just done, for the Macro Recorder. */
		default void record(String macroLine) {}
	}

	private final ImagePlus image;
	private final SessionPlanes planes;
	private final SegmenterAccess access;
	private final MultimaskMode multimask;
	private final AcceptedObjects accepted;
	private final Listener listener;
	private final CoalescingWorker worker;
	private final Acceptances acceptances;

	private int plane;
	private ObjectEditor editor = new ObjectEditor();
	private volatile boolean closed;

	/**
	 * A session on the image's current plane; call {@link #start()} to compute its embedding ahead of the first
	 * prompt.
	 *
	 * @param access the model; its multimask option chooses the candidate shown first ({@code ALL} counts as
	 *          {@code BEST}); M shows the others
	 * @throws IllegalArgumentException for image types the models cannot read
	 */
	public ToolSession(ImagePlus image, SegmenterAccess access, AcceptedObjects accepted, Listener listener) {
		this.image = image;
		this.access = access;
		this.multimask = access.options().multimask() == MultimaskMode.ALL ? MultimaskMode.BEST : access.options()
			.multimask();
		this.planes = new SessionPlanes(this, access, multimask);
		this.accepted = accepted;
		this.listener = listener;
		this.plane = image.getCurrentSlice();
		this.acceptances = new Acceptances(this, access, multimask);
		this.worker = new CoalescingWorker("SAM tool: " + image.getTitle(), this::work);
	}

	public ImagePlus image() { return image; }

	public AcceptedObjects accepted() { return accepted; }

	Listener listener() { return listener; }

	/**
	 * Computes the current plane's embedding in the background (nothing happens if it is ready); for a plane
	 * encoded in tiles or crops, what they need of the whole plane (its fingerprint and intensity range).
	 */
	public void start() {
		worker.request();
	}

	/** Moves to another plane (1-based stack index): the object being prompted is discarded. */
	public void setPlane(int slice) {
		synchronized (this) {
			if (slice == plane) return;
			plane = slice;
			editor = new ObjectEditor();
		}
		worker.request();
		listener.updated(this);
	}

	public synchronized int plane() { return plane; }

	/**
	 * Adds a point on pixel {@code (x, y)} (its centre prompts); a point outside the image is ignored with a status
	 * message.
	 *
	 * @return whether the point was added
	 */
	public boolean addPoint(int x, int y, boolean positive) {
		if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) {
			listener.status("Outside the image: point ignored");
			return false;
		}
		synchronized (this) {
			editor.addPoint(PromptPoint.atPixel(x, y, positive));
		}
		changed();
		return true;
	}

	/**
	 * Sets the box covering pixel columns {@code x..x+width-1} and rows {@code y..y+height-1}, clipped to the image
	 * (replacing the previous box); a box entirely outside is ignored with a status message.
	 *
	 * @return whether the box was set
	 */
	public boolean setBox(int x, int y, int width, int height) {
		int x0 = Math.max(0, x), y0 = Math.max(0, y);
		int x1 = Math.min(image.getWidth(), x + width), y1 = Math.min(image.getHeight(), y + height);
		if (x1 <= x0 || y1 <= y0) {
			listener.status("Outside the image: box ignored");
			return false;
		}
		synchronized (this) {
			editor.setBox(new PromptBox(x0, y0, x1 - x0, y1 - y0));
		}
		changed();
		return true;
	}

	/** Removes the last point or box of the object being prompted. */
	public void removeLastPrompt() {
		synchronized (this) {
			if (!editor.removeLastPrompt()) return;
		}
		changed();
	}

	/** Shows the next candidate mask of a multimask model (later prompts then refine that one). */
	public void nextCandidate() {
		boolean cycled;
		synchronized (this) {
			cycled = editor.nextCandidate();
		}
		if (cycled) changed();
		else listener.status("This model gives one mask per prompt");
	}

	/**
	 * Accepts the shown mask as a new object and starts the next one. When the mask of the latest prompts is still
	 * being computed, the object is accepted as soon as it is ready (objects keep the order they were accepted in).
	 */
	public void accept() {
		ObjectEditor taken;
		int slice;
		synchronized (this) {
			if (editor.isEmpty()) {
				listener.status("Nothing to accept: click on an object or drag a box around it first");
				return;
			}
			if (editor.isDecoded() && editor.shown().mask().isEmpty()) {
				listener.status("The mask is empty: add a point inside the object, or discard it with Esc");
				return;
			}
			taken = editor;
			slice = plane;
			editor = new ObjectEditor();
		}
		if (acceptances.accept(taken, slice)) worker.request();
		listener.updated(this);
	}

	/** Discards the object being prompted. */
	public void discard() {
		synchronized (this) {
			editor = new ObjectEditor();
		}
		listener.updated(this);
	}

	/**
	 * Removes the last accepted object of this image; after the objects still waiting for their masks, if any, so
	 * that the order of accepting and undoing is kept.
	 */
	public void undo() {
		if (acceptances.undo()) worker.request();
	}

	/** What to draw now. */
	public synchronized ToolView view() {
		return new ToolView(plane, editor.points(), editor.box(), editor.shown(), editor.isDecoded(), editor
			.shownIndex(), editor.candidateCount(), planes.isComputing());
	}

	/**
	 * Blocks until the background work is done (tests, and commands that need the result).
	 *
	 * @throws TimeoutException when it takes longer than {@code timeoutMillis}
	 */
	public void awaitIdle(long timeoutMillis) throws InterruptedException, TimeoutException {
		worker.awaitIdle(timeoutMillis);
	}

	/**
	 * Ends the session: waiting work is dropped and a running model call's result is ignored (an embedding still
	 * goes to the cache). Does not block. Accepted objects stay.
	 */
	@Override
	public void close() {
		closed = true;
		worker.close();
	}

	public boolean isClosed() { return closed; }

	private void changed() {
		worker.request();
		listener.updated(this);
	}

	/** The background job: objects waiting for acceptance, then the current plane's embedding and mask. */
	private void work() {
		try {
			access.apply(segmenter -> {
				try {
					acceptances.process(slice -> planes.steps(segmenter, slice, false), () -> closed);
					planes.encoded();
					decodeCurrent(segmenter);
				}
				finally {
					planes.encoded();
				}
				return null;
			});
		}
		catch (CancellationException e) {
			// closed, or moved to another plane while it was encoded: the next run (if any) starts afresh
		}
		catch (IOException | RuntimeException e) {
			acceptances.clear();
			if (!closed) listener.failed(e);
		}
	}

	/** Decodes the current object's prompts not decoded yet, one step per prompt, until it has caught up. */
	private void decodeCurrent(PromptSegmenter segmenter) {
		int wanted;
		synchronized (this) {
			if (closed) return;
			wanted = plane;
		}
		PlaneSteps steps = planes.steps(segmenter, wanted, true);
		if (steps.prepare()) listener.status("SAM ready on slice " + wanted + " (encoding=" + steps.mode().key() +
			": a region is encoded when first prompted): " + ToolView.HELP);
		while (true) {
			ObjectEditor current;
			ObjectEditor.Request request;
			synchronized (this) {
				if (closed || plane != wanted) return;
				current = editor;
				request = current.next(wanted);
				if (request == null) return;
			}
			List<SegmentedObject> candidates = steps.candidates(request);
			planes.encoded();
			boolean kept;
			synchronized (this) {
				kept = !closed && current == editor && current.apply(request, candidates, steps.mode());
			}
			if (kept) {
				SegmentedObject best = candidates.get(0);
				listener.status(String.format("mask of %d pixels, predicted IoU %.2f%s%s: Enter accepts, Esc discards", best
					.mask().area(), best.predictedIou(), steps.mode() == EncodingMode.WHOLE ? "" : " (on " + best.region() +
						")", candidates.size() > 1 ? ", M shows the next of " + candidates.size() : ""));
				listener.updated(this);
			}
		}
	}
}
