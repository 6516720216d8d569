package io.github.samfiji.ij.tool;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.ColorProcessor;

import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.ij.SegmentationOutputs;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The tool's drawing on an image, as elements of the image's ImageJ {@link Overlay} (never its pixels): the current
 * mask as a translucent {@link ImageRoi} in the overlay colour, positive points green and negative points red, the
 * box, and the outlines of the objects accepted on the plane. Elements are named {@value #NAME}; the user's own
 * overlay elements are kept.
 */
public final class ToolOverlay {

	/** The name of every element the tool adds to an overlay. */
	public static final String NAME = "SAM tool";
	static final Color POSITIVE = new Color(0, 220, 0);
	static final Color NEGATIVE = new Color(240, 0, 0);

	/** Whether each overlay the tool draws on was selectable before. */
	private static final Map<Overlay, Boolean> SELECTABLE_BEFORE = new WeakHashMap<>();

	private ToolOverlay() {}

	/**
	 * The elements that draw {@code view} on {@code image}.
	 *
	 * @param accepted outputs of the accepted objects, whose outlines on the view's plane are drawn
	 * @param opacity of the mask, 0-100 %
	 */
	public static List<Roi> elements(ImagePlus image, ToolView view, SegmentationOutputs accepted, Color color,
		int opacity)
	{
		List<Roi> elements = new ArrayList<>();
		for (SegmentedObject o : accepted.result().objectsOn(view.plane())) {
			Roi outline = find(accepted.rois(), SegmentationOutputs.roiName(o));
			if (outline != null) elements.add((Roi) outline.clone());
		}
		if (view.mask() != null && !view.mask().mask().isEmpty()) elements.add(maskRoi(view.mask().mask(), color,
			opacity));
		if (view.box() != null) {
			PromptBox b = view.box();
			Roi box = new Roi(b.x(), b.y(), b.width(), b.height());
			box.setStrokeColor(color);
			elements.add(box);
		}
		addPoints(elements, view.points(), true);
		addPoints(elements, view.points(), false);
		for (Roi r : elements) {
			r.setName(NAME);
			position(r, image, view.plane());
		}
		return elements;
	}

	/** The rectangle being dragged out (pixel bounds), drawn like the box of a prompt. */
	public static Roi dragBox(ImagePlus image, int plane, java.awt.Rectangle pixels, Color color) {
		Roi box = new Roi(pixels);
		box.setStrokeColor(color);
		box.setName(NAME);
		position(box, image, plane);
		return box;
	}

	/** The mask as an image over its bounding box: mask pixels in {@code color}, others transparent. */
	static ImageRoi maskRoi(ObjectMask mask, Color color, int opacity) {
		int x0 = mask.boundsX(), y0 = mask.boundsY(), w = mask.boundsWidth();
		ColorProcessor cp = new ColorProcessor(w, mask.boundsHeight());
		int[] pixels = (int[]) cp.getPixels();
		int rgb = color.getRGB() & 0xffffff;
		int value = rgb == 0 ? 0x010101 : rgb; // 0 is the transparent value
		mask.forEachPixel((x, y) -> pixels[(y - y0) * w + x - x0] = value);
		ImageRoi roi = new ImageRoi(x0, y0, cp);
		roi.setZeroTransparent(true);
		roi.setOpacity(opacity / 100.0);
		return roi;
	}

	/**
	 * Puts the elements in the image's overlay in place of the tool's previous ones. While the tool draws on it, the
	 * overlay is not selectable, so that quick clicks on the mask reach the tool instead of selecting the mask.
	 */
	public static void apply(ImagePlus image, List<Roi> elements) {
		if (elements.isEmpty()) {
			remove(image);
			return;
		}
		Overlay overlay = image.getOverlay();
		if (overlay == null) overlay = new Overlay();
		removeFrom(overlay);
		synchronized (SELECTABLE_BEFORE) {
			if (!SELECTABLE_BEFORE.containsKey(overlay)) SELECTABLE_BEFORE.put(overlay, overlay.isSelectable());
		}
		overlay.selectable(false);
		for (Roi r : elements)
			overlay.add(r);
		image.setOverlay(overlay);
	}

	/** Removes the tool's elements from the image's overlay (and gives it back its selectability). */
	public static void remove(ImagePlus image) {
		Overlay overlay = image.getOverlay();
		if (overlay == null) return;
		removeFrom(overlay);
		synchronized (SELECTABLE_BEFORE) {
			Boolean before = SELECTABLE_BEFORE.remove(overlay);
			if (before != null) overlay.selectable(before);
		}
		image.setOverlay(overlay.size() == 0 ? null : overlay);
	}

	private static void removeFrom(Overlay overlay) {
		List<Roi> keep = new ArrayList<>();
		for (Iterator<Roi> it = overlay.iterator(); it.hasNext();) {
			Roi r = it.next();
			if (!NAME.equals(r.getName())) keep.add(r);
		}
		overlay.clear();
		for (Roi r : keep)
			overlay.add(r);
	}

	private static void addPoints(List<Roi> elements, List<PromptPoint> points, boolean positive) {
		PointRoi roi = null;
		for (PromptPoint p : points) {
			if (p.positive() != positive) continue;
			// engine points are continuous (pixel centre x + 0.5); a PointRoi marks the pixel at (x, y)
			if (roi == null) roi = new PointRoi(p.x() - 0.5, p.y() - 0.5);
			else roi.addPoint(p.x() - 0.5, p.y() - 0.5);
		}
		if (roi == null) return;
		roi.setStrokeColor(positive ? POSITIVE : NEGATIVE);
		roi.setFillColor(positive ? POSITIVE : NEGATIVE);
		roi.setPointType(PointRoi.DOT);
		roi.setSize(2);
		elements.add(roi);
	}

	private static void position(Roi roi, ImagePlus image, int plane) {
		if (image.isHyperStack()) {
			int[] czt = image.convertIndexToPosition(plane);
			roi.setPosition(czt[0], czt[1], czt[2]);
		}
		else if (image.getStackSize() > 1) roi.setPosition(plane);
	}

	private static Roi find(List<Roi> rois, String name) {
		for (Roi r : rois)
			if (name.equals(r.getName())) return r;
		return null;
	}
}
