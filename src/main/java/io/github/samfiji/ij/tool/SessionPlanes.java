package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.operation.ChosenPlanes;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImageRequests;

/**
 * The model side of a {@link ToolSession}: how the steps of objects on a plane are decoded ({@link PlaneSteps}),
 * with what is kept of the plane ({@link PlaneEmbedding}); every embedding computed (the whole plane, a tile or a
 * crop) is announced in the status bar and shown in the view ({@link #isComputing()}), and stopped when the
 * session closes or, while following the user, when they move to another plane. Used on the session's background
 * thread; {@link #isComputing()} from any thread.
 */
final class SessionPlanes {

	private final ToolSession session;
	private final PlaneEmbedding embedding;
	private final ChosenPlanes chosen;
	private final MultimaskMode multimask;

	/**
	 * @param access its channel choice says what the model sees of the image's planes
	 * @throws IllegalArgumentException for image types the models cannot read or a channel the image lacks
	 */
	SessionPlanes(ToolSession session, SegmenterAccess access, MultimaskMode multimask) {
		this.session = session;
		this.chosen = ChosenPlanes.of(ImageRequests.input(session.image()), access.channels(), access.options()
			.intensityMapping());
		this.embedding = new PlaneEmbedding(chosen.planes());
		this.multimask = multimask;
	}

	/** Whether an embedding is being computed now. */
	boolean isComputing() { return embedding.isComputing(); }

	/**
	 * How the steps of objects on plane {@code slice} are decoded.
	 *
	 * @param followPlane whether computing an embedding stops when the user moves to another plane
	 */
	PlaneSteps steps(PromptSegmenter segmenter, int slice, boolean followPlane) {
		int viewed = chosen.plane(slice);
		return new PlaneSteps(segmenter, multimask, s -> embedding.regions(s, viewed), () -> whole(segmenter, viewed,
			slice, followPlane), monitor(slice, followPlane));
	}

	/** Ends the announcement of a tile or crop being encoded (after each step). */
	void encoded() {
		if (!embedding.isComputing()) return;
		embedding.setComputing(false);
		session.listener().updated(session);
	}

	/** Announces a tile or crop of plane {@code slice} being encoded; cancels as {@link #cancelled} says. */
	private TaskMonitor monitor(int slice, boolean followPlane) {
		return new TaskMonitor() {

			@Override
			public void progress(String message, long done, long total) {
				if (session.isClosed()) return;
				embedding.setComputing(true);
				session.listener().status("SAM: " + message + " of slice " + slice + " of '" + session.image().getTitle() +
					"' (then every prompt inside it is decoded at once)...");
				session.listener().updated(session);
			}

			@Override
			public boolean isCancelled() { return cancelled(slice, followPlane); }
		};
	}

	/** Whether to stop computing an embedding of plane {@code slice}. */
	private boolean cancelled(int slice, boolean followPlane) {
		return session.isClosed() || followPlane && session.plane() != slice;
	}

	/**
	 * The whole embedding of plane {@code slice}.
	 *
	 * @throws java.util.concurrent.CancellationException when stopped
	 */
	private ImageEmbedding whole(PromptSegmenter segmenter, int viewed, int slice, boolean followPlane) {
		ToolSession.Listener listener = session.listener();
		return embedding.get(segmenter, viewed, () -> cancelled(slice, followPlane), new PlaneEmbedding.Progress() {

			@Override
			public void computing(int s) {
				if (session.isClosed()) return;
				listener.status("Computing the embedding of slice " + slice + " of '" + session.image().getTitle() +
					"'...");
				listener.updated(session);
			}

			@Override
			public void ready(int s) {
				if (session.isClosed()) return;
				listener.status("SAM ready on slice " + slice + ": " + ToolView.HELP);
				listener.updated(session);
			}
		});
	}
}
