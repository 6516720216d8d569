package io.github.samfiji.ij.tool;

import static io.github.samfiji.ij.tool.ToolTesting.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import io.github.samfiji.engine.AnalyticMasks;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.operation.ImageInput;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;
import io.github.samfiji.ij.tool.ToolTesting.RecordingDisplay;
import io.github.samfiji.ij.tool.ToolTesting.RecordingListener;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tool on a plane larger than the tiny models' input of 1024 (1700 x 1100, more than 1.5 times the input, so
 * that {@code encoding=auto} uses tiles: 2 x 2 tiles of 1024 with origins x 0, 676 and y 0, 76). The {@code BOX} decoder's mask
 * does not depend on the pixels, so any error in moving prompts into a tile or masks back shows as differing
 * pixels; the {@code CONTENT} decoder keeps only bright embedding cells, whose size differs between the whole plane
 * (one cell = 26.6 plane pixels) and a native-resolution tile (16), so its masks show where they were decoded.
 */
class ToolLargePlaneTest {

	private static final int W = 1700, H = 1100;
	private static SamModel box, content;

	private final RecordingListener listener = new RecordingListener();
	/** Whether the view said "encoding" at some redraw. */
	private final AtomicBoolean sawEncoding = new AtomicBoolean();
	private final EmbeddingCache cache = new EmbeddingCache(1L << 30, null);
	private ToolSession session;

	@BeforeAll
	static void open() throws IOException {
		box = TinyModels.open(TinyModels.BOX);
		content = TinyModels.open(TinyModels.CONTENT);
	}

	@AfterAll
	static void close() {
		box.close();
		content.close();
	}

	@AfterEach
	void end() {
		if (session != null) session.close();
	}

	/** Bright and dark squares of 24 pixels. */
	private static ImagePlus checkerboard() {
		ByteProcessor bp = new ByteProcessor(W, H);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				bp.set(x, y, (x / 24 + y / 24) % 2 == 0 ? 250 : 0);
		return new ImagePlus("large", bp);
	}

	private PromptSegmenter segmenter(SamModel model, EncodingOptions encoding) {
		return new PromptSegmenter(model, SegmentationOptions.defaults().withMultimask(MultimaskMode.SINGLE)
			.withEncoding(encoding), cache);
	}

	private AcceptedObjects start(ImagePlus image, PromptSegmenter segmenter) {
		AcceptedObjects accepted = new AcceptedObjects(image, new RecordingDisplay());
		session = new ToolSession(image, SegmenterAccess.of(segmenter, "tiny"), accepted, new ToolSession.Listener() {

			@Override
			public void updated(ToolSession s) {
				if (s.view().isEncoding()) sawEncoding.set(true);
				listener.updated(s);
			}

			@Override
			public void status(String message) {
				listener.status(message);
			}

			@Override
			public void failed(Exception error) {
				listener.failed(error);
			}

			@Override
			public void record(String macroLine) {
				listener.record(macroLine);
			}
		});
		session.start();
		return accepted;
	}

	private SegmentedObject shown() throws Exception {
		session.awaitIdle(TIMEOUT_MS);
		assertTrue(listener.failures.isEmpty(), listener.failures.toString());
		return session.view().mask();
	}

	private static void assertAnalytic(ObjectPrompt prompt, ObjectMask mask) {
		AnalyticMasks.assertMaskEquals(AnalyticMasks.mask(W, H, prompt, AnalyticMasks.R2_SINGLE), mask);
	}

	@Test
	void aPromptIsDecodedOnItsTileWhichIsEncodedOnceAndNamedInTheResults() throws Exception {
		long runs = box.encoder().runCount();
		AcceptedObjects accepted = start(checkerboard(), segmenter(box, EncodingOptions.defaults()));
		session.awaitIdle(TIMEOUT_MS);
		assertEquals(0, box.encoder().runCount() - runs, "nothing is encoded before a prompt");
		assertEquals("SAM ready on slice 1 (encoding=tiles: a region is encoded when first prompted): " + ToolView.HELP,
			listener.lastStatus());

		session.addPoint(1500, 900, true);
		SegmentedObject first = shown();
		assertEquals("tile:676,76,1024,1024", first.region(), "the tile where the point has the most margin");
		assertAnalytic(ObjectPrompt.builder().point(1500.5, 900.5, true).build(), first.mask());
		assertEquals(1, box.encoder().runCount() - runs);
		assertTrue(listener.statuses.contains(
			"SAM: encoding tile:676,76,1024,1024 of slice 1 of 'large' (then every prompt inside it is decoded at once)..."),
			listener.statuses.toString());
		assertTrue(sawEncoding.get(), "the view shows the tile being encoded");
		assertFalse(session.view().isEncoding());

		session.addPoint(1503, 902, false);
		SegmentedObject refined = shown();
		assertEquals("tile:676,76,1024,1024", refined.region());
		assertAnalytic(ObjectPrompt.builder().point(1500.5, 900.5, true).point(1503.5, 902.5, false).build(), refined
			.mask());
		assertEquals(1, box.encoder().runCount() - runs, "a prompt inside the tile encodes nothing");

		session.accept();
		session.addPoint(10, 20, true);
		SegmentedObject corner = shown();
		assertEquals("tile:0,0,1024,1024", corner.region());
		assertAnalytic(ObjectPrompt.builder().point(10.5, 20.5, true).build(), corner.mask());
		assertEquals(2, box.encoder().runCount() - runs);
		session.accept();
		session.awaitIdle(TIMEOUT_MS);

		List<Object[]> rows = accepted.outputs().table().rows();
		int region = io.github.samfiji.engine.result.ObjectTable.COLUMNS.indexOf("region");
		assertEquals("tile:676,76,1024,1024", rows.get(0)[region]);
		assertEquals("tile:0,0,1024,1024", rows.get(1)[region]);
		assertEquals("selectImage(\"large\");\nrun(\"Segment Object\", \"model=[tiny] intensity=auto multimask=single " +
			"encoding=tiles tile_size=1024 tile_halo=128 crop_margin=128 slice=1 prompts=[+1500,900 -1503,902]\");\n",
			listener.macro.get(0));
	}

