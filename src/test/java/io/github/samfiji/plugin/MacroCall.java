package io.github.samfiji.plugin;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;

/**
 * Runs {@link SegmentWithPromptsPlugin} as ImageJ's {@code run(command, options)} does, for tests: the options are
 * set for the current thread, whose name gets ImageJ's {@code Run$_} prefix (without it, {@link Macro#getOptions()}
 * returns null), and the image is made the thread's current image without a window.
 * <p>
 * {@link #segment(String)} is also the entry point of the {@code -batch} subprocess test, whose macro calls it with
 * {@code call("io.github.samfiji.plugin.MacroCall.segment", options)}: plain ImageJ 1 cannot {@code run()} any
 * menu command in a headless JVM (see {@link ImageJBatchModeTest}).
 */
public final class MacroCall {

	private MacroCall() {}

	/** Runs the plugin on the current image with these macro options; returns "done". */
	public static String segment(String options) {
		run(null, options);
		return "done";
	}

	/**
	 * Runs "Propagate through Stack" on the current image with these macro options; returns "done". For macros:
	 * {@code call("io.github.samfiji.plugin.MacroCall.propagate", options)}.
	 */
	public static String propagate(String options) {
		run(new PropagateObjectsPlugin(), null, options);
		return "done";
	}

	/** Runs "Segment with Prompts" on {@code image} (or on the current image when null) with these macro options. */
	static void run(ImagePlus image, String options) {
		run(new SegmentWithPromptsPlugin(), image, options);
	}

	/** Runs {@code plugin} on {@code image} (or on the current image when null) with these macro options. */
	static void run(PlugIn plugin, ImagePlus image, String options) {
		Thread thread = Thread.currentThread();
		String name = thread.getName();
		ImagePlus previous = image == null ? null : WindowManager.getCurrentImage();
		try {
			if (!name.startsWith("Run$_")) thread.setName("Run$_" + name);
			Macro.setOptions(thread, options);
			if (image != null) WindowManager.setTempCurrentImage(image);
			plugin.run("");
		}
		finally {
			Macro.setOptions(thread, null);
			thread.setName(name);
			if (image != null) WindowManager.setTempCurrentImage(previous);
		}
	}
}
