package io.github.samfiji.engine.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.cache.EmbeddingKey;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.ObjectMask;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.integer.IntType;

import org.junit.jupiter.api.Test;

class RegionTest {

	private static final Region CROP = new Region(Region.Kind.CROP, 300, 200, 40, 30, 101, 77);

	@Test
	void promptsMoveInAndMasksMoveBackByTheRegionOrigin() {
		ObjectPrompt p = ObjectPrompt.builder().point(50.5, 40.25, true).point(60, 31, false).box(45, 35, 20, 10).slice(3)
			.name("n").build();
		ObjectPrompt local = CROP.toLocal(p);
		assertEquals(10.5, local.points().get(0).x(), 0);
		assertEquals(10.25, local.points().get(0).y(), 0);
		assertFalse(local.points().get(1).positive());
		assertEquals(5, local.box().x(), 0);
		assertEquals(5, local.box().y(), 0);
		assertEquals(20, local.box().width(), 0);
		assertEquals(3, local.slice());
		assertEquals("n", local.name());

		boolean[] pixels = new boolean[101 * 77];
		pixels[0] = pixels[76 * 101 + 100] = true; // the crop's first and last pixel
		ObjectMask back = CROP.toPlane(ObjectMask.of(pixels, 101, 77));
		assertEquals(300, back.planeWidth());
		assertTrue(back.contains(40, 30));
		assertTrue(back.contains(140, 106));
		assertEquals(2, back.area());
	}

	@Test
	void aPromptOutsideTheRegionIsRefused() {
		ObjectPrompt outside = ObjectPrompt.builder().point(39.9, 50, true).build();
		assertThrows(IllegalArgumentException.class, () -> CROP.toLocal(outside));
		// a box reaching beyond the plane only needs its part inside the plane
		Region corner = new Region(Region.Kind.CROP, 300, 200, 0, 0, 100, 100);
		ObjectPrompt beyond = ObjectPrompt.builder().box(-5, -5, 20, 20).build();
		assertEquals(-5, corner.toLocal(beyond).box().x(), 0);
	}

	@Test
	void innerMarginIgnoresEdgesOnThePlaneBorder() {
		Region left = new Region(Region.Kind.TILE, 300, 200, 0, 0, 150, 200);
		double[] nearLeftBorder = { 1, 50, 11, 60 };
		assertEquals(139, left.innerMargin(nearLeftBorder), 0, "only the right edge is inner");
		assertEquals(1, CROP.innerMargin(new double[] { 41, 31, 50, 40 }), 0);
		assertEquals(-1, CROP.innerMargin(new double[] { 0, 0, 10, 10 }), 0);
		assertEquals(Double.POSITIVE_INFINITY, Region.whole(300, 200).innerMargin(nearLeftBorder), 0);
	}

	@Test
	void masksNearAnInnerEdgeMayContinueBeyondIt() {
		boolean[] plane = new boolean[300 * 200];
		plane[100 * 300 + 139] = true; // column 139: the crop's last column is 140
		ObjectMask nearRight = ObjectMask.of(plane, 300, 200);
		assertTrue(CROP.touchesInnerEdge(nearRight, 1));
		assertFalse(CROP.touchesInnerEdge(nearRight, 0));
		Region border = new Region(Region.Kind.CROP, 300, 200, 199, 0, 101, 200);
		boolean[] atBorder = new boolean[300 * 200];
		atBorder[299] = true;
		assertFalse(border.touchesInnerEdge(ObjectMask.of(atBorder, 300, 200), 1), "the plane border is no inner edge");
	}

	@Test
	void labelsAreReadBack() {
		Region tile = new Region(Region.Kind.TILE, 300, 200, 10, 20, 150, 100);
		assertEquals(tile, Region.fromLabel(tile.label(), 300, 200));
		assertEquals(Region.Kind.TILE, Region.fromLabel(tile.label(), 300, 200).kind());
		assertEquals(Region.Kind.CROP, Region.fromLabel("crop:10,20,150,100", 300, 200).kind());
		assertTrue(Region.fromLabel("whole", 300, 200).isWholePlane());
		assertNull(Region.fromLabel("tile:10,20,150,100", 100, 100), "does not fit the plane");
		assertNull(Region.fromLabel("tile:0,0,1,1+tile:1,1,1,1", 300, 200), "merged objects have no one region");
		assertNull(Region.fromLabel(null, 300, 200));
	}

	@Test
	void keysNameTheRectangleWhateverTheKind() {
		assertEquals("crop:40,30,101,77", CROP.cacheKey());
		assertEquals("crop:40,30,101,77", CROP.as(Region.Kind.TILE).cacheKey());
		assertEquals("tile:40,30,101,77", CROP.as(Region.Kind.TILE).label());
		assertEquals(CROP, CROP.as(Region.Kind.TILE));
		assertEquals(EmbeddingKey.WHOLE_PLANE, Region.whole(300, 200).cacheKey());
		assertEquals("whole", new Region(Region.Kind.TILE, 300, 200, 0, 0, 300, 200).label());
		assertEquals(CROP, Region.fromKey("crop:40,30,101,77", 300, 200));
		assertTrue(Region.fromKey(EmbeddingKey.WHOLE_PLANE, 300, 200).isWholePlane());
		assertNull(Region.fromKey("crop:250,30,101,77", 300, 200), "not in this plane");
		assertNull(Region.fromKey("crop:1,2,x", 300, 200));
		assertNull(Region.fromKey("slice:3", 300, 200));
		assertThrows(IllegalArgumentException.class, () -> new Region(Region.Kind.CROP, 300, 200, 250, 0, 51, 10));
	}

	@Test
	void theViewShowsTheRegionsPixelsFromZero() {
		ArrayImg<IntType, IntArray> img = ArrayImgs.ints(300, 200);
		RandomAccess<IntType> ra = img.randomAccess();
		ra.setPosition(new long[] { 40, 30 });
		ra.get().set(7);
		RandomAccessibleInterval<?> view = CROP.view(img);
		assertEquals(101, view.dimension(0));
		assertEquals(0, view.min(0));
		@SuppressWarnings("unchecked")
		RandomAccess<IntType> v = ((RandomAccessibleInterval<IntType>) view).randomAccess();
		v.setPosition(new long[] { 0, 0 });
		assertEquals(7, v.get().get());
		assertSame(img, Region.whole(300, 200).view(img));
		assertThrows(IllegalArgumentException.class, () -> CROP.view(ArrayImgs.ints(301, 200)));
	}
}
