package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.frame.Recorder;

import io.github.samfiji.engine.model.ModelNotInstalledException;
import io.github.samfiji.ij.tool.ToolOverlay;
import io.github.samfiji.ij.tool.ToolSession;
import io.github.samfiji.ij.tool.ToolSessions;

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
				ToolSessions.shared().close(image);
				ToolOverlay.remove(image);
				ModelMissingDialog.show(SamTool.NAME, (ModelNotInstalledException) error);
			}
			else {
				IJ.error(SamTool.NAME, error.getMessage() == null ? error.toString() : error.getMessage());
				if (!(error instanceof java.io.IOException) && !(error instanceof IllegalArgumentException)) IJ
					.handleException(error);
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
