package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.sam.ModelPool;
import io.github.samfiji.engine.sam.SamModel;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The model pool hands out one opened model per descriptor and reopens it only after it was closed. */
class ModelPoolTest {

	private final ModelPool pool = new ModelPool(ModelStore.defaultStore());

	@AfterEach
	void close() {
		pool.close();
	}

	@Test
	void sameDescriptorGivesTheSameOpenedModel() throws IOException {
		ModelDescriptor d = TinyModels.descriptor(TinyModels.BOX);
		try (ModelPool.Lease a = pool.acquire(d, EngineOptions.defaults());
			ModelPool.Lease b = pool.acquire(TinyModels.descriptor(TinyModels.BOX), EngineOptions
				.defaults()))
		{
			assertSame(a.model(), b.model());
		}
	}

	@Test
	void idleModelIsClosedAndReopenedOnTheNextAcquire() throws IOException {
		ModelDescriptor d = TinyModels.descriptor(TinyModels.BOX);
		SamModel first;
		try (ModelPool.Lease a = pool.acquire(d, EngineOptions.defaults())) {
			first = a.model();
		}
		pool.closeIdle();
		try (ModelPool.Lease b = pool.acquire(d, EngineOptions.defaults())) {
			assertNotSame(first, b.model());
		}
	}

	@Test
	void leasedModelSurvivesAcquiringAnotherModel() throws IOException {
		try (ModelPool.Lease box = pool.acquire(TinyModels.descriptor(TinyModels.BOX),
			EngineOptions.defaults()))
		{
			try (ModelPool.Lease multi = pool.acquire(TinyModels.descriptor(TinyModels.MULTIMASK),
				EngineOptions.defaults()))
			{
				assertNotSame(box.model(), multi.model());
			}
			// still usable: its sessions were not closed
			box.model().encoder().encode(box.model().preprocessor().prepare(TestImages.unsignedBytes(8, 8),
				io.github.samfiji.engine.preprocess.IntensityMapping.auto()));
			try (ModelPool.Lease again = pool.acquire(TinyModels.descriptor(TinyModels.BOX),
				EngineOptions.defaults()))
			{
				assertSame(box.model(), again.model());
			}
		}
	}

	@Test
	void closingALeaseTwiceReleasesItOnce() throws IOException {
		ModelDescriptor d = TinyModels.descriptor(TinyModels.BOX);
		try (ModelPool.Lease held = pool.acquire(d, EngineOptions.defaults())) {
			ModelPool.Lease extra = pool.acquire(d, EngineOptions.defaults());
			extra.close();
			extra.close();
			pool.closeIdle();
			// "held" still holds the model, so it was not closed and is handed out again
			try (ModelPool.Lease again = pool.acquire(d, EngineOptions.defaults())) {
				assertSame(held.model(), again.model());
			}
		}
	}

	@Test
	void anIdleModelIsClosedAfterTheIdleTimeout() throws Exception {
		try (ModelPool quick = new ModelPool(ModelStore::defaultStore, 50)) {
			try (ModelPool.Lease a = quick.acquire(TinyModels.descriptor(TinyModels.BOX), EngineOptions.defaults())) {
				Thread.sleep(120);
				assertEquals(1, quick.openCount(), "a leased model stays open");
			}
			for (int i = 0; i < 100 && quick.openCount() > 0; i++) Thread.sleep(20);
			assertEquals(0, quick.openCount());
		}
	}

	@Test
	void closingThePoolClosesALeasedModelWhenItsLeaseEnds() throws IOException {
		ModelPool.Lease a = pool.acquire(TinyModels.descriptor(TinyModels.BOX), EngineOptions.defaults());
		pool.close();
		assertEquals(1, pool.openCount());
		a.close();
		assertEquals(0, pool.openCount());
		assertThrows(IllegalStateException.class, () -> pool.acquire(TinyModels.descriptor(TinyModels.BOX),
			EngineOptions.defaults()));
	}
}
