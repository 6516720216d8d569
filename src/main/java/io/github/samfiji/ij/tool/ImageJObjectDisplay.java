package io.github.samfiji.ij.tool;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.gui.ImageWindow;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.frame.Recorder;
import ij.plugin.frame.RoiManager;

import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.ij.OutputDisplay;
import io.github.samfiji.ij.SegmentationOutputs;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;

/**
 * Shows accepted objects in ImageJ: one label image per source image ({@code <image>-labels}), kept up to date in
 * place (a new one is opened if the user closed it), each object's ROI in the ROI Manager (the hidden batch-mode
 * manager in batch macros), and the results table {@value OutputDisplay#TABLE_TITLE}. Windows are touched on the
 * event thread. In a headless JVM only batch-mode macros can hold images; the ROI Manager and the table are then
 * skipped, with one log line.
 */
final class ImageJObjectDisplay implements ObjectDisplay {

	private final ImagePlus source;
	private ImagePlus labels;
	private boolean warnedHeadless;

	ImageJObjectDisplay(ImagePlus source) {
		this.source = source;
	}

	@Override
	public void added(SegmentationOutputs outputs, SegmentedObject object) {
		RoiManager manager = manager();
		onEventThread(() -> {
			showLabels(outputs);
			Roi roi = roiOf(outputs, object);
			if (manager != null && roi != null) manager.addRoi((Roi) roi.clone());
			showTable(outputs);
			giveBackFocus();
		});
	}

	@Override
	public void removed(SegmentationOutputs outputs, SegmentedObject object) {
		RoiManager manager = manager();
		onEventThread(() -> {
			showLabels(outputs);
			giveBackFocus();
			if (manager != null) {
				String name = SegmentationOutputs.roiName(object);
				for (int i = manager.getCount() - 1; i >= 0; i--)
					if (name.equals(manager.getName(i))) {
						manager.delete(i);
						break;
					}
			}
			showTable(outputs);
		});
	}

	/** The label image now shown for the source (for tests and commands), or {@code null}. */
	ImagePlus labels() { return labels; }

	/**
	 * Makes the source image current again after the label image, the ROI Manager or the table opened, so that the
	 * user's next click and key go on prompting it (without recording a selectImage).
	 */
	private void giveBackFocus() {
		ImageWindow window = source.getWindow();
		if (window == null || WindowManager.getCurrentWindow() == window) return;
		Recorder.suspendRecording();
		try {
			WindowManager.setCurrentWindow(window);
			window.toFront();
		}
		finally {
			Recorder.resumeRecording();
		}
	}

	private void showLabels(SegmentationOutputs outputs) {
		ImagePlus fresh = outputs.labels();
		if (labels != null && WindowManager.getImage(labels.getID()) != null && sameShape(labels, fresh)) {
			ImageStack target = labels.getStack();
			for (int s = 1; s <= target.getSize(); s++) {
				short[] from = (short[]) fresh.getStack().getPixels(s);
				System.arraycopy(from, 0, (short[]) target.getPixels(s), 0, from.length);
			}
			labels.setDisplayRange(fresh.getDisplayRangeMin(), fresh.getDisplayRangeMax());
			labels.updateAndDraw();
			return;
		}
		if (GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode()) {
			warnHeadless();
			labels = fresh;
			return;
		}
		labels = fresh;
		Recorder.suspendRecording(); // showing it is no step of the user's macro
		try {
			labels.show();
		}
		finally {
			Recorder.resumeRecording();
		}
	}

	private void showTable(SegmentationOutputs outputs) {
		if (GraphicsEnvironment.isHeadless()) return;
		outputs.resultsTable().show(OutputDisplay.TABLE_TITLE);
	}

	private RoiManager manager() {
		RoiManager rm = RoiManager.getInstance();
		if (rm != null) return rm;
		if (GraphicsEnvironment.isHeadless()) {
			warnHeadless();
			return null;
		}
		return RoiManager.getRoiManager();
	}

	private void warnHeadless() {
		if (warnedHeadless) return;
		warnedHeadless = true;
		IJ.log("Segment Anything: no display, so the ROI Manager and the results table are not updated for '" + source
			.getTitle() + "'");
	}

	private static Roi roiOf(SegmentationOutputs outputs, SegmentedObject object) {
		String name = SegmentationOutputs.roiName(object);
		for (Roi roi : outputs.rois())
			if (name.equals(roi.getName())) return roi;
		return null;
	}

	private static boolean sameShape(ImagePlus a, ImagePlus b) {
		return a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight() && a.getStackSize() == b
			.getStackSize() && a.getType() == ImagePlus.GRAY16;
	}

	/** Runs {@code r} on the event thread and waits, or directly where there is none or we are on it. */
	private static void onEventThread(Runnable r) {
		if (GraphicsEnvironment.isHeadless() || EventQueue.isDispatchThread()) {
			r.run();
			return;
		}
		try {
			EventQueue.invokeAndWait(r);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while showing the segmentation outputs", e);
		}
		catch (InvocationTargetException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw new IllegalStateException(e.getCause());
		}
	}
}
