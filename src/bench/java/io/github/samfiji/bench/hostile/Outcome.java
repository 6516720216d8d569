package io.github.samfiji.bench.hostile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a run ended, the first that applies: {@link #HANG} (killed at the time limit), {@link #INPUT_MODIFIED} (an
 * input file changed or vanished), {@link #TRACE} (a stack trace or an exception class name was printed),
 * {@link #PARTIAL} (failed but changed the output location, or succeeded without exactly a new output set),
 * {@link #WORKED} (exit 0), {@link #UNCLEAR} (failed with a message known to say nothing useful, e.g. a bare number
 * parser message), {@link #CLEAR_ERROR} (failed with a one-line message and nothing changed).
 */
enum Outcome {
	CLEAR_ERROR("clear error"), WORKED("worked"), UNCLEAR("unclear message"), TRACE("trace"), HANG("hang"),
	PARTIAL("partial output"), INPUT_MODIFIED("input modified");

	private static final Pattern TRACE_LINE = Pattern.compile(
		"(?m)^\\s+at [\\w$.]+\\(|Exception in thread|\\b(java|javax|ai|ij|io|net|com|org)\\.[\\w.$]+(Exception|Error)\\b");
	private static final Pattern UNHELPFUL = Pattern.compile("Input length = \\d|is neither a decimal digit|" +
		"For input string|: null$|^sam: null|NegativeArraySize|out of bounds for length|cannot be cast|" +
		"Index \\d+ out of bounds");

	final String label;

	Outcome(String label) {
		this.label = label;
	}

	/**
	 * @param output stdout and stderr together
	 * @param outputsChanged files of the case's directory that changed, appeared or vanished, other than a complete
	 *          new output set of a successful run
	 * @param completeNewSet whether the four output files were all written anew in the target directory
	 */
	static Outcome classify(boolean timedOut, int exit, String output, boolean inputModified,
		List<String> outputsChanged, boolean writesOutputs, boolean completeNewSet)
	{
		if (timedOut) return HANG;
		if (inputModified) return INPUT_MODIFIED;
		if (TRACE_LINE.matcher(output).find()) return TRACE;
		if (exit == 0) return !outputsChanged.isEmpty() || writesOutputs && !completeNewSet ? PARTIAL : WORKED;
		if (!outputsChanged.isEmpty()) return PARTIAL;
		return UNHELPFUL.matcher(message(output)).find() ? UNCLEAR : CLEAR_ERROR;
	}

	/** The line that explains the outcome: the first "sam:" line, else the last non-empty line. */
	static String message(String output) {
		String last = "";
		for (String line : output.split("\n")) {
			if (line.startsWith("sam: ")) return line.trim();
			if (!line.isBlank() && !line.startsWith("[") && !line.startsWith("Usage:") && !line.startsWith("  ")) last =
				line.trim();
		}
		return last;
	}
}
