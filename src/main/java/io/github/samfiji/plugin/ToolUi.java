package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.frame.Recorder;

import io.github.samfiji.engine.model.ModelNotInstalledException;
import io.github.samfiji.ij.tool.ToolOverlay;
import io.github.samfiji.ij.tool.ToolSession;
import io.github.samfiji.options.ErrorMessages;
import io.github.samfiji.service.SamServices;

import java.awt.EventQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries one session's notifications to ImageJ: redraws on the event thread (coalesced, so a burst of changes
 * draws once), status bar messages, error dialogs, and the Macro Recorder.
 */
final class ToolUi implements ToolSession.Listener {

	private final SamTool tool;
	private final ImagePlus image;
	private final AtomicBoolean redrawScheduled = new AtomicBoolean();

	ToolUi(SamTool tool, ImagePlus image) {
		this.tool = tool;
		this.image = image;
	}

	@Override
	public void updated(ToolSession session) {
		if (redrawScheduled.compareAndSet(false, true)) EventQueue.invokeLater(() -> {
			redrawScheduled.set(false);
			if (!session.isClosed()) tool.redraw(image, session);
		});
	}

	@Override
	public void status(String message) {
		IJ.showStatus("SAM: " + message);
	}

	@Override
	public void failed(Exception error) {
		EventQueue.invokeLater(() -> {
			if (error instanceof ModelNotInstalledException) {
				// a new session is made at the next click, with the model installed or another one chosen
				SamServices.current().tools().close(image);
				ToolOverlay.remove(image);
				ModelMissingDialog.show(SamTool.NAME, (ModelNotInstalledException) error);
			}
			else {
				PluginRuns.fail(SamTool.NAME, error, false);
			}
		});
	}

	/** Records in the Recorder's language: the macro language, or IJ calls for JavaScript, BeanShell and Java. */
	@Override
	public void record(String macroLine) {
		if (!Recorder.record) return;
		Recorder.recordString(Recorder.scriptMode() ? macroLine.replace("selectImage(", "IJ.selectWindow(").replace(
			"run(\"", "IJ.run(\"") : macroLine);
	}
}
