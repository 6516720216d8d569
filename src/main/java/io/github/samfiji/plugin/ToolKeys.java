package io.github.samfiji.plugin;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.ImageWindow;
import ij.gui.Toolbar;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;

/**
 * Gives the SAM tool its keys while it is the selected tool and an image window has the focus, before ImageJ's own
 * shortcuts see them (a key the tool uses does nothing else, e.g. Enter does not bring the ImageJ window forward).
 * Keys the tool does not use, and keys with Ctrl, Cmd or Alt, go on to ImageJ.
 */
final class ToolKeys implements java.awt.KeyEventDispatcher {

	private static boolean installed;

	private ToolKeys() {}

	/** Installs the dispatcher once per JVM. */
	static synchronized void install() {
		if (installed) return;
		KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(new ToolKeys());
		installed = true;
	}

	@Override
	public boolean dispatchKeyEvent(KeyEvent e) {
		if (e.getID() != KeyEvent.KEY_PRESSED || e.isControlDown() || e.isMetaDown() || e.isAltDown()) return false;
		if (!(Toolbar.getPlugInTool() instanceof SamTool)) return false;
		ImagePlus image = imageOf(e.getComponent());
		return image != null && ((SamTool) Toolbar.getPlugInTool()).keyPressed(image, e.getKeyCode());
	}

	private static ImagePlus imageOf(Component c) {
		for (Component p = c; p != null; p = p.getParent()) {
			if (p instanceof ImageCanvas) return ((ImageCanvas) p).getImage();
			if (p instanceof ImageWindow) return ((ImageWindow) p).getImagePlus();
		}
		return null;
	}
}
