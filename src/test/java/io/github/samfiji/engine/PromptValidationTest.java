package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prompts that cannot be segmented are refused before any model runs, with a message naming the prompt. */
class PromptValidationTest {

	private static final int W = 53, H = 37;
	private static SamModel model;
	private static PromptSegmenter segmenter;

	@BeforeAll
	static void open() throws IOException {
		model = TinyModels.open(TinyModels.BOX);
		segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
	}

	@AfterAll
	static void close() {
		model.close();
	}

	private static String refusal(PlaneSource image, List<ObjectPrompt> prompts) {
		long runs = model.encoder().runCount();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> segmenter.segment(image,
			prompts, TaskMonitor.NONE));
		assertEquals(runs, model.encoder().runCount(), "no model may run before all prompts are checked");
		return e.getMessage();
	}

	private static PlaneSource image() {
		return PlaneSource.of(TestImages.unsignedBytes(W, H));
	}

	@Test
	void emptyPromptListIsRefused() {
		assertEquals("No prompts: add points or rectangles (ROI Manager, a RoiSet.zip or a prompts CSV file)", refusal(
			image(), Collections.<ObjectPrompt> emptyList()));
	}

	@Test
	void pointRightOfTheImageIsRefusedNamingTheObject() {
		ObjectPrompt ok = ObjectPrompt.builder().box(1, 1, 5, 5).build();
		ObjectPrompt bad = ObjectPrompt.builder().point(53.5, 10, true).name("cell 7").build();
		assertEquals("Object 2 (cell 7): point +(53.5, 10.0) lies outside the 53x37 image", refusal(image(), Arrays
			.asList(ok, bad)));
	}

	@Test
	void pointAboveTheImageIsRefused() {
		ObjectPrompt bad = ObjectPrompt.builder().point(10, -0.5, false).build();
		assertEquals("Object 1: point -(10.0, -0.5) lies outside the 53x37 image", refusal(image(), Collections
			.singletonList(bad)));
	}

	@Test
	void boxEntirelyOutsideTheImageIsRefused() {
		ObjectPrompt right = ObjectPrompt.builder().box(53, 0, 5, 5).build();
		assertEquals("Object 1: box(53.0, 0.0, 5.0x5.0) lies outside the 53x37 image", refusal(image(), Collections
			.singletonList(right)));
		ObjectPrompt aboveLeft = ObjectPrompt.builder().box(-10, -10, 10, 50).build();
		assertEquals("Object 1: box(-10.0, -10.0, 10.0x50.0) lies outside the 53x37 image", refusal(image(),
			Collections.singletonList(aboveLeft)));
	}

	@Test
	void boxReachingFarBeyondTheImageIsRefusedNamingTheObject() {
		// a width of 1e300 is finite, but becomes infinite in the model's float coordinates (NaN masks and scores)
		ObjectPrompt huge = ObjectPrompt.builder().box(10, 10, 1e300, 20).name("a").build();
		assertEquals("Object 1 (a): box(10.0, 10.0, 1.0E300x20.0) reaches more than the image's size beyond its edges " +
			"(the image is 53x37): give the box in pixels of this image", refusal(image(), Collections.singletonList(
				huge)));
		ObjectPrompt left = ObjectPrompt.builder().box(-60, 0, 70, 20).build();
		assertEquals("Object 1: box(-60.0, 0.0, 70.0x20.0) reaches more than the image's size beyond its edges " +
			"(the image is 53x37): give the box in pixels of this image", refusal(image(), Collections.singletonList(
				left)));
	}

	@Test
	void boxOverlappingAnEdgeIsAccepted() {
		ObjectPrompt edge = ObjectPrompt.builder().box(-10, 30, 40, 20).build();
		assertEquals(1, segmenter.segment(image(), Collections.singletonList(edge), TaskMonitor.NONE).objects().size());
	}

	@Test
	void sliceBeyondThePlaneCountIsRefused() {
		PlaneSource twoPlanes = PlaneSource.stack(ArrayImgs.unsignedBytes(W, H, 2));
		ObjectPrompt p = ObjectPrompt.builder().box(1, 1, 5, 5).slice(3).name("late").build();
		assertEquals("Object 1 (late) is on slice 3, but the image has 2 slice(s)", refusal(twoPlanes, Collections
			.singletonList(p)));
	}

	@Test
	void pointsOnTheImageEdgesAreAccepted() {
		ObjectPrompt corner = ObjectPrompt.builder().point(53, 37, true).point(0, 0, true).build();
		assertEquals(1, segmenter.segment(image(), Collections.singletonList(corner), TaskMonitor.NONE).objects()
			.size());
	}

	@Test
	void decodingAPromptOutsideTheEmbeddedPlaneIsRefused() {
		ImageEmbedding e = segmenter.encode(TestImages.unsignedBytes(W, H));
		ObjectPrompt bad = ObjectPrompt.builder().point(10, 40, true).build();
		IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> segmenter.decode(e, bad, 1));
		assertEquals("Prompt: point +(10.0, 40.0) lies outside the 53x37 image", ex.getMessage());
	}
}
