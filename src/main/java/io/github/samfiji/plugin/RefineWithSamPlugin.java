package io.github.samfiji.plugin;

import ij.plugin.PlugIn;

import io.github.samfiji.options.Operation;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Refine with SAM": the objects of a label image, the ROI Manager or a
 * file become box prompts, and SAM's masks come back with the same label values. Works interactively (a dialog the
 * Macro Recorder records), from macros and in plain ImageJ 1 {@code -batch} mode; its options are those of {@link
 * Operation#REFINE} in the option table ({@code docs/options.md}). Errors are shown as one line (and abort a
 * running macro).
 */
public class RefineWithSamPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		PluginRuns.run(Operation.REFINE);
	}
}
