package io.github.samfiji.engine.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where prompts are decoded, for a model input of 1024 pixels. */
class RegionPlannerTest {

	private static final int INPUT = 1024;

	private static RegionPlan plan(EncodingMode mode, int w, int h, double[]... bounds) {
		return new RegionPlanner(EncodingOptions.defaults().withMode(mode), w, h, INPUT).plan(Arrays.asList(bounds));
	}

	private static double[] box(double x, double y, double w, double h) {
		return new double[] { x, y, x + w, y + h };
	}

	@Test
	void anInteractiveSessionEncodesWholeUpToOneAndAHalfInputsThenTiles() {
		EncodingOptions auto = EncodingOptions.defaults();
		assertSame(EncodingMode.WHOLE, new RegionPlanner(auto, 1024, 800, INPUT).interactiveMode());
		assertSame(EncodingMode.WHOLE, new RegionPlanner(auto, 1536, 900, INPUT).interactiveMode());
		assertSame(EncodingMode.TILES, new RegionPlanner(auto, 1537, 900, INPUT).interactiveMode());
		assertSame(EncodingMode.CROP, new RegionPlanner(auto.withMode(EncodingMode.CROP), 1100, 900, INPUT)
			.interactiveMode());
		assertSame(EncodingMode.WHOLE, new RegionPlanner(auto.withMode(EncodingMode.TILES), 1024, 1024, INPUT)
			.interactiveMode(), "a plane that fits the input is encoded whole in every mode");
	}

	@Test
	void aStepStaysOnThePreviousRegionWhileItHasTheMarginThere() {
		RegionPlanner tiles = new RegionPlanner(EncodingOptions.defaults(), 3000, 2000, INPUT);
		Region first = tiles.stepRegion(box(1500, 900, 0, 0), null); // tiles at x 0, 658, 1317, 1976 and y 0, 488, 976
		assertEquals("tile:1317,488,1024,1024", first.label(), "the tile where the point has the most margin");
		assertSame(first, tiles.stepRegion(box(1500, 900, 500, 400), first), "183 pixels inside: more than the halo");
		assertEquals("tile:1976,488,1024,1024", tiles.stepRegion(box(2100, 900, 200, 100), first).label(),
			"41 pixels inside the first tile: the tile where the prompts have the most margin");
		assertEquals("crop:1372,744,1256,1256", tiles.stepRegion(box(1500, 900, 1000, 1000), first).label(),
			"no tile holds them: a crop");
		assertTrue(new RegionPlanner(EncodingOptions.whole(), 3000, 2000, INPUT).stepRegion(box(1500, 900, 0, 0), first)
			.isWholePlane());
	}

	@Test
	void aCropIsANativeResolutionWindowCentredOnThePromptAndMargin() {
		RegionPlan p = plan(EncodingMode.CROP, 3001, 2003, box(1500, 1000, 20, 10));
		Region r = p.regions().get(0);
		assertEquals(EncodingMode.CROP, p.mode());
		assertEquals("crop:998,493,1024,1024", r.label(), "needed 1372-1648 x 872-1138, centred");
		assertTrue(r.innerMargin(box(1500, 1000, 20, 10)) >= 128);
	}

	@Test
	void aCropNearTheBorderIsShiftedInsideThePlane() {
		assertEquals("crop:0,0,1024,1024", plan(EncodingMode.CROP, 3001, 2003, box(3, 2, 10, 10)).regions().get(0)
			.label());
		assertEquals("crop:1977,979,1024,1024", plan(EncodingMode.CROP, 3001, 2003, box(2990, 1990, 11, 13)).regions()
			.get(0).label());
		// a plane narrower than the input: the crop spans it
		assertEquals("crop:0,493,700,1024", plan(EncodingMode.CROP, 700, 3000, box(300, 1000, 10, 10)).regions().get(0)
			.label());
		// a plane that fits the input: the crop is the whole plane
		assertTrue(plan(EncodingMode.CROP, 1000, 900, box(3, 2, 10, 10)).regions().get(0).isWholePlane());
	}

	@Test
	void anObjectLargerThanTheInputGetsTheSmallestSquareThatHoldsIt() {
		Region r = plan(EncodingMode.CROP, 5000, 4000, box(1000, 1000, 1500, 300)).regions().get(0);
		assertEquals(1756, r.width(), "1500 + 2 x 128");
		assertEquals(1756, r.height());
		assertTrue(r.contains(box(872, 872, 1756, 556)));
	}

