package io.github.samfiji.plugin;

import ij.plugin.PlugIn;

import io.github.samfiji.options.Operation;

/**
 * ImageJ 1 entry "Plugins > Segment Anything > Propagate through Stack": each object annotated on one or more
 * planes (ROIs with their stack position, or a prompt file) is followed through the stack along z or t. Works
 * interactively (a dialog the Macro Recorder records), from macros and in plain ImageJ 1 {@code -batch} mode; its
 * options are those of {@link Operation#PROPAGATE} in the option table ({@code docs/options.md}). Errors are shown
 * as one line (and abort a running macro).
 */
public class PropagateObjectsPlugin implements PlugIn {

	@Override
	public void run(String arg) {
		PluginRuns.run(Operation.PROPAGATE);
	}
}
