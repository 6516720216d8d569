package io.github.samfiji.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.samfiji.ij.OutputWriter;

/** Faults injected into batch tasks (in this JVM: in-process batches and Spark's local mode). */
public final class BatchFaults {

	private BatchFaults() {}

	/**
	 * Kills the first attempt at the row named {@code name} while it writes: after its set is staged, half of its label
	 * image is cut off, its overlay deleted, and the attempt dies (an {@link AssertionError}, which no row catches, as a
	 * killed JVM would). Later attempts run normally.
	 *
	 * @return counts the attempts killed
	 */
	public static AtomicInteger killFirstAttemptWhileWriting(String name) {
		AtomicInteger killed = new AtomicInteger();
		ImageTask.staged = (row, staging) -> {
			if (!row.name().equals(name) || !killed.compareAndSet(0, 1)) return;
			Path labels = staging.resolve(OutputWriter.LABELS);
			byte[] bytes = Files.readAllBytes(labels);
			Files.write(labels, java.util.Arrays.copyOf(bytes, bytes.length / 2));
			Files.delete(staging.resolve(OutputWriter.OVERLAY));
			throw new AssertionError("attempt killed while writing " + staging);
		};
		return killed;
	}

	/** No more faults. */
	public static void clear() {
		ImageTask.staged = (row, staging) -> {};
	}

	/** The staging folders left under a batch's output directory (by killed attempts), or 0. */
	public static long stagingLeft(Path out) throws IOException {
		Path staging = out.resolve(ImageSets.STAGING);
		if (!Files.isDirectory(staging)) return 0;
		try (java.util.stream.Stream<Path> s = Files.list(staging)) {
			return s.count();
		}
	}
}
