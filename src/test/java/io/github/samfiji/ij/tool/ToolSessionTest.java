package io.github.samfiji.ij.tool;

import static io.github.samfiji.ij.tool.ToolTesting.TIMEOUT_MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.model.ModelNotInstalledException;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.ImagePlusPlanes;
import io.github.samfiji.ij.tool.ToolTesting.GatedAccess;
import io.github.samfiji.ij.tool.ToolTesting.RecordingDisplay;
import io.github.samfiji.ij.tool.ToolTesting.RecordingListener;

import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive tool's logic driven as the mouse and keys drive it, with the tiny analytic models, whose masks are
 * exactly known: a box gives its pixels, a point the pixels within 4.5 of it (multimask: radii 4.5, 2.5, 4.5, 6.5
 * with predicted IoU 0.5, 0.6, 0.9, 0.7).
 */
class ToolSessionTest {

	static final int W = 64, H = 48;
	private static SamModel single, multimask;

	private final RecordingListener listener = new RecordingListener();
	private final RecordingDisplay display = new RecordingDisplay();
	private final EmbeddingCache cache = new EmbeddingCache(1 << 30, null);
	private ImagePlus image;
	private AcceptedObjects accepted;
	private ToolSession session;

	@BeforeAll
	static void open() throws IOException {
		single = TinyModels.open(TinyModels.BOX);
		multimask = TinyModels.open(TinyModels.MULTIMASK);
	}

	@AfterAll
	static void close() {
		single.close();
		multimask.close();
	}

	@BeforeEach
	void image() {
		image = IjTestFixtures.grey8("cells", W, H, 1);
		accepted = new AcceptedObjects(image, display);
	}

	@AfterEach
	void end() {
		if (session != null) session.close();
	}

	private ToolSession start(SegmenterAccess access) {
		session = new ToolSession(image, access, accepted, listener);
		session.start();
		return session;
	}

	private ToolSession start(SamModel model, MultimaskMode mode) {
		return start(ToolTesting.access(model, mode, cache));
	}

	private void await() throws Exception {
		session.awaitIdle(TIMEOUT_MS);
	}

	/** Pixels whose centres lie within {@code r} of the centre of a positive pixel and of no negative pixel. */
	private static ObjectMask discs(double r, int[][] positive, int[][] negative) {
		boolean[] plane = new boolean[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				boolean in = false;
				for (int[] p : positive)
					in |= (x - p[0]) * (x - p[0]) + (y - p[1]) * (y - p[1]) < r * r;
				for (int[] n : negative)
					in &= (x - n[0]) * (x - n[0]) + (y - n[1]) * (y - n[1]) >= r * r;
				plane[y * W + x] = in;
			}
		return ObjectMask.of(plane, W, H);
	}

	private static void assertSameMask(ObjectMask expected, ObjectMask actual) {
		assertArrayEquals(expected.toPlane(), actual.toPlane());
	}

