package io.github.samfiji.ij.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.ij.IjTestFixtures;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The tool draws in the overlay only, keeps the user's overlay elements and its selectability. */
class ToolOverlayTest {

	static final int W = 30, H = 20;

	private static SegmentedObject object(int x, int y, int w, int h, int slice) {
		boolean[] plane = new boolean[W * H];
		for (int j = y; j < y + h; j++)
			for (int i = x; i < x + w; i++)
				plane[j * W + i] = (i + j) % 3 != 0; // not a plain rectangle
		return new SegmentedObject(1, ObjectPrompt.builder().box(x, y, w, h).slice(slice).build(), ObjectMask.of(plane,
			W, H), 0.9f, null);
	}

	@Test
	void theMaskIsATranslucentImageOverItsBoundsInTheChosenColour() {
		SegmentedObject o = object(4, 5, 7, 6, 1);
		ImageRoi roi = ToolOverlay.maskRoi(o.mask(), Color.CYAN, 40);
		assertEquals(new Rectangle(o.mask().boundsX(), o.mask().boundsY(), o.mask().boundsWidth(), o.mask()
			.boundsHeight()), roi.getBounds());
		assertEquals(0.4, roi.getOpacity(), 1e-9);
		assertTrue(roi.getZeroTransparent());
		int[] pixels = (int[]) roi.getProcessor().getPixels();
		for (int j = 0; j < roi.getBounds().height; j++)
			for (int i = 0; i < roi.getBounds().width; i++) {
				boolean in = o.mask().contains(roi.getBounds().x + i, roi.getBounds().y + j);
				assertEquals(in ? 0x00ffff : 0, pixels[j * roi.getBounds().width + i] & 0xffffff);
			}
		assertEquals(0x010101, ((int[]) ToolOverlay.maskRoi(o.mask(), Color.BLACK, 40).getProcessor().getPixels())[1] &
			0xffffff, "black stays visible (0 is transparent)");
	}

	@Test
	void elementsArePositionedOnThePlaneAndTheUsersOverlayIsKept() {
		ImagePlus image = IjTestFixtures.grey8("stack", W, H, 3);
		Object[] pixels = IjTestFixtures.snapshot(image);
		Roi mine = new Roi(1, 1, 2, 2);
		Overlay user = new Overlay(mine);
		image.setOverlay(user);
		AcceptedObjects accepted = new AcceptedObjects(image, ObjectDisplay.NONE);
		accepted.add(object(20, 10, 5, 5, 2));
		ToolView view = new ToolView(2, Arrays.asList(PromptPoint.atPixel(3, 4, true), PromptPoint.atPixel(8, 9, false),
			PromptPoint.atPixel(10, 9, false)), new PromptBox(2, 3, 10, 8), object(4, 5, 7, 6, 2), true, 0, 1, false);

		List<Roi> elements = ToolOverlay.elements(image, view, accepted.outputs(), Color.YELLOW, 50);
		assertEquals(5, elements.size(), "accepted outline, mask, box, positive and negative points");
		for (Roi r : elements) {
			assertEquals(ToolOverlay.NAME, r.getName());
			assertEquals(2, r.getPosition());
		}
		assertTrue(elements.get(1) instanceof ImageRoi);
		PointRoi negative = (PointRoi) elements.get(4);
		assertEquals(2, negative.size());
		assertEquals(ToolOverlay.NEGATIVE, negative.getStrokeColor());
		assertEquals(8, negative.getFloatPolygon().xpoints[0], 0);

		ToolOverlay.apply(image, elements);
		assertSame(user, image.getOverlay());
		assertEquals(6, user.size());
		assertFalse(user.isSelectable(), "clicks on the mask must reach the tool");
		ToolOverlay.apply(image, elements.subList(0, 2));
		assertEquals(3, user.size(), "the tool's previous elements are replaced");
		ToolOverlay.remove(image);
		assertSame(user, image.getOverlay());
		assertEquals(Collections.singletonList(mine), Arrays.asList(user.toArray()));
		assertTrue(user.isSelectable());
		IjTestFixtures.assertPixelsUnchanged(pixels, image);
	}

	@Test
	void withoutAUserOverlayNoneIsLeftBehind() {
		ImagePlus image = IjTestFixtures.grey8("img", W, H, 1);
		ToolView empty = new ToolView(1, Collections.emptyList(), null, null, false, 0, 0, true);
		AcceptedObjects none = new AcceptedObjects(image, ObjectDisplay.NONE);
		assertTrue(ToolOverlay.elements(image, empty, none.outputs(), Color.YELLOW, 50).isEmpty());
		ToolOverlay.apply(image, Collections.singletonList(ToolOverlay.dragBox(image, 1, new Rectangle(2, 2, 5, 5),
			Color.RED)));
		assertEquals(1, image.getOverlay().size());
		assertEquals(0, image.getOverlay().get(0).getPosition(), "single planes are not positioned");
		ToolOverlay.apply(image, Collections.emptyList());
		assertNull(image.getOverlay());
	}
}
