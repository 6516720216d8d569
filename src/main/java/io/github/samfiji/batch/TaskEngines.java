package io.github.samfiji.batch;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.engine.cache.EmbeddingCaches;
import io.github.samfiji.service.SamServices;

/**
 * The engine a batch task runs on: the models of this JVM's {@link SamServices#current() SamService} (so a model is
 * opened once per JVM, in this process or on a Spark executor, and reused by every task after it) with embedding
 * caches of the task's own, so that its encoder runs are counted exactly and the memory they hold is freed with the
 * task.
 */
final class TaskEngines {

	private TaskEngines() {}

	/**
	 * @param concurrentTasks how many tasks run at once in this JVM: each task's caches get that share of the memory a
	 *          single run's caches would get
	 */
	static SamEngine forTask(int concurrentTasks) {
		long heap = Runtime.getRuntime().maxMemory() / Math.max(1, concurrentTasks);
		return new SamEngine(SamServices.current().engine().models(), new EmbeddingCaches(heap / 4, heap / 8));
	}
}
