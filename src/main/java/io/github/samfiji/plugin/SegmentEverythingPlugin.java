package io.github.samfiji.plugin;

import ij.plugin.PlugIn;

import io.github.samfiji.options.Operation;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Segment Everything": SAM's automatic mask generation on the current
 * image (every slice, or the current one), without prompts. Works interactively (a dialog the Macro Recorder
 * records), from macros and in plain ImageJ 1 {@code -batch} mode; its options are those of {@link
 * Operation#EVERYTHING} in the option table ({@code docs/options.md}). Errors are shown as one line (and abort a
 * running macro).
 */
public class SegmentEverythingPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		PluginRuns.run(Operation.EVERYTHING);
	}
}