	@Test
	void aPromptOutsideTheEncodedTileIsDecodedOnARegionThatHoldsIt() throws Exception {
		start(checkerboard(), segmenter(box, EncodingOptions.defaults()));
		session.addPoint(1500, 900, true);
		assertEquals("tile:676,76,1024,1024", shown().region());
		session.addPoint(300, 200, true); // no tile holds both points: a crop around them and the margin
		SegmentedObject both = shown();
		assertEquals("crop:172,0,1457,1100", both.region());
		assertAnalytic(ObjectPrompt.builder().point(1500.5, 900.5, true).point(300.5, 200.5, true).build(), both
			.mask());
		session.removeLastPrompt();
		session.addPoint(1600, 1000, true); // with the first point, inside its tile with more than the halo
		assertEquals("tile:676,76,1024,1024", shown().region());
	}

	@Test
	void inCropModeTheCropAroundTheFirstPromptServesTheNextOnes() throws Exception {
		start(checkerboard(), segmenter(box, EncodingOptions.defaults().withMode(EncodingMode.CROP)));
		long runs = box.encoder().runCount();
		session.addPoint(1000, 500, true);
		assertEquals("crop:489,0,1024,1024", shown().region(), "centred on the point, shifted into the plane");
		session.addPoint(1100, 600, false);
		SegmentedObject o = shown();
		assertEquals("crop:489,0,1024,1024", o.region());
		assertAnalytic(ObjectPrompt.builder().point(1000.5, 500.5, true).point(1100.5, 600.5, false).build(), o
			.mask());
		assertEquals(1, box.encoder().runCount() - runs);
	}

	@Test
	void theRecordedMacroReplaysToTheSameLabelsAndRegions() throws Exception {
		ImagePlus image = checkerboard();
		AcceptedObjects accepted = start(image, segmenter(content, EncodingOptions.defaults()));
		session.setBox(1490, 890, 61, 41);
		session.addPoint(1530, 900, false);
		shown();
		session.accept();
		session.addPoint(300, 1000, true);
		session.accept(); // at once: accepted when its tile is encoded and its mask ready
		session.awaitIdle(TIMEOUT_MS);
		assertEquals(2, accepted.size());
		assertEquals("tile:676,76,1024,1024", accepted.objects().get(0).region());
		assertEquals("tile:0,76,1024,1024", accepted.objects().get(1).region());

		AcceptedObjects replayed = new AcceptedObjects(image, new RecordingDisplay());
		ImagePlusPlanes planes = new ImagePlusPlanes(image);
		for (String line : listener.macro) {
			String options = line.substring(line.indexOf("Segment Object\", \"") + 18, line.lastIndexOf("\");"));
			replayed.add(ObjectDecoding.segment(segmenter(content, EncodingOptions.whole()), ImageInput.of(planes), ObjectMacro.parse(
				options, "tiny", 1), TaskMonitor.NONE));
		}
		assertArrayEquals((short[]) accepted.outputs().labels().getProcessor().getPixels(), (short[]) replayed.outputs()
			.labels().getProcessor().getPixels());
		for (int i = 0; i < 2; i++)
			assertEquals(accepted.objects().get(i).region(), replayed.objects().get(i).region());

		String whole = listener.macro.get(0).replace(" encoding=tiles", " encoding=whole");
		SegmentedObject onWhole = ObjectDecoding.segment(segmenter(content, EncodingOptions.defaults()), ImageInput.of(planes),
			ObjectMacro.parse(whole.substring(whole.indexOf("Segment Object\", \"") + 18, whole.lastIndexOf("\");")),
				"tiny", 1), TaskMonitor.NONE);
		assertEquals("whole", onWhole.region());
		assertFalse(java.util.Arrays.equals(onWhole.mask().toPlane(), accepted.objects().get(0).mask().toPlane()),
			"the content decoder's mask depends on where it was decoded");
	}
}
