package io.github.samfiji.plugin;

import ij.IJ;
import ij.ImageListener;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.Roi;
import ij.gui.Toolbar;
import ij.plugin.tool.PlugInTool;

import io.github.samfiji.ij.SamOptions;
import io.github.samfiji.ij.tool.ObjectMacro;
import io.github.samfiji.ij.tool.SegmenterAccess;
import io.github.samfiji.ij.tool.ToolOverlay;
import io.github.samfiji.ij.tool.ToolSession;
import io.github.samfiji.ij.tool.ToolSessions;
import io.github.samfiji.ij.tool.ToolView;
import io.github.samfiji.service.SamServices;

import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.util.List;

/**
 * The interactive SAM tool in the ImageJ toolbar, installed by "Plugins > Segment Anything > SAM Tool". A thin
 * layer over {@link ToolSession}, which holds the logic: click = positive point, Alt- or Ctrl-click = negative
 * point, drag = box; Enter accepts the object (ROI Manager, label image, results table, Macro Recorder), Esc
 * discards it, Backspace removes its last prompt, M shows the next candidate mask, U removes the last accepted
 * object. Double-click the toolbar icon for the options. The image's pixels are never changed: the tool draws in
 * the image's overlay.
 */
public class SamTool extends PlugInTool {

	static final String NAME = "SAM Tool";
	private static final int DRAG_THRESHOLD = 4; // screen pixels
	private static boolean listening;

	private Point pressedPixel;
	private Point pressedScreen;
	private ImagePlus dragImage;
	private Rectangle dragBox;

	@Override
	public void run(String arg) {
		if (GraphicsEnvironment.isHeadless() || Toolbar.getInstance() == null) {
			IJ.error(NAME, "The SAM tool needs the ImageJ window; in macros use \"" + ObjectMacro.COMMAND +
				"\", which the tool records");
			return;
		}
		listen();
		ToolKeys.install();
		Toolbar.addPlugInTool(this);
		ImagePlus current = WindowManager.getCurrentImage();
		if (current != null) session(current, false);
		IJ.showStatus("SAM: " + ToolView.HELP);
	}

	@Override
	public String getToolName() { return NAME; }

	@Override
	public String getToolIcon() { return "C0a0o22bbC060O22bbCff0o7744"; }

	@Override
	public void showOptionsDialog() {
		SamOptionsPlugin.editInteractively();
	}

	/** The tool's sessions and accepted objects, in the {@code SamService}. */
	static ToolSessions tools() {
		return SamServices.current().tools();
	}

	/** The options every new session uses. */
	static SamOptions options() {
		return tools().options();
	}

	/** New options: sessions end (prompts being made are dropped) and start again with them at the next use. */
	static void optionsChanged(SamOptions newOptions) {
		for (ImagePlus image : tools().setOptions(newOptions))
			ToolOverlay.remove(image);
	}

	@Override
	public void mousePressed(ImagePlus imp, MouseEvent e) {
		e.consume();
		ToolSession session = session(imp, true);
		if (session == null) return;
		session.setPlane(imp.getCurrentSlice());
		pressedPixel = pixel(imp, e);
		pressedScreen = e.getPoint();
		dragImage = imp;
		dragBox = null;
	}

	@Override
	public void mouseDragged(ImagePlus imp, MouseEvent e) {
		e.consume();
		if (pressedPixel == null || imp != dragImage) return;
		if (dragBox == null && pressedScreen.distance(e.getPoint()) < DRAG_THRESHOLD) return;
		Point p = pixel(imp, e);
		dragBox = new Rectangle(Math.min(p.x, pressedPixel.x), Math.min(p.y, pressedPixel.y), Math.abs(p.x -
			pressedPixel.x) + 1, Math.abs(p.y - pressedPixel.y) + 1);
		ToolSession session = tools().existing(imp);
		if (session != null) redraw(imp, session);
	}

	@Override
	public void mouseReleased(ImagePlus imp, MouseEvent e) {
		e.consume();
		ToolSession session = tools().existing(imp);
		Rectangle box = dragBox;
		Point pixel = pressedPixel;
		pressedPixel = null;
		dragBox = null;
		dragImage = null;
		if (session == null || pixel == null) return;
		if (box != null) session.setBox(box.x, box.y, box.width, box.height);
		else session.addPoint(pixel.x, pixel.y, !(e.isAltDown() || e.isControlDown()));
	}

	@Override
	public void mouseEntered(ImagePlus imp, MouseEvent e) {
		session(imp, false); // starts computing the embedding before the first click
	}

	/** A key pressed on {@code imp} while the tool is selected; returns whether the tool used it. */
	boolean keyPressed(ImagePlus imp, int keyCode) {
		ToolSession session = tools().existing(imp);
		if (session == null) return false;
		ToolView view = session.view();
		boolean prompting = !view.points().isEmpty() || view.box() != null;
		switch (keyCode) {
			case KeyEvent.VK_ENTER:
				session.accept();
				return true;
			case KeyEvent.VK_ESCAPE:
				if (prompting) session.discard();
				return prompting;
			case KeyEvent.VK_BACK_SPACE:
			case KeyEvent.VK_DELETE:
				if (prompting) session.removeLastPrompt();
				return prompting;
			case KeyEvent.VK_M:
				session.nextCandidate();
				return true;
			case KeyEvent.VK_U:
				session.undo();
				return true;
			default:
				return false;
		}
	}

	/** Draws the session (and the box being dragged) in the image's overlay; on the event thread. */
	void redraw(ImagePlus imp, ToolSession session) {
		SamOptions o = options();
		ToolView view = session.view();
		List<Roi> elements = ToolOverlay.elements(imp, view, session.accepted().outputs(), o.overlayColor(), o
			.overlayOpacity());
		if (dragBox != null && dragImage == imp) elements.add(ToolOverlay.dragBox(imp, view.plane(), dragBox, o
			.overlayColor()));
		ToolOverlay.apply(imp, elements);
	}

	/** The image's session, made if needed; {@code null} (with a message if {@code complain}) for unsupported images. */
	private ToolSession session(ImagePlus imp, boolean complain) {
		try {
			return tools().get(imp, image -> {
				SamOptions o = options();
				ToolUi ui = new ToolUi(this, image);
				return new ToolSession(image, SegmenterAccess.of(SamServices.current().engine(), o.model(), o
					.engineOptions(), o.segmentationOptions(), o.cacheDirectory(), o.channels(), ui::status), tools().accepted(image), ui);
			});
		}
		catch (IllegalArgumentException e) {
			if (complain) IJ.error(NAME, e.getMessage());
			return null;
		}
	}

	private static Point pixel(ImagePlus imp, MouseEvent e) {
		ImageCanvas canvas = imp.getCanvas();
		return new Point(canvas.offScreenX(e.getX()), canvas.offScreenY(e.getY()));
	}

	/** Follows slice changes and closes sessions of closed images; registered once per JVM. */
	private static synchronized void listen() {
		if (listening) return;
		listening = true;
		ImagePlus.addImageListener(new ImageListener() {

			@Override
			public void imageOpened(ImagePlus imp) {}

			@Override
			public void imageClosed(ImagePlus imp) {
				tools().imageClosed(imp);
			}

			@Override
			public void imageUpdated(ImagePlus imp) {
				ToolSession session = tools().existing(imp);
				if (session != null && session.plane() != imp.getCurrentSlice()) session.setPlane(imp.getCurrentSlice());
			}
		});
	}
}
