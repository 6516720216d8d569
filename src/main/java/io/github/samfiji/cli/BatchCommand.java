package io.github.samfiji.cli;

import io.github.samfiji.batch.BatchJob;
import io.github.samfiji.batch.BatchProgress;
import io.github.samfiji.batch.BatchReport;
import io.github.samfiji.batch.BatchRow;
import io.github.samfiji.batch.BatchRunner;
import io.github.samfiji.batch.ImageSets;
import io.github.samfiji.batch.LocalBatch;
import io.github.samfiji.batch.Manifest;
import io.github.samfiji.batch.RowOutcome;
import io.github.samfiji.batch.SparkBatch;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.options.BatchOptions;
import io.github.samfiji.options.CliFlags;
import io.github.samfiji.options.ErrorMessages;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionException;
import io.github.samfiji.options.OptionHelp;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code sam batch OP (--manifest M.csv | --images DIR) --out DIR [--master ...] [options of OP]}: reads the rows,
 * checks the options against the first one, runs them in this process ({@link LocalBatch}) or, with a master (or
 * under {@code spark-submit}), on Spark ({@link SparkBatch}), and writes {@code status.csv} and {@code objects.csv}.
 * Exit status: 0 when every row is ok or skipped, 1 when a row failed (the others are done) or the batch failed as a
 * whole, 2 for a usage error (options, manifest). Ctrl-C stops an in-process batch at the next plane.
 */
final class BatchCommand {

	/** Lines of failed rows printed at the end; status.csv has them all. */
	private static final int FAILED_LINES = 10;

	private final PrintStream out;
	private final PrintStream err;
	private final Function<String, BatchRunner> spark;

	/** @param spark the Spark runner for a master ({@code null} under spark-submit) */
	BatchCommand(PrintStream out, PrintStream err, Function<String, BatchRunner> spark) {
		this.out = out;
		this.err = err;
		this.spark = spark;
	}

	/** A command whose Spark runner starts its own Spark context. */
	static BatchCommand standard(PrintStream out, PrintStream err) {
		return new BatchCommand(out, err, BatchCommand::startSpark);
	}

	/** A Spark runner; only here are Spark's classes loaded (a {@link LinkageError} when Spark is missing). */
	private static BatchRunner startSpark(String master) {
		return new SparkBatch(master);
	}

	/** Runs {@code args} ({@code batch OP ...}); returns the exit status. */
	int run(String[] args) {
		if (args.length < 2 || args[1].equals("--help") || args[1].equals("-h")) {
			(args.length < 2 ? err : out).print(OptionHelp.batchOverview());
			return args.length < 2 ? 2 : 0;
		}
		Operation op = Operation.byKey(args[1]);
		if (op == null || !Arrays.asList(OptionHelp.CLI_OPERATIONS).contains(op)) {
			err.println("sam batch: unknown operation '" + args[1] + "'");
			err.print(OptionHelp.batchOverview());
			return 2;
		}
		BatchOptions options;
		try {
			Map<String, String> flags = CliFlags.parse(args, 2, key -> BatchOptions.find(op, key), "--manifest");
			if (flags == null) {
				out.print(OptionHelp.batchUsage(op));
				return 0;
			}
			options = BatchOptions.parse(op, flags);
		}
		catch (OptionException e) {
			err.println("sam: " + e.getMessage());
			err.print(OptionHelp.batchUsage(op));
			return 2;
		}
		return run(options, new ConsoleMonitor(err));
	}

	/** Runs parsed options; the monitor is the one Ctrl-C interrupts (tests interrupt it themselves). */
	int run(BatchOptions options, ConsoleMonitor monitor) {
		OptionValues batch = options.batch();
		BatchJob job = BatchJob.of(options);
		List<BatchRow> rows;
		try {
			rows = rows(options, job);
			job.values(firstImageFlags(job, rows.get(0)));
			OutputWriter.checkLocation(job.output(), null);
		}
		catch (IllegalArgumentException e) {
			err.println("sam: " + e.getMessage());
			return 2;
		}
		catch (IOException e) {
			return fail(e, batch.get(OptionTable.VERBOSE));
		}
		String master = batch.get(OptionTable.MASTER);
		boolean onSpark = master != null || System.getProperty("spark.master") != null;
		BatchRunner runner;
		try {
			runner = onSpark ? spark.apply(master) : new LocalBatch(monitor);
		}
		catch (LinkageError e) {
			err.println("sam: --master needs Apache Spark on the class path: scripts/sam adds it, or launch the batch with " +
				"spark-submit (see the README)");
			return 2;
		}
		return run(job, rows, runner, monitor, batch.get(OptionTable.VERBOSE), !onSpark);
	}

