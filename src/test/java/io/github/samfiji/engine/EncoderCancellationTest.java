package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.concurrent.CancellationException;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;

/** A cancelled encoding runs no model and caches nothing; the model stays usable. */
class EncoderCancellationTest {

	@Test
	void aCancelledMonitorStopsTheEncoderAndNothingIsCached() throws Exception {
		try (SamModel model = TinyModels.open(TinyModels.BOX)) {
			EmbeddingCache cache = new EmbeddingCache(1 << 30, null);
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults(), cache);
			TaskMonitor cancelled = new TaskMonitor() {

				@Override
				public void progress(String message, long done, long total) {}

				@Override
				public boolean isCancelled() { return true; }
			};
			long runs = model.encoder().runCount();
			assertThrows(CancellationException.class, () -> segmenter.encode(ArrayImgs.unsignedBytes(new byte[40 * 30], 40,
				30), cancelled));
			assertEquals(runs, model.encoder().runCount());
			assertEquals(0, cache.size());
			segmenter.encode(ArrayImgs.unsignedBytes(new byte[40 * 30], 40, 30), TaskMonitor.NONE);
			assertEquals(1, cache.size());
		}
	}
}
