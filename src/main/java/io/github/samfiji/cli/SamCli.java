package io.github.samfiji.cli;

import static io.github.samfiji.options.OptionTable.IMAGE;
import static io.github.samfiji.options.OptionTable.OUTPUT_DIRECTORY;
import static io.github.samfiji.options.OptionTable.PROMPT_SOURCE;
import static io.github.samfiji.options.OptionTable.OBJECTS;
import static io.github.samfiji.options.OptionTable.PREDICTION;
import static io.github.samfiji.options.OptionTable.TABLE_FILE;
import static io.github.samfiji.options.OptionTable.TRUTH;
import static io.github.samfiji.options.OptionTable.VERBOSE;

import ij.ImagePlus;

import io.github.samfiji.engine.evaluate.Evaluation;
import io.github.samfiji.engine.evaluate.EvaluationTable;
import io.github.samfiji.engine.evaluate.SegmentationEvaluator;
import io.github.samfiji.engine.install.ModelManager;
import io.github.samfiji.ij.Evaluations;
import io.github.samfiji.ij.ImageRequests;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.options.CliFlags;
import io.github.samfiji.options.ErrorMessages;
import io.github.samfiji.options.Front;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionException;
import io.github.samfiji.options.OptionHelp;
import io.github.samfiji.options.OptionValues;
import io.github.samfiji.service.SamServices;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The command line for scripts and clusters ({@code scripts/sam}): {@code sam OPERATION [options]} for the
 * operations of {@link OptionHelp#CLI_OPERATIONS}, whose options, checks and {@code --help} all come from the option
 * table, and {@code sam models ...}. Each operation writes {@code labels.tif}, {@code RoiSet.zip},
 * {@code results.csv} and {@code overlay.png} to {@code --out}. Exit status: 0 on success, 1 when the run failed or
 * stopped early (what was finished is written), 2 for a usage error. Errors are one line on stderr ({@code --verbose}
 * adds the chain of causes; a fault's stack trace goes to the log file, {@link CliLog}). Ctrl-C stops every
 * operation at the next plane and writes what is finished.
 */
public final class SamCli {

	private final PrintStream out;
	private final PrintStream err;

	SamCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		System.exit(new SamCli(System.out, System.err).run(args));
	}

	/** Runs the command line; returns the exit status. */
	int run(String[] args) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			(args.length == 0 ? err : out).print(OptionHelp.overview() + ModelsCommand.USAGE + "\n");
			return args.length == 0 ? 2 : 0;
		}
		if (args[0].equals("models")) return models(args);
		if (args[0].equals("batch")) return BatchCommand.standard(out, err).run(args);
		Operation op = Operation.byKey(args[0]);
		if (op == null || !Arrays.asList(OptionHelp.CLI_OPERATIONS).contains(op)) {
			err.println("sam: unknown operation '" + args[0] + "'");
			err.print(OptionHelp.overview());
			return 2;
		}
		OptionValues values;
		try {
			Map<String, String> given = flags(op, args);
			if (given == null) {
				out.print(OptionHelp.usage(op));
				return 0;
			}
			values = OptionValues.parse(op, Front.CLI, given);
		}
		catch (OptionException e) {
			err.println("sam: " + e.getMessage());
			err.print(OptionHelp.usage(op));
			return 2;
		}
		return run(values, new ConsoleMonitor(err));
	}

	/** Runs a parsed operation; the monitor is the one the shutdown hook interrupts (tests interrupt it themselves). */
	int run(OptionValues values, ConsoleMonitor monitor) {
		if (values.operation() == Operation.EVALUATE) return evaluate(values);
		Thread hook = new Thread(monitor::interruptAndWait, "SAM: stop at the next plane");
		boolean hooked = false;
		try {
			Path outDir = values.get(OUTPUT_DIRECTORY);
			OutputWriter.checkLocation(outDir, null);
			ImagePlus image = ImageRequests.openImage(values.get(IMAGE));
			OutputWriter.checkLocation(outDir, image);
			values = ImageRequests.fromFiles(values);
			Runtime.getRuntime().addShutdownHook(hook);
			hooked = true;
			SegmentationOutputs outputs = ImageRequests.run(SamServices.current().engine(), image, values, null, monitor);
			OutputWriter.write(outputs, image, outDir);
			for (String note : outputs.notes())
				out.println(note);
			out.println(values.operation().title() + ": " + outputs.result().objects().size() + " object(s) in " + image
				.getTitle() + "; wrote " + OutputWriter.LABELS + ", " + OutputWriter.ROIS + ", " + OutputWriter.TABLE +
				", " + OutputWriter.OVERLAY + " to " + outDir);
			if (outputs.result().isComplete()) return 0;
			err.println("sam: stopped early (" + outputs.result().stoppedBecause() + "); the finished part is written");
			if (outputs.failure() != null) report(outputs.failure(), values.get(VERBOSE));
			return 1;
		}
		catch (Exception | OutOfMemoryError e) {
			report(e, values.get(VERBOSE));
			return 1;
		}
		finally {
			monitor.finished();
			if (hooked) removeHook(hook);
		}
	}

	/** Scores the prediction against the truth; prints the table as CSV and writes it to {@code --out} if given. */
	private int evaluate(OptionValues values) {
		try {
			ImagePlus truth = Evaluations.labelImage(values.get(TRUTH), null);
			ImagePlus prediction = Evaluations.labelImage(values.get(PREDICTION), truth);
			Evaluation e = Evaluations.evaluate(truth, prediction, SegmentationEvaluator.Mode.parse(values.get(OBJECTS)));
			if (values.get(TABLE_FILE) != null) Evaluations.writeCsv(e, values.get(TABLE_FILE));
			EvaluationTable.writeCsv(e, out);
			return 0;
		}
		catch (Exception | OutOfMemoryError e) {
			report(e, values.get(VERBOSE));
			return 1;
		}
	}

	private int models(String[] args) {
		try {
			java.util.List<String> words = new java.util.ArrayList<>(Arrays.asList(args));
			boolean accept = words.remove(ModelsCommand.ACCEPT_LICENSE);
			return new ModelsCommand(out, new ConsoleMonitor(err), accept).run(words.toArray(new String[0]), ModelManager
				.defaults());
		}
		catch (UsageException e) {
			err.println("sam: " + e.getMessage());
			err.println(ModelsCommand.USAGE);
			return 2;
		}
		catch (Exception | OutOfMemoryError e) {
			report(e, false);
			return 1;
		}
	}

	/** One line on stderr; the causes with {@code --verbose}; a fault's stack trace in the log file. */
	private void report(Throwable e, boolean verbose) {
		err.println("sam: " + ErrorMessages.oneLine(e));
		if (verbose) err.println(ErrorMessages.causes(e));
		if (!ErrorMessages.isExpected(e)) {
			Path log = CliLog.write(e);
			if (log != null) err.println("sam: the details are in " + log);
		}
	}

	/**
	 * The flags after the operation, by name without dashes ({@code --name value}, {@code --name=value}; a yes/no
	 * flag alone, or followed by true or false); {@code null} when {@code --help} is among them.
	 *
	 * @throws OptionException for a word that is not a flag, or a flag given twice
	 */
	static Map<String, String> flags(Operation op, String[] args) {
		return CliFlags.parse(args, 1, name -> OptionValues.find(op, Front.CLI, name), IMAGE.spelling(Front.CLI));
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException e) {
			// the JVM is shutting down: the hook is running and waits for this run's outputs
		}
	}

	/** A malformed {@code sam models} command line. */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}
	}
}