	@Test
	void promptsThatFitOneWindowShareOneCrop() {
		RegionPlan p = plan(EncodingMode.CROP, 4000, 4000, box(100, 100, 10, 10), box(700, 800, 20, 20), box(400, 300, 5,
			5));
		assertEquals(1, p.distinctRegions());
		assertEquals("crop:0,0,1024,1024", p.regions().get(0).label());
	}

	@Test
	void distantPromptsGetCropsReusedByLaterPromptsInside() {
		RegionPlan p = plan(EncodingMode.CROP, 4000, 4000, box(100, 100, 10, 10), box(3000, 3000, 20, 20), box(300, 300,
			5, 5), box(3300, 2800, 5, 5), box(2000, 100, 5, 5));
		List<Region> r = p.regions();
		assertEquals(3, p.distinctRegions());
		assertSame(r.get(0), r.get(2));
		assertSame(r.get(1), r.get(3));
		assertEquals("crop:1491,0,1024,1024", r.get(4).label());
	}

	@Test
	void tilesPickTheOneWithTheMostMargin() {
		// 2784 wide: tiles at x = 0, 586, 1173, 1760; 2080 high: y = 0, 528, 1056
		RegionPlan p = plan(EncodingMode.TILES, 2784, 2080, box(900, 100, 20, 20), box(1150, 1100, 30, 30), box(10, 2070,
			5, 5));
		assertEquals("tile:586,0,1024,1024", p.regions().get(0).label(), "margin 104 in tile 0, 314 in tile 1");
		assertEquals("tile:586,528,1024,1024", p.regions().get(1).label());
		assertEquals("tile:0,1056,1024,1024", p.regions().get(2).label());
		assertEquals(Region.Kind.TILE, p.regions().get(0).kind());
	}

	@Test
	void aPromptNoTileHoldsGetsACrop() {
		RegionPlan p = plan(EncodingMode.TILES, 2784, 2080, box(500, 500, 800, 100));
		Region r = p.regions().get(0);
		assertEquals(Region.Kind.CROP, r.kind());
		assertTrue(r.contains(box(500, 500, 800, 100)));
	}

	@Test
	void automaticChoice() {
		RegionPlan fits = plan(EncodingMode.AUTO, 1024, 800, box(3, 3, 5, 5), box(900, 700, 5, 5));
		assertEquals(EncodingMode.WHOLE, fits.mode());
		assertTrue(fits.reason().contains("fits the model input"), fits.reason());

		RegionPlan oneCrop = plan(EncodingMode.AUTO, 4096, 4096, box(2000, 2000, 30, 30), box(2500, 2200, 30, 30));
		assertEquals(EncodingMode.CROP, oneCrop.mode());
		assertEquals(1, oneCrop.distinctRegions());

		RegionPlan mild = plan(EncodingMode.AUTO, 1500, 1400, box(3, 3, 5, 5), box(1400, 1300, 5, 5));
		assertEquals(EncodingMode.WHOLE, mild.mode());
		assertTrue(mild.reason().contains("at most 1.5 times"), mild.reason());

		RegionPlan sparse = plan(EncodingMode.AUTO, 4096, 4096, box(100, 100, 10, 10), box(4000, 4000, 10, 10));
		assertEquals(EncodingMode.CROP, sparse.mode());
		assertEquals("auto: large plane, 2 crop(s) vs 2 tile(s)", sparse.reason());

		double[][] dense = new double[64][];
		for (int i = 0; i < 64; i++)
			dense[i] = box(60 + 500 * (i % 8), 60 + 500 * (i / 8), 20, 20);
		RegionPlan tiled = plan(EncodingMode.AUTO, 4096, 4096, dense);
		assertEquals(EncodingMode.TILES, tiled.mode(), tiled.toString());
		assertTrue(tiled.reason().startsWith("auto: large plane, "), tiled.reason());
	}

	@Test
	void segmentEverythingTilesLargePlanesAndRefusesCrops() {
		RegionPlanner small = new RegionPlanner(EncodingOptions.defaults(), 1500, 1000, INPUT);
		assertEquals(EncodingMode.WHOLE, small.planEverything().mode());
		RegionPlanner large = new RegionPlanner(EncodingOptions.defaults(), 1600, 1000, INPUT);
		assertEquals(EncodingMode.TILES, large.planEverything().mode());
		assertEquals(2, large.planEverything().regions().size());
		RegionPlanner crop = new RegionPlanner(EncodingOptions.defaults().withMode(EncodingMode.CROP), 1600, 1000,
			INPUT);
		assertThrows(IllegalArgumentException.class, crop::planEverything);
		assertThrows(IllegalArgumentException.class, () -> small.plan(Collections.emptyList()));
	}
}
