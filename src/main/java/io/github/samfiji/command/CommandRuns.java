package io.github.samfiji.command;

import static io.github.samfiji.options.OptionTable.OUTPUT_DIRECTORY;
import static io.github.samfiji.options.OptionTable.SHOW;

import ij.ImagePlus;

import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImageRequests;
import io.github.samfiji.ij.OutputDisplay;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.options.ErrorMessages;
import io.github.samfiji.options.Front;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.Option;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;
import io.github.samfiji.service.SamService;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;

/**
 * What every SciJava command of this plugin does, so that they all behave alike and like the ImageJ 1 entries:
 * reads its parameters (fields named after the option table's options of its operation, held to the table by a
 * test) through the table, so that their values are checked as macro and command-line values are; runs the
 * operation on the context's {@link SamService} engine with status progress and SciJava cancellation; writes the
 * outputs to the output directory when set, shows the ROIs and table when asked, logs the run's notes, warns when it
 * stopped early and logs the error that stopped it. A failure cancels the command with its one-line message.
 */
final class CommandRuns {

	private CommandRuns() {}

	/**
	 * Runs {@code operation} for {@code command}.
	 *
	 * @param refineLabels for refining, the label image to refine; else {@code null}
	 * @return the label image (the commands' output), or {@code null} when the run failed
	 */
	static ImagePlus run(ContextCommand command, Operation operation, ImagePlus image, ImagePlus refineLabels) {
		String title = operation.title();
		LogService log = command.context().service(LogService.class);
		try {
			OptionValues values = read(command, operation);
			Path dir = values.get(OUTPUT_DIRECTORY);
			if (dir != null) OutputWriter.checkLocation(dir, image);
			TaskMonitor monitor = monitor(command);
			SegmentationOutputs outputs = ImageRequests.run(command.context().service(SamService.class).engine(), image,
				values, refineLabels, monitor);
			if (dir != null) OutputWriter.write(outputs, image, dir);
			if (values.get(SHOW)) OutputDisplay.show(outputs, false, true, true);
			for (String note : outputs.notes())
				log.info(title + ": " + note);
			if (!outputs.result().isComplete()) log.warn(title + " stopped early (" + outputs.result().stoppedBecause() +
				"); kept " + outputs.result().objects().size() + " finished object(s)");
			if (outputs.failure() != null && !ErrorMessages.isExpected(outputs.failure())) log.error(title +
				" stopped early", outputs.failure());
			return outputs.labels();
		}
		catch (Exception | OutOfMemoryError e) {
			fail(command, title, e);
			return null;
		}
	}

	/** Cancels the command with the error's one-line message and logs it (with its stack trace for a fault). */
	static void fail(ContextCommand command, String title, Throwable e) {
		String message = ErrorMessages.oneLine(e);
		command.cancel(message);
		LogService log = command.context().service(LogService.class);
		if (ErrorMessages.isExpected(e)) log.error(title + ": " + message);
		else log.error(title + ": " + message, e);
	}

	/** Progress in the status bar, warnings in the log; cancelled with the command. */
	static TaskMonitor monitor(ContextCommand command) {
		return new StatusServiceMonitor(command.context().service(StatusService.class), command.context().service(
			LogService.class), command::isCanceled);
	}

	/**
	 * The command's parameters as option values: the field of each option of the operation on the SciJava front,
	 * read as text and parsed by the table (a {@code null} field takes the option's default).
	 *
	 * @throws IllegalArgumentException for a value the table refuses, naming the field
	 */
	static OptionValues read(Object command, Operation operation) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (Option<?> o : OptionTable.of(operation, Front.SCIJAVA)) {
			Object value = value(command, o.fieldName());
			if (value != null) texts.put(o.fieldName(), value instanceof File ? ((File) value).getPath() : String.valueOf(
				value));
		}
		return OptionValues.parse(operation, Front.SCIJAVA, texts);
	}

	private static Object value(Object command, String name) {
		for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
			try {
				Field f = c.getDeclaredField(name);
				f.setAccessible(true);
				return f.get(command);
			}
			catch (NoSuchFieldException e) {
				// look in the superclass
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException("Cannot read the parameter " + name, e);
			}
		}
		throw new IllegalStateException(command.getClass().getSimpleName() + " has no parameter " + name +
			" (the option table asks for one)");
	}
}
