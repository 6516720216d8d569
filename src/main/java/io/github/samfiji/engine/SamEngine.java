package io.github.samfiji.engine;

import io.github.samfiji.engine.cache.EmbeddingCaches;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.operation.EverythingRequest;
import io.github.samfiji.engine.operation.Operations;
import io.github.samfiji.engine.operation.PropagateRequest;
import io.github.samfiji.engine.operation.RefineRequest;
import io.github.samfiji.engine.operation.RunResult;
import io.github.samfiji.engine.operation.SegmentRequest;
import io.github.samfiji.engine.sam.ModelPool;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;

/**
 * The engine's entry point: the models opened so far ({@link ModelPool}, so that consecutive runs reuse them) and the
 * embedding caches ({@link EmbeddingCaches}), and one run method per operation. Every front (Fiji plugins, SciJava
 * commands, the interactive tool, the command line, batch runs) calls these same methods; in Fiji one instance lives
 * in the SciJava {@code SamService}. Thread-safe; the run methods block (call them off the event thread) and stop
 * within one plane when their monitor is cancelled. Close it to close the models.
 */
public final class SamEngine implements AutoCloseable {

	private final ModelPool models;
	private final EmbeddingCaches caches;
	private final Operations operations;

	/** An engine over the models installed in the default model store ({@link ModelStore#defaultStore()}). */
	public SamEngine() {
		this(ModelPool.ofDefaultStore(), new EmbeddingCaches());
	}

	public SamEngine(ModelPool models, EmbeddingCaches caches) {
		this.models = models;
		this.caches = caches;
		this.operations = new Operations(models, caches);
	}

	/** Segment with prompts; see {@link Operations#segment}. */
	public RunResult segment(SegmentRequest request, TaskMonitor monitor) throws IOException {
		return operations.segment(request, monitor);
	}

	/** Segment everything; see {@link Operations#everything}. */
	public RunResult everything(EverythingRequest request, TaskMonitor monitor) throws IOException {
		return operations.everything(request, monitor);
	}

	/** Refine other tools' objects; see {@link Operations#refine}. */
	public RunResult refine(RefineRequest request, TaskMonitor monitor) throws IOException {
		return operations.refine(request, monitor);
	}

	/** Propagate through a stack; see {@link Operations#propagate}. */
	public RunResult propagate(PropagateRequest request, TaskMonitor monitor) throws IOException {
		return operations.propagate(request, monitor);
	}

	public ModelPool models() { return models; }

	public EmbeddingCaches caches() { return caches; }

	/** Closes the idle models now and the others when their runs end. */
	@Override
	public void close() {
		models.close();
	}
}
