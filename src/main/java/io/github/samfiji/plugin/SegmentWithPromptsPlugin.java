package io.github.samfiji.plugin;

import ij.plugin.PlugIn;

import io.github.samfiji.options.Operation;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Segment with Prompts": objects from point, box and mask prompts:
 * rectangles and other area ROIs are boxes, multi-point ROIs are points (counter 0 positive, counter 1 negative),
 * ROIs of the same name one object. Works interactively (a dialog the Macro Recorder records), from macros and in
 * plain ImageJ 1 {@code -batch} mode; its options are those of {@link Operation#SEGMENT} in the option table
 * ({@code docs/options.md}). Errors are shown as one line (and abort a running macro).
 */
public class SegmentWithPromptsPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		PluginRuns.run(Operation.SEGMENT);
	}
}
