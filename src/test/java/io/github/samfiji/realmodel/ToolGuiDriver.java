package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.Toolbar;
import ij.io.FileSaver;
import ij.plugin.frame.Recorder;
import ij.plugin.frame.RoiManager;

import io.github.samfiji.ij.tool.AcceptedObjects;
import io.github.samfiji.ij.tool.ToolSession;
import io.github.samfiji.plugin.SamTool;
import io.github.samfiji.service.SamServices;

import java.awt.AWTEvent;
import java.awt.Component;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

/**
 * Drives the SAM tool in a real ImageJ 1 window, for {@link ToolGuiIT} (run under a virtual display): opens a
 * DSB2018 image, selects the tool, drags a box around one nucleus and accepts it with Enter, clicks a second one
 * and accepts it, clicks a third without accepting, and saves a screenshot, the label image, the ROI Manager's
 * names, the Macro Recorder's text and which ground-truth nuclei were prompted. Every event goes through the
 * image canvas on the event thread, as a user's would. The plugin is installed as a user installs it (a jar in the
 * {@code plugins} folder of {@code IJ-HOME}) and the tool selected from its menu command. Usage:
 * {@code ToolGuiDriver IMAGE.png OUT-DIR IJ-HOME}.
 */
public final class ToolGuiDriver {

	private static final long WAIT_MS = 120_000;

	private ToolGuiDriver() {}

	public static void main(String[] args) throws Exception {
		try {
			System.setProperty("plugins.dir", args[2]);
			run(Paths.get(args[0]), Paths.get(args[1]));
			System.exit(0);
		}
		catch (Throwable t) {
			t.printStackTrace();
			System.exit(1);
		}
	}

	private static void run(Path imageFile, Path out) throws Exception {
		ImageJ ij = new ImageJ();
		ij.setLocation(0, 0);
		ImagePlus imp = IJ.openImage(imageFile.toString());
		imp.show();
		waitFor("the image window", () -> imp.getWindow() != null && imp.getWindow().isShowing());
		onEdt(() -> {
			imp.getWindow().setLocation(0, ij.getHeight() + 10);
			IJ.run(imp, "Set... ", "zoom=200");
		});
		new Recorder();
		onEdt(() -> Recorder.getInstance().setLocation(1000, 600));
		IJ.run("SAM Tool");
		waitFor("the SAM tool", () -> Toolbar.getPlugInTool() instanceof SamTool);

		ImagePlus truthImage = IJ.openImage(imageFile.resolveSibling(imageFile.getFileName().toString().replace(".png",
			"_labels.png")).toString());
		List<GroundTruthObject> targets = targets(GroundTruthObject.fromLabels((short[]) truthImage.getProcessor()
			.getPixels(), imp.getWidth(), imp.getHeight()));
		GroundTruthObject boxed = targets.get(0), clicked = targets.get(1), shown = targets.get(2);

		drag(imp, boxed.minX, boxed.minY, boxed.maxX, boxed.maxY);
		waitForMask(imp);
		key(imp, KeyEvent.VK_ENTER);
		waitFor("object 1", () -> SamServices.current().tools().accepted(imp).size() == 1);
		click(imp, clicked.pointX, clicked.pointY);
		waitForMask(imp);
		key(imp, KeyEvent.VK_ENTER);
		waitFor("object 2", () -> SamServices.current().tools().accepted(imp).size() == 2);
		click(imp, shown.pointX, shown.pointY);
		waitForMask(imp);
		waitFor("the ROI Manager", () -> RoiManager.getInstance() != null && RoiManager.getInstance().getCount() == 2);
		ImagePlus labelWindow = WindowManager.getImage(imp.getShortTitle() + "-labels");
		Window table = WindowManager.getWindow("SAM Results");
		onEdt(() -> {
			int right = imp.getWindow().getX() + imp.getWindow().getWidth() + 5, top = imp.getWindow().getY();
			labelWindow.getWindow().setLocation(right, top);
			RoiManager.getInstance().setLocation(right, top + labelWindow.getWindow().getHeight() + 5);
			table.setBounds(0, imp.getWindow().getY() + imp.getWindow().getHeight() + 5, right + labelWindow.getWindow()
				.getWidth(), 110);
		});
		IJ.wait(1500); // let the windows paint
		onEdt(() -> {});
		screenshot(out.resolve("screenshot.png"), ij, imp.getWindow(), labelWindow.getWindow(), RoiManager.getInstance(),
			table);

		Files.createDirectories(out);
		new FileSaver(SamServices.current().tools().accepted(imp).outputs().labels()).saveAsTiff(out.resolve("labels.tif").toString());
		List<String> rois = new ArrayList<>();
		RoiManager rm = RoiManager.getInstance();
		for (int i = 0; i < rm.getCount(); i++)
			rois.add(rm.getName(i));
		Files.write(out.resolve("rois.txt"), rois, StandardCharsets.UTF_8);
		Files.write(out.resolve("macro.ijm"), Recorder.getInstance().getText().getBytes(StandardCharsets.UTF_8));
		Files.write(out.resolve("targets.txt"), List.of("box=" + boxed.label, "point=" + clicked.label, "shown=" +
			shown.label), StandardCharsets.UTF_8);
		labelsRoundTrip(out);
	}

