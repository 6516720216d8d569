package io.github.samfiji.ij.tool;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tool's sessions, one per open image, so that going back to an image finds its prompts and embedding. Closing
 * an image closes its session. Thread-safe.
 */
public final class ToolSessions {

	private static final ToolSessions SHARED = new ToolSessions();

	private final Map<ImagePlus, ToolSession> sessions = new IdentityHashMap<>();

	/** The sessions of the ImageJ tool. */
	public static ToolSessions shared() { return SHARED; }

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

	/** Closes the image's session, if any. */
	public void close(ImagePlus image) {
		ToolSession s;
		synchronized (this) {
			s = sessions.remove(image);
		}
		if (s != null) s.close();
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
}
