package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.Preprocessing;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every descriptor in {@code models/} runs end to end through {@link PromptSegmenter} with the interface twins of
 * its family in place of the real files: the descriptor's tensor names, preprocessing profile and decoder interface
 * must fit the family's real export, and the masks must come out where the twin's analytic rule puts them.
 */
class FamilyTwinPipelineTest {

	static final int W = 64, H = 48;

	@TempDir
	Path store;

	static Stream<Path> descriptors() throws IOException {
		return FamilyTwins.bundledDescriptors().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("descriptors")
	void boxAndPointGiveTheTwinsMasks(Path json) throws IOException {
		ModelDescriptor d = FamilyTwins.installWithTwins(json, store);
		ObjectPrompt box = ObjectPrompt.builder().box(10, 8, 30, 20).name("box").build();
		ObjectPrompt point = ObjectPrompt.builder().point(20.5, 24.5, true).name("point").build();
		List<ObjectPrompt> prompts = d.promptTypes().contains("point") ? Arrays.asList(box, point) : Arrays.asList(box);
		SegmentationResult result;
		try (SamModel model = SamModel.open(d, EngineOptions.defaults().withThreads(1))) {
			result = new PromptSegmenter(model, SegmentationOptions.defaults()).segment(PlaneSource.of(TestImages
				.unsignedBytes(W, H)), prompts, TaskMonitor.NONE);
		}
		assertEquals(prompts.size(), result.objects().size());
		ResizeGeometry g = ResizeGeometry.of(W, H, d.preprocessing());
		for (SegmentedObject o : result.objects()) {
			boolean[] expected = expectedMask(d, o.prompt(), g);
			assertTrue(AnalyticMasks.area(expected) > 0, "the test prompt must give a non-empty mask");
			AnalyticMasks.assertMaskEquals(expected, o.mask());
			assertEquals(expectedIou(d, o.prompt()), o.predictedIou(), 1e-5f, d.id() + " " + o.name());
		}
	}

	/** What the family's twin gives for the default (best) candidate. */
	static boolean[] expectedMask(ModelDescriptor d, ObjectPrompt p, ResizeGeometry g) {
		return FamilyTwinsExpectations.mask(d, p, g);
	}

	static float expectedIou(ModelDescriptor d, ObjectPrompt p) {
		switch (d.decoderInterface()) {
			case "sam-onnx":
				if (d.preprocessing().resizeRule() == Preprocessing.ResizeRule.STRETCH || !d.fullSizeMasks()) return 0.8f;
				if (!d.multimask()) return p.box() != null ? 0.9f : 0.8f;
				return p.box() != null ? 0.5f : 0.9f; // a box keeps the single-mask token; a point the best of 1-3
			case "sam2-onnx":
				return 0.9f + 0.01f * 1 + 0.001f * 2; // best candidate + constant high-res features 1 and 2; no padding fed
			case "sam2-osam": // the graph appends the padding point itself
				return FamilyTwins.IOU_QUAD[FamilyTwins.defaultQuadCandidate(p)];
			case "edgesam-onnx":
			case "efficientvit-sam-onnx": // the padding point is fed when there is no box
				return FamilyTwins.IOU_QUAD[FamilyTwins.defaultQuadCandidate(p)] + (p.box() == null ? 0.1f : 0f);
			default:
				return 0.9f; // no padding label fed
		}
	}
}
