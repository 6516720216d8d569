package io.github.samfiji.plugin;

import ij.IJ;
import ij.Macro;
import ij.plugin.PlugIn;

import io.github.samfiji.ij.SamOptions;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionHelp;

import java.awt.GraphicsEnvironment;

/**
 * "Plugins > Segment Anything > SAM Options...": the model, threads, intensity mapping, multimask choice and overlay
 * colour and opacity of the tool, also the defaults of the "Segment with Prompts" dialog; remembered in the ImageJ
 * preferences. Recorded by the Macro Recorder; see {@link SamOptions} for the macro keys.
 */
public class SamOptionsPlugin implements PlugIn {

	static final String TITLE = "SAM Options";

	@Override
	public void run(String arg) {
		String macro = Macro.getOptions();
		if (macro == null) {
			if (GraphicsEnvironment.isHeadless()) IJ.error(TITLE,
				"No display: give the options in the macro call, e.g. " + OptionHelp.macroExample(Operation.TOOL));
			else editInteractively();
			return;
		}
		try {
			apply(SamOptions.load().withMacroOptions(macro));
		}
		catch (IllegalArgumentException e) {
			PluginRuns.fail(TITLE, e, true);
		}
	}

	/** Shows the dialog and applies what the user chose. */
	static void editInteractively() {
		SamOptions chosen;
		try {
			chosen = SamOptions.load().showDialog(TITLE);
		}
		catch (IllegalArgumentException e) {
			PluginRuns.fail(TITLE, e, false);
			return;
		}
		if (chosen != null) apply(chosen);
	}

	private static void apply(SamOptions chosen) {
		chosen.save();
		SamTool.optionsChanged(chosen);
	}
}