	@Test
	void aBoxIsShownAcceptedLabelledAndRecorded() throws Exception {
		Object[] pixels = IjTestFixtures.snapshot(image);
		start(single, MultimaskMode.BEST);
		assertTrue(session.setBox(10, 12, 20, 15));
		await();
		ToolView view = session.view();
		assertTrue(view.isCurrent());
		assertEquals(1, view.candidateCount());
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }), labels(view.mask().mask()));

		session.accept();

		assertEquals(Collections.singletonList("added 1"), display.events);
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }), (short[]) accepted.outputs()
			.labels().getProcessor().getPixels());
		assertEquals(Collections.singletonList(
			"selectImage(\"cells\");\nrun(\"Segment Object\", \"model=[tiny] intensity=auto multimask=best slice=1 prompts=[box:10,12,20,15]\");\n"),
			listener.macro);
		assertNull(session.view().mask(), "a new object starts");
		assertTrue(session.view().points().isEmpty());
		assertEquals("Accepted object 1 (300 pixels)", listener.lastStatus());
		IjTestFixtures.assertPixelsUnchanged(pixels, image);
		assertNull(image.getOverlay(), "the session itself draws nothing");
	}

	private static short[] labels(ObjectMask mask) {
		short[] labels = new short[W * H];
		mask.forEachPixel((x, y) -> labels[y * W + x] = 1);
		return labels;
	}

	@Test
	void negativePointsCutTheMask() throws Exception {
		start(single, MultimaskMode.BEST);
		session.addPoint(20, 20, true);
		session.addPoint(24, 21, false);
		await();
		assertSameMask(discs(4.5, new int[][] { { 20, 20 } }, new int[][] { { 24, 21 } }), session.view().mask()
			.mask());
		session.accept();
		assertEquals(
			"selectImage(\"cells\");\nrun(\"Segment Object\", \"model=[tiny] intensity=auto multimask=best slice=1 prompts=[+20,20 -24,21]\");\n",
			listener.macro.get(0));
		// the second decoding refined the first: its mask input is the first decoding's low-resolution logits
		SegmentedObject first = ToolTesting.access(single, MultimaskMode.BEST, cache).apply(seg -> seg.decode(seg
			.encode(new ImagePlusPlanes(image).plane(1)), ObjectPrompt.builder().point(PromptPoint.atPixel(20, 20, true))
				.build(), 1).get(0));
		assertArrayEquals(first.lowRes().logits(), accepted.objects().get(0).prompt().maskInput().logits());
	}

	@Test
	void acceptingBeforeTheMaskIsReadyAcceptsItWhenItIs() throws Exception {
		GatedAccess gated = new GatedAccess(ToolTesting.access(single, MultimaskMode.BEST, cache));
		start(gated);
		gated.awaitEntered();
		session.addPoint(20, 20, true);
		session.accept();
		assertEquals(0, accepted.size());
		assertEquals("The object will be accepted when its mask is ready", listener.lastStatus());
		gated.gate.countDown();
		await();
		assertEquals(1, accepted.size());
		assertSameMask(discs(4.5, new int[][] { { 20, 20 } }, new int[0][]), accepted.objects().get(0).mask());
		assertTrue(session.view().points().isEmpty());
	}

	@Test
	void clicksDuringAModelRunAreDecodedOnceTogether() throws Exception {
		GatedAccess gated = new GatedAccess(ToolTesting.access(single, MultimaskMode.BEST, cache));
		start(gated);
		gated.awaitEntered();
		int[][] clicks = { { 10, 10 }, { 20, 12 }, { 30, 14 }, { 40, 16 }, { 50, 18 } };
		for (int[] c : clicks)
			session.addPoint(c[0], c[1], true);
		gated.gate.countDown();
		await();
		assertEquals(2, gated.calls.get(), "the blocked run, then one run for all five clicks");
		assertTrue(session.view().isCurrent());
		assertSameMask(discs(4.5, clicks, new int[0][]), session.view().mask().mask());
	}

	@Test
	void multimaskCandidatesCycleAndTheChoiceIsRecorded() throws Exception {
		start(multimask, MultimaskMode.BEST);
		session.addPoint(30, 20, true);
		await();
		ToolView view = session.view();
		assertEquals(4, view.candidateCount(), "the three multimask candidates and the single-mask output");
		assertSameMask(discs(4.5, new int[][] { { 30, 20 } }, new int[0][]), view.mask().mask());
		assertEquals(0.9f, view.mask().predictedIou(), 1e-6);
		session.nextCandidate();
		assertSameMask(discs(6.5, new int[][] { { 30, 20 } }, new int[0][]), session.view().mask().mask());
		session.accept();
		assertSameMask(discs(6.5, new int[][] { { 30, 20 } }, new int[0][]), accepted.objects().get(0).mask());
		assertTrue(listener.macro.get(0).endsWith(" prompts=[+30,20#2]\");\n"), listener.macro.get(0));
	}

	@Test
	void singleMaskChoiceShowsTheSingleOutputFirstAndMCyclesThroughTheOthers() throws Exception {
		start(multimask, MultimaskMode.SINGLE);
		session.addPoint(30, 20, true);
		await();
		assertEquals(4, session.view().candidateCount());
		assertEquals(0.5f, session.view().mask().predictedIou(), 1e-6);
		float[] next = new float[4];
		for (int i = 0; i < 4; i++) {
			session.nextCandidate();
			next[i] = session.view().mask().predictedIou();
		}
		assertArrayEquals(new float[] { 0.9f, 0.7f, 0.6f, 0.5f }, next, 1e-6f, "then by predicted IoU, and round");
	}

	@Test
	void aSingleMaskModelHasNothingToCycle() throws Exception {
		start(single, MultimaskMode.BEST);
		session.addPoint(30, 20, true);
		await();
		assertEquals(1, session.view().candidateCount());
		session.nextCandidate();
		assertEquals("This model gives one mask per prompt", listener.lastStatus());
	}

	@Test
	void overlappingObjectsKeepTheLowerLabelAndUndoRemovesTheLast() throws Exception {
		start(single, MultimaskMode.BEST);
		session.setBox(10, 12, 20, 15);
		session.accept();
		session.addPoint(12, 14, true); // its disc reaches outside the box
		session.accept();
		await();
		assertEquals(Arrays.asList("added 1", "added 2"), display.events);
		short[] labels = (short[]) accepted.outputs().labels().getProcessor().getPixels();
		ObjectMask disc = discs(4.5, new int[][] { { 12, 14 } }, new int[0][]);
		short[] expected = IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 });
		disc.forEachPixel((x, y) -> {
			if (expected[y * W + x] == 0) expected[y * W + x] = 2;
		});
		assertArrayEquals(expected, labels);

		session.undo();
		assertEquals(Arrays.asList("added 1", "added 2", "removed 2"), display.events);
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }), (short[]) accepted.outputs()
			.labels().getProcessor().getPixels());
		assertEquals("selectImage(\"cells\");\nrun(\"Remove Last Object\");\n", listener.macro.get(2));
		session.undo();
		assertEquals(0, accepted.size());
		session.undo();
		assertEquals("No accepted object to remove", listener.lastStatus());
		assertEquals(4, listener.macro.size());
	}

	@Test
	void promptsCanBeTakenBackOrDiscarded() throws Exception {
		start(single, MultimaskMode.BEST);
		session.addPoint(20, 20, true);
		session.setBox(10, 12, 20, 15);
		session.removeLastPrompt();
		await();
		assertNull(session.view().box());
		assertSameMask(discs(4.5, new int[][] { { 20, 20 } }, new int[0][]), session.view().mask().mask());
		session.discard();
		assertTrue(session.view().points().isEmpty());
		assertNull(session.view().mask());
		session.accept();
		assertEquals("Nothing to accept: click on an object or drag a box around it first", listener.lastStatus());
		assertEquals(0, accepted.size());
	}

	@Test
	void switchingSlicesAndImagesReusesCachedEmbeddings() throws Exception {
		image = IjTestFixtures.grey8("stack", W, H, 3);
		accepted = new AcceptedObjects(image, display);
		start(single, MultimaskMode.BEST);
		await();
		session.setPlane(2);
		session.addPoint(20, 20, true);
		await();
		assertEquals(2, cache.computations());
		session.accept();
		assertEquals(2, accepted.objects().get(0).slice());
		session.setPlane(1);
		await();
		session.setPlane(2);
		await();
		assertEquals(2, cache.computations(), "both planes come from the cache");

		ImagePlus sameAsSlice3 = new ImagePlus("copy", image.getStack().getProcessor(3).duplicate());
		try (ToolSession other = new ToolSession(sameAsSlice3, ToolTesting.access(single, MultimaskMode.BEST, cache),
			new AcceptedObjects(sameAsSlice3, ObjectDisplay.NONE), listener))
		{
			session.setPlane(3);
			await();
			other.start();
			other.awaitIdle(TIMEOUT_MS);
		}
		assertEquals(3, cache.computations(), "the other image has the content of slice 3");
	}

	@Test
	void movingToAnotherSliceDiscardsTheObjectBeingMade() throws Exception {
		image = IjTestFixtures.grey8("stack", W, H, 2);
		accepted = new AcceptedObjects(image, display);
		start(single, MultimaskMode.BEST);
		session.addPoint(20, 20, true);
		session.setPlane(2);
		await();
		assertEquals(2, session.view().plane());
		assertTrue(session.view().points().isEmpty());
		assertNull(session.view().mask());
	}

	@Test
	void promptsOutsideTheImageAreIgnoredAndBoxesClipped() throws Exception {
		start(single, MultimaskMode.BEST);
		await();
		assertFalse(session.addPoint(-1, 3, true));
		assertEquals("Outside the image: point ignored", listener.lastStatus());
		assertFalse(session.addPoint(W, 0, true));
		assertFalse(session.setBox(W, H, 5, 5));
		assertEquals("Outside the image: box ignored", listener.lastStatus());
		assertTrue(session.setBox(60, 40, 10, 10));
		await();
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 60, 40, 4, 8 }), labels(session.view().mask()
			.mask()));
	}

	@Test
	void closingWhileTheModelRunsDropsItsResult() throws Exception {
		GatedAccess gated = new GatedAccess(ToolTesting.access(single, MultimaskMode.BEST, cache));
		start(gated);
		gated.awaitEntered();
		session.addPoint(20, 20, true);
		session.accept();
		session.close();
		int updates = listener.updates.get();
		gated.gate.countDown();
		await();
		assertEquals(updates, listener.updates.get(), "nothing is drawn after closing");
		assertTrue(listener.failures.isEmpty());
		assertEquals(0, accepted.size());
		assertTrue(session.isClosed());
	}

	@Test
	void aMissingModelIsReportedAndTheSessionStaysUsable(@TempDir Path tmp) throws Exception {
		Path store = Files.createDirectory(tmp.resolve("models"));
		try (IjTestFixtures.SystemProperty p = new IjTestFixtures.SystemProperty("sam.models.dir", store.toString())) {
			start(SegmenterAccess.of(new SamEngine(), "nosuchmodel", EngineOptions.defaults(), SegmentationOptions
				.defaults(), null, message -> {}));
			await();
			session.addPoint(20, 20, true);
			await();
		}
		assertEquals(2, listener.failures.size());
		assertTrue(listener.failures.get(0) instanceof ModelNotInstalledException, listener.failures.toString());
		assertEquals(1, session.view().points().size(), "the prompt stays, to decode once a model is there");
	}

	private static byte[] palette(long seed) {
		byte[] channel = new byte[256];
		new Random(seed).nextBytes(channel);
		return channel;
	}

	@Test
	void indexedColourImagesAreRefusedWithWhatToDo() {
		ByteProcessor bp = new ByteProcessor(W, H);
		bp.setColorModel(new IndexColorModel(8, 256, palette(1), palette(2), palette(3)));
		ImagePlus indexed = new ImagePlus("indexed", bp);
		indexed.setTypeToColor256(); // as a GIF with a colour palette opens
		assertEquals(ImagePlus.COLOR_256, indexed.getType());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ToolSession(indexed,
			ToolTesting.access(single, MultimaskMode.BEST, cache), new AcceptedObjects(indexed, ObjectDisplay.NONE),
			listener));
		assertTrue(e.getMessage().contains("Image > Type > RGB Color"), e.getMessage());
	}
}
