package io.github.samfiji.engine.onnx;

import java.util.Locale;

/**
 * How models are run. Immutable; {@link #defaults()} uses all cores on the CPU.
 */
public final class EngineOptions {

	/** Where onnxruntime runs the models. */
	public enum Device {
		/** The CPU execution provider (always available). */
		CPU,
		/**
		 * The CUDA execution provider on GPU 0, when the onnxruntime build has it (the {@code onnxruntime_gpu} jar)
		 * and a GPU is usable; otherwise the CPU, with a log line saying why.
		 */
		CUDA;

		/** Parses {@code cpu} or {@code cuda}, case-insensitive. */
		public static Device parse(String text) {
			try {
				return valueOf(text.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException | NullPointerException e) {
				throw new IllegalArgumentException("Unknown device '" + text + "': use cpu or cuda");
			}
		}
	}

	private final int threads;
	private final Device device;
	private final boolean allCandidates;

	private EngineOptions(int threads, Device device, boolean allCandidates) {
		if (threads < 0 || threads > maxThreads()) throw new IllegalArgumentException("threads must be 0 (all cores) " +
			"or 1 to " + maxThreads() + " (4 per core), not " + threads);
		this.threads = threads;
		this.device = device;
		this.allCandidates = allCandidates;
	}

	public static EngineOptions defaults() { return new EngineOptions(0, Device.CPU, true); }

	/**
	 * The largest thread count accepted: 4 per core of this machine (more only slows the run down, and very large
	 * counts hang onnxruntime's session creation). The option table takes its bound from here.
	 */
	public static int maxThreads() { return 4 * Runtime.getRuntime().availableProcessors(); }

	/**
	 * @param count intra-op threads per model run, 1 to {@link #maxThreads()}; 0 lets onnxruntime use all cores
	 * @throws IllegalArgumentException for another count
	 */
	public EngineOptions withThreads(int count) { return new EngineOptions(count, device, allCandidates); }

	/** The same options on another device. */
	public EngineOptions withDevice(Device d) { return new EngineOptions(threads, d, allCandidates); }

	/**
	 * With {@code true} (the default), a single-mask SAM decoder export is opened through its rewrite that exposes
	 * all four candidate masks ({@code engine.decode.rewrite.CandidateDecoderFile}); {@code false} opens the file as
	 * it is, which returns only the mask the export selects.
	 */
	public EngineOptions withAllCandidates(boolean all) { return new EngineOptions(threads, device, all); }

	/** Whether single-mask decoder exports are rewritten to give all candidates (see {@link #withAllCandidates}). */
	public boolean allCandidates() { return allCandidates; }

	public int threads() { return threads; }

	public Device device() { return device; }

	@Override
	public String toString() {
		return device.name().toLowerCase(Locale.ROOT) + ", threads " + threads + (allCandidates ? ""
			: ", single-mask exports as they are");
	}
}
