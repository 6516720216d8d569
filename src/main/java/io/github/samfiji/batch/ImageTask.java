package io.github.samfiji.batch;

import ij.ImagePlus;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.engine.cache.CacheCounts;
import io.github.samfiji.engine.cache.EmbeddingCache;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImageRequests;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.options.EngineSettings;
import io.github.samfiji.options.ErrorMessages;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a batch, in whatever JVM runs it (this process or a Spark executor): reads the inputs (through Hadoop
 * for URIs) and their SHA-256; skips the row when its folder already holds a complete set of the same work; else runs
 * the operation exactly as the single-image command line does (the same option parsing, {@link ImageRequests},
 * {@link OutputWriter}), stages the set with its {@link ImageRecord} and publishes it ({@link ImageSets}). Every
 * failure of the row (a missing or corrupt file, bad prompts, a model error, out of memory, a run that stops early)
 * becomes a failed {@link RowOutcome} with a one-line message, and nothing of it is published.
 */
final class ImageTask {

	/** Called with each staged set before it is published; tests use it to kill an attempt mid-write. */
	static volatile StagedHook staged = (row, dir) -> {};

	private ImageTask() {}

	/**
	 * @param attempt unique to this attempt at the row (e.g. Spark's task attempt id), names its staging folder
	 * @param concurrentTasks how many rows this JVM runs at once (for the memory of the embedding caches)
	 */
	static RowOutcome run(BatchJob job, BatchRow row, String attempt, TaskMonitor monitor, int concurrentTasks) {
		long start = System.nanoTime();
		Path copies = null;
		long[] encoded = { 0 };
		try {
			copies = Files.createTempDirectory("sam-batch");
			return run(job, row, attempt, monitor, concurrentTasks, copies, start, encoded);
		}
		catch (Exception | OutOfMemoryError e) {
			String fault = null;
			if (!ErrorMessages.isExpected(e)) {
				StringWriter trace = new StringWriter();
				e.printStackTrace(new PrintWriter(trace));
				fault = trace.toString();
			}
			String message = ErrorMessages.oneLine(e);
			if (copies != null) message = message.replace(copies.toString(), "(copy)");
			return RowOutcome.failed(row, message, encoded[0], seconds(start), fault);
		}
		finally {
			deleteQuietly(copies);
		}
	}

	private static RowOutcome run(BatchJob job, BatchRow row, String attempt, TaskMonitor monitor, int tasks,
		Path copies, long start, long[] encoded) throws IOException
	{
		ImageSets sets = new ImageSets(job.output());
		InputFile image = InputFile.of(row.image(), copies);
		Map<String, String> flags = new LinkedHashMap<>(), sha256 = new LinkedHashMap<>();
		flags.put(OptionTable.IMAGE.flag(), image.local().toString());
		for (Map.Entry<String, String> in : row.inputs().entrySet()) {
			InputFile file = InputFile.of(in.getValue(), copies);
			flags.put(in.getKey(), file.local().toString());
			sha256.put(in.getKey(), file.sha256());
		}
		flags.put(OptionTable.OUTPUT_DIRECTORY.flag(), sets.folder(row).toString());
		OptionValues values = ImageRequests.fromFiles(job.values(flags));
		SamEngine engine = TaskEngines.forTask(tasks);
		ModelDescriptor model = engine.models().store().resolve(values.get(OptionTable.MODEL));
		ImageRecord work = ImageRecord.of(row.image(), image.sha256(), sha256, values, model);
		ImageRecord there = sets.completeRecord(row);
		if (work.sameWork(there)) return new RowOutcome(row, RowOutcome.Status.SKIPPED, "", there.objects(), 0, seconds(
			start));
		ImagePlus imp = ImageRequests.openImage(image.local());
		EmbeddingCache cache = engine.caches().forDirectory(EngineSettings.run(values).cacheDirectory(), monitor::warn);
		CacheCounts before = CacheCounts.of(cache);
		SegmentationOutputs outputs = ImageRequests.run(engine, imp, values, null, monitor);
		encoded[0] = CacheCounts.of(cache).since(before).encoded();
		if (!outputs.result().isComplete()) return RowOutcome.failed(row, stoppedEarly(outputs), encoded[0], seconds(
			start), null);
		int objects = outputs.result().objects().size();
		Path staging = sets.staging(row, attempt);
		OutputWriter.write(outputs, imp, staging);
		work.withResults(objects, encoded[0], seconds(start), outputs.notes()).write(staging);
		staged.staged(row, staging);
		sets.publish(staging, row, work);
		return new RowOutcome(row, RowOutcome.Status.OK, "", objects, encoded[0], seconds(start));
	}

	/** Why a run stopped early; its finished part is not published (a rerun does the row again). */
	private static String stoppedEarly(SegmentationOutputs outputs) {
		Throwable failure = outputs.failure();
		return "Stopped early (" + outputs.result().stoppedBecause() + ")" + (failure == null ? "" : ": " + ErrorMessages
			.oneLine(failure)) + "; nothing written";
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static void deleteQuietly(Path dir) {
		if (dir == null) return;
		try {
			ImageSets.deleteTree(dir);
		}
		catch (IOException e) {
			// a temporary copy left in the temporary directory
		}
	}

	/** Sees a staged set before it is published. */
	@FunctionalInterface
	interface StagedHook {
		void staged(BatchRow row, Path staging) throws IOException;
	}
}
