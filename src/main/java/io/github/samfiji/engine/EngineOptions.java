package io.github.samfiji.engine;

/**
 * How models are run. Immutable; {@link #defaults()} uses all cores on the CPU.
 */
public final class EngineOptions {

	private final int threads;

	private EngineOptions(int threads) {
		if (threads < 0) throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
		this.threads = threads;
	}

	public static EngineOptions defaults() { return new EngineOptions(0); }

	/** @param count intra-op threads per model run; 0 lets onnxruntime use all cores */
	public EngineOptions withThreads(int count) { return new EngineOptions(count); }

	public int threads() { return threads; }
}