	private int run(BatchJob job, List<BatchRow> rows, BatchRunner runner, ConsoleMonitor monitor, boolean verbose,
		boolean hookCtrlC)
	{
		Thread hook = new Thread(monitor::interruptAndWait, "SAM: stop the batch at the next plane");
		if (hookCtrlC) Runtime.getRuntime().addShutdownHook(hook);
		try {
			new ImageSets(job.output()).cleanUp();
			List<RowOutcome> outcomes = runner.run(job, rows, new BatchProgress(err, rows.size()));
			new ImageSets(job.output()).cleanUp();
			BatchReport.write(job.output(), outcomes);
			return summary(job, outcomes);
		}
		catch (BatchRunner.BatchException e) {
			err.println("sam: " + e.getMessage() + "; the images finished before are written: run the batch again to do " +
				"the others");
			if (verbose) err.println(ErrorMessages.causes(e));
			return 1;
		}
		catch (IOException | RuntimeException e) {
			return fail(e, verbose);
		}
		finally {
			monitor.finished();
			if (hookCtrlC) removeHook(hook);
		}
	}

	/** Prints the counts and the first failed rows; logs the faults. Returns 1 when a row failed. */
	private int summary(BatchJob job, List<RowOutcome> outcomes) {
		int ok = 0, skipped = 0, failed = 0;
		for (RowOutcome o : outcomes) {
			if (o.fault() != null) CliLog.write(o.row() + ": " + o.fault());
			switch (o.status()) {
				case OK:
					ok++;
					break;
				case SKIPPED:
					skipped++;
					break;
				default:
					if (++failed <= FAILED_LINES) err.println("sam: " + o.row().image() + ": " + o.message());
			}
		}
		if (failed > FAILED_LINES) err.println("sam: ... and " + (failed - FAILED_LINES) + " more failed rows: see " +
			BatchReport.STATUS);
		out.println("Batch " + job.operation().key() + ": " + ok + " ok, " + skipped + " skipped, " + failed +
			" failed of " + outcomes.size() + " images; wrote " + BatchReport.STATUS + ", " + BatchReport.OBJECTS +
			" and one folder per image to " + job.output());
		return failed == 0 ? 0 : 1;
	}

	private static List<BatchRow> rows(BatchOptions options, BatchJob job) throws IOException {
		OptionValues batch = options.batch();
		if (batch.get(OptionTable.MANIFEST) != null) return Manifest.read(batch.get(OptionTable.MANIFEST), options
			.operation(), job.everyImageInputs());
		return Manifest.folder(batch.get(OptionTable.IMAGES), batch.get(OptionTable.GLOB), options.operation(), job
			.everyImageInputs());
	}

	/** The first row's flags, to check the options together (e.g. tile size and halo) before anything runs. */
	private static Map<String, String> firstImageFlags(BatchJob job, BatchRow row) {
		Map<String, String> flags = new LinkedHashMap<>(row.inputs());
		flags.put(OptionTable.IMAGE.flag(), row.image());
		flags.put(OptionTable.OUTPUT_DIRECTORY.flag(), job.output().resolve(row.name()).toString());
		return flags;
	}

	private int fail(Exception e, boolean verbose) {
		err.println("sam: " + ErrorMessages.oneLine(e));
		if (verbose) err.println(ErrorMessages.causes(e));
		if (!ErrorMessages.isExpected(e)) {
			Path log = CliLog.write(e);
			if (log != null) err.println("sam: the details are in " + log);
		}
		return 1;
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException e) {
			// the JVM is shutting down: the hook is running and waits for the batch's reports
		}
	}
}
