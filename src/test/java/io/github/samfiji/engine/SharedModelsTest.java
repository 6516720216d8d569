package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.samfiji.engine.model.ModelDescriptor;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared model cache hands out one opened model per descriptor and reopens it only after it was closed. */
class SharedModelsTest {

	@AfterEach
	void closeIdle() {
		SharedModels.instance().closeIdle();
	}

	@Test
	void sameDescriptorGivesTheSameOpenedModel() throws IOException {
		ModelDescriptor d = TinyModels.descriptor(TinyModels.BOX);
		try (SharedModels.Lease a = SharedModels.instance().acquire(d, EngineOptions.defaults());
			SharedModels.Lease b = SharedModels.instance().acquire(TinyModels.descriptor(TinyModels.BOX), EngineOptions
				.defaults()))
		{
			assertSame(a.model(), b.model());
		}
	}

	@Test
	void idleModelIsClosedAndReopenedOnTheNextAcquire() throws IOException {
		ModelDescriptor d = TinyModels.descriptor(TinyModels.BOX);
		SamModel first;
		try (SharedModels.Lease a = SharedModels.instance().acquire(d, EngineOptions.defaults())) {
			first = a.model();
		}
		SharedModels.instance().closeIdle();
		try (SharedModels.Lease b = SharedModels.instance().acquire(d, EngineOptions.defaults())) {
			assertNotSame(first, b.model());
		}
	}

	@Test
	void leasedModelSurvivesAcquiringAnotherModel() throws IOException {
		try (SharedModels.Lease box = SharedModels.instance().acquire(TinyModels.descriptor(TinyModels.BOX),
			EngineOptions.defaults()))
		{
			try (SharedModels.Lease multi = SharedModels.instance().acquire(TinyModels.descriptor(TinyModels.MULTIMASK),
				EngineOptions.defaults()))
			{
				assertNotSame(box.model(), multi.model());
			}
			// still usable: its sessions were not closed
			box.model().encoder().encode(box.model().preprocessor().prepare(TestImages.unsignedBytes(8, 8),
				io.github.samfiji.engine.preprocess.IntensityMapping.auto()));
			try (SharedModels.Lease again = SharedModels.instance().acquire(TinyModels.descriptor(TinyModels.BOX),
				EngineOptions.defaults()))
			{
				assertSame(box.model(), again.model());
			}
		}
	}

	@Test
	void closingALeaseTwiceReleasesItOnce() throws IOException {
		ModelDescriptor d = TinyModels.descriptor(TinyModels.BOX);
		try (SharedModels.Lease held = SharedModels.instance().acquire(d, EngineOptions.defaults())) {
			SharedModels.Lease extra = SharedModels.instance().acquire(d, EngineOptions.defaults());
			extra.close();
			extra.close();
			SharedModels.instance().closeIdle();
			// "held" still holds the model, so it was not closed and is handed out again
			try (SharedModels.Lease again = SharedModels.instance().acquire(d, EngineOptions.defaults())) {
				assertSame(held.model(), again.model());
			}
		}
	}
}