	/** Labels to ROIs, then ROIs to Labels (values from names), as menu commands; saves the result. */
	private static void labelsRoundTrip(Path out) throws Exception {
		ImagePlus labels = SamServices.current().tools().accepted(WindowManager.getCurrentImage()).outputs().labels();
		labels.setTitle("tool-labels");
		onEdt(labels::show);
		waitFor("the label copy", () -> labels.getWindow() != null);
		RoiManager.getInstance().reset();
		IJ.selectWindow("tool-labels");
		IJ.run("Labels to ROIs");
		IJ.run("ROIs to Labels", "values=[ROI names]");
		waitFor("ROIs to Labels", () -> WindowManager.getImage("tool-labels-labels") != null);
		new FileSaver(WindowManager.getImage("tool-labels-labels")).saveAsTiff(out.resolve("roundtrip.tif").toString());
	}

	/** Three large nuclei away from the border, largest first (box, click, shown unaccepted). */
	private static List<GroundTruthObject> targets(List<GroundTruthObject> truth) {
		List<GroundTruthObject> inside = new ArrayList<>();
		for (GroundTruthObject t : truth)
			if (t.minX > 3 && t.minY > 3 && t.maxX < t.mask.planeWidth() - 4 && t.maxY < t.mask.planeHeight() - 4) inside
				.add(t);
		inside.sort(Comparator.comparingInt((GroundTruthObject t) -> -t.mask.area()).thenComparingInt(t -> t.label));
		return inside.subList(0, 3);
	}

	private static void waitForMask(ImagePlus imp) {
		waitFor("the mask", () -> {
			ToolSession s = SamServices.current().tools().existing(imp);
			return s != null && s.view().isCurrent() && s.view().mask() != null;
		});
		onEdt(() -> {});
	}

	private static void drag(ImagePlus imp, int x0, int y0, int x1, int y1) {
		ImageCanvas c = imp.getCanvas();
		mouse(c, MouseEvent.MOUSE_PRESSED, x0, y0, 0);
		mouse(c, MouseEvent.MOUSE_DRAGGED, (x0 + x1) / 2, (y0 + y1) / 2, 0);
		mouse(c, MouseEvent.MOUSE_DRAGGED, x1, y1, 0);
		mouse(c, MouseEvent.MOUSE_RELEASED, x1, y1, 0);
	}

	private static void click(ImagePlus imp, int x, int y) {
		ImageCanvas c = imp.getCanvas();
		mouse(c, MouseEvent.MOUSE_PRESSED, x, y, 0);
		mouse(c, MouseEvent.MOUSE_RELEASED, x, y, 0);
		mouse(c, MouseEvent.MOUSE_CLICKED, x, y, 0);
	}

	/** A mouse event on the centre of image pixel {@code (x, y)}. */
	private static void mouse(ImageCanvas c, int id, int x, int y, int modifiers) {
		double mag = c.getMagnification();
		int sx = c.screenX(x) + (int) (mag / 2), sy = c.screenY(y) + (int) (mag / 2);
		int button = id == MouseEvent.MOUSE_DRAGGED ? MouseEvent.NOBUTTON : MouseEvent.BUTTON1;
		dispatch(c, new MouseEvent(c, id, System.currentTimeMillis(), modifiers | InputEvent.BUTTON1_DOWN_MASK, sx, sy,
			id == MouseEvent.MOUSE_CLICKED ? 1 : 0, false, button));
		IJ.wait(id == MouseEvent.MOUSE_PRESSED ? 350 : 30); // two presses within 300 ms would be a double click
	}

	private static void key(ImagePlus imp, int keyCode) {
		ImageCanvas c = imp.getCanvas();
		dispatch(c, new KeyEvent(c, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), 0, keyCode,
			KeyEvent.CHAR_UNDEFINED));
		dispatch(c, new KeyEvent(c, KeyEvent.KEY_RELEASED, System.currentTimeMillis(), 0, keyCode,
			KeyEvent.CHAR_UNDEFINED));
	}

	private static void dispatch(Component target, AWTEvent event) {
		onEdt(() -> target.dispatchEvent(event));
	}

	private static void screenshot(Path file, Window... windows) throws Exception {
		Rectangle area = null;
		for (Window w : windows)
			area = area == null ? w.getBounds() : area.union(w.getBounds());
		Files.createDirectories(file.getParent());
		ImageIO.write(new Robot().createScreenCapture(area), "png", file.toFile());
	}

	private static void waitFor(String what, BooleanSupplier condition) {
		long deadline = System.currentTimeMillis() + WAIT_MS;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) throw new IllegalStateException("Timed out waiting for " + what);
			IJ.wait(50);
		}
	}

	private static void onEdt(Runnable r) {
		try {
			EventQueue.invokeAndWait(r);
		}
		catch (InterruptedException | InvocationTargetException e) {
			throw new IllegalStateException(e);
		}
	}
}
