package io.github.samfiji.ij.tool;

import ij.ImagePlus;

import io.github.samfiji.ij.SamOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The SAM tool's state across commands: one {@link ToolSession} per image it was used on, so that going back to an
 * image finds its prompts and embedding, and the {@link AcceptedObjects} of each image (made by the tool or by the
 * "Segment Object" macro command), and the options new sessions use. Closing an image closes its session and forgets its objects (their outputs stay
 * open). Held by the {@code SamService}; tests make their own. Thread-safe.
 */
public final class ToolSessions implements AutoCloseable {

	private final Map<ImagePlus, ToolSession> sessions = new IdentityHashMap<>();
	private final Map<Integer, AcceptedObjects> accepted = new HashMap<>();
	private final Function<ImagePlus, ObjectDisplay> displays;
	private SamOptions options;

	/** Sessions whose accepted objects are shown in ImageJ (label image, ROI Manager, results table). */
	public ToolSessions() {
		this(ImageJObjectDisplay::new);
	}

	/** @param displays how the accepted objects of an image are shown */
	public ToolSessions(Function<ImagePlus, ObjectDisplay> displays) {
		this.displays = displays;
	}

	/**
	 * The image's session, made by {@code factory} (and started) if it has none.
	 *
	 * @throws IllegalArgumentException from the factory, for unsupported images
	 */
	public synchronized ToolSession get(ImagePlus image, Function<ImagePlus, ToolSession> factory) {
		ToolSession s = sessions.get(image);
		if (s == null) {
			s = factory.apply(image);
			sessions.put(image, s);
			s.start();
		}
		return s;
	}

	/** The image's session, or {@code null}. */
	public synchronized ToolSession existing(ImagePlus image) {
		return sessions.get(image);
	}

	/** The options new sessions use: those remembered in the ImageJ preferences until {@link #setOptions}. */
	public synchronized SamOptions options() {
		if (options == null) options = SamOptions.load();
		return options;
	}

	/**
	 * New options for new sessions: every session ends (prompts being made are dropped) and starts again with them
	 * at its image's next use.
	 *
	 * @return the images whose sessions ended
	 */
	public List<ImagePlus> setOptions(SamOptions newOptions) {
		synchronized (this) {
			options = newOptions;
		}
		return closeAll();
	}

	/** The objects accepted on {@code image} (one instance per open image). */
	public synchronized AcceptedObjects accepted(ImagePlus image) {
		return accepted.computeIfAbsent(image.getID(), id -> new AcceptedObjects(image, displays.apply(image)));
	}

	/** Closes the image's session, if any. */
	public void close(ImagePlus image) {
		ToolSession s;
		synchronized (this) {
			s = sessions.remove(image);
		}
		if (s != null) s.close();
	}

	/** The image was closed: closes its session and forgets its objects. */
	public void imageClosed(ImagePlus image) {
		close(image);
		synchronized (this) {
			accepted.remove(image.getID());
		}
	}

	/** Closes every session (e.g. when the options change); returns their images. */
	public List<ImagePlus> closeAll() {
		List<ToolSession> all;
		synchronized (this) {
			all = new ArrayList<>(sessions.values());
			sessions.clear();
		}
		List<ImagePlus> images = new ArrayList<>();
		for (ToolSession s : all) {
			s.close();
			images.add(s.image());
		}
		return images;
	}

	/** Closes every session and forgets every image's objects. */
	@Override
	public void close() {
		closeAll();
		synchronized (this) {
			accepted.clear();
		}
	}
}
