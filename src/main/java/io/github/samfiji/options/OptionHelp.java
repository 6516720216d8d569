package io.github.samfiji.options;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * Help derived from the {@link OptionTable}: each command-line operation's usage ({@code sam OP --help}) and the
 * Markdown option reference ({@code docs/options.md}, kept up to date by a test).
 */
public final class OptionHelp {

	private static final int WIDTH = 110;
	/** The summary's column letter of each operation, in declaration order. */
	private static final String LETTERS = "SERPTOVB";

	private OptionHelp() {}

	/** The operations the command line runs, in the order of the general usage. */
	public static final Operation[] CLI_OPERATIONS = { Operation.SEGMENT, Operation.EVERYTHING, Operation.REFINE,
		Operation.PROPAGATE, Operation.EVALUATE };

	/** The usage of {@code sam OP}: its required options, then every option with its values, default and meaning. */
	public static String usage(Operation operation) {
		StringBuilder s = new StringBuilder("Usage: sam ").append(operation.key());
		List<Option<?>> options = OptionTable.of(operation, Front.CLI);
		for (Option<?> o : options)
			if (o.isRequiredOn(Front.CLI)) s.append(' ').append(o.spelling(Front.CLI)).append(' ').append(o.type().hint());
		s.append(" [options]\n").append(operation.title()).append(": ").append(operation.description()).append(
			"\nOptions:\n");
		for (Option<?> o : options)
			s.append(line(operation, o));
		return s.toString();
	}

	/**
	 * Example macro options of {@code operation} that run without a display, e.g. for "Segment with Prompts"
	 * {@code model=minisam prompts=File prompt_file=/path/prompts.csv output_directory=/path/out}.
	 */
	public static String macroExample(Operation operation) {
		OptionValues v = OptionValues.defaults(operation);
		List<Option<?>> shown = new java.util.ArrayList<>();
		shown.add(OptionTable.MODEL);
		switch (operation) {
			case SEGMENT:
			case PROPAGATE:
				v = v.with(OptionTable.PROMPT_SOURCE, "File").with(OptionTable.PROMPT_FILE, Paths.get("/path/prompts.csv"));
				shown.addAll(Arrays.asList(OptionTable.PROMPT_SOURCE, OptionTable.PROMPT_FILE));
				break;
			case REFINE:
				v = v.with(OptionTable.OBJECT_SOURCE, "File").with(OptionTable.OBJECTS_FILE, Paths.get("/path/labels.tif"));
				shown.addAll(Arrays.asList(OptionTable.OBJECT_SOURCE, OptionTable.OBJECTS_FILE));
				break;
			case EVALUATE:
				v = v.with(OptionTable.TRUTH, "cells-truth.tif").with(OptionTable.PREDICTION, "cells-labels");
				shown.clear();
				shown.addAll(Arrays.asList(OptionTable.TRUTH, OptionTable.PREDICTION));
				break;
			case OBJECT:
				v = v.with(OptionTable.OBJECT_PROMPTS, "box:100,60,40,35 +120,80 -131,90");
				shown.add(OptionTable.OBJECT_PROMPTS);
				break;
			default:
				shown.addAll(Arrays.asList(OptionTable.THREADS, OptionTable.INTENSITY));
		}
		if (OptionTable.OUTPUT_DIRECTORY.isTakenBy(operation)) {
			v = v.with(OptionTable.OUTPUT_DIRECTORY, Paths.get("/path/out"));
			shown.add(OptionTable.OUTPUT_DIRECTORY);
		}
		return v.toMacroOptions(shown);
	}

	/** The short usage of every operation, for {@code sam --help}. */
	public static String overview() {
		StringBuilder s = new StringBuilder("Usage: sam OPERATION [options]   (sam OPERATION --help lists its options)\n");
		for (Operation op : CLI_OPERATIONS)
			s.append(String.format("  %-11s %s%n", op.key(), op.description()));
		return s.append(String.format("  %-11s %s%n", "batch OP", Operation.BATCH.description())).toString();
	}

	/** The usage of {@code sam batch}, for {@code sam batch --help}: its form and the operations it runs. */
	public static String batchOverview() {
		StringBuilder s = new StringBuilder(batchSynopsis("OPERATION")).append(
			"   (sam batch OPERATION --help lists its options)\n").append(Operation.BATCH.title()).append(": ").append(
				Operation.BATCH.description()).append("\nOperations:\n");
		for (Operation op : CLI_OPERATIONS)
			s.append(String.format("  %-11s %s%n", op.key(), op.description()));
		return s.toString();
	}

	/**
	 * The usage of {@code sam batch OP}: the manifest's columns, batch's options, then the operation's options that
	 * apply to every image (see {@link BatchOptions}).
	 */
	public static String batchUsage(Operation operation) {
		StringBuilder s = new StringBuilder(batchSynopsis(operation.key())).append(" [options]\n").append(
			Operation.BATCH.title()).append(" ").append(operation.key()).append(": ").append(operation.title()).append(
				" over many images, one output folder per image.\nManifest columns: image");
		for (Option<?> o : BatchOptions.imageColumns(operation))
			s.append(", ").append(o.flag()).append(o.isRequiredOn(Front.CLI) ? " (or " + o.spelling(Front.CLI) +
				" for every image)" : "");
		s.append(", name (optional: the output folder)\nBatch options:\n");
		List<Option<?>> own = OptionTable.of(Operation.BATCH, Front.CLI);
		for (boolean batchOnly : new boolean[] { true, false })
			for (Option<?> o : own)
				if ((o.operations().size() == 1) == batchOnly) s.append(line(Operation.BATCH, o));
		s.append("Options of ").append(operation.key()).append(", for every image:\n");
		for (Option<?> o : BatchOptions.operationOptions(operation))
			s.append(o.isPerImage() ? wrap("  " + o.spelling(Front.CLI) + " " + o.type().hint(), "The manifest column " + o
				.flag() + ", or this file for every image whose row leaves it empty. " + o.description()) : line(operation,
					o));
		return s.toString();
	}

	private static String batchSynopsis(String operation) {
		return "Usage: sam batch " + operation + " (--manifest FILE | --images DIR) --out DIR [--master local[N]|URL]";
	}

	private static <T> String line(Operation operation, Option<T> o) {
		String head = "  " + o.spelling(Front.CLI) + (o.type().kind() == ValueType.Kind.BOOLEAN ? "" : " " + hint(
			operation, o));
		T d = o.defaultValue(operation);
		String text = o.description() + (o.isRequiredOn(Front.CLI) ? " Required." : d == null ? "" : " Default: " + (o
			.type().kind() == ValueType.Kind.BOOLEAN ? String.valueOf(d) : o.format(d)) + ".");
		return wrap(head, text);
	}

	private static String hint(Operation operation, Option<?> o) {
		if (o.type().kind() == ValueType.Kind.CHOICE) return String.join("|", o.choices(operation));
		return o.type().hint();
	}

	private static String wrap(String head, String text) {
		StringBuilder s = new StringBuilder(head);
		int indent = 8, col = head.length();
		if (col < 30) {
			s.append(repeat(' ', 30 - col));
			col = 30;
			indent = 30;
		}
		else {
			s.append('\n').append(repeat(' ', indent));
			col = indent;
		}
		for (String word : text.split(" ")) {
			if (col + word.length() + 1 > WIDTH && col > indent) {
				s.append('\n').append(repeat(' ', indent));
				col = indent;
			}
			else if (col > indent) {
				s.append(' ');
				col++;
			}
			s.append(word);
			col += word.length();
		}
		return s.append('\n').toString();
	}

	private static String repeat(char c, int n) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < n; i++) s.append(c);
		return s.toString();
	}

	/**
	 * The summary for the README: which operation takes which option (S segment, E everything, R refine, P propagate,
	 * T the tool's options, O segment object, B batch), with its flag and default.
	 */
	public static String summary() {
		if (LETTERS.length() != Operation.values().length) throw new IllegalStateException("One letter per operation");
		StringBuilder s = new StringBuilder("| option (macro key) | flag |");
		StringBuilder rule = new StringBuilder("|---|---|");
		for (Operation op : Operation.values()) {
			s.append(' ').append(LETTERS.charAt(op.ordinal())).append(" |");
			rule.append("---|");
		}
		s.append(" default | values |\n").append(rule).append("---|---|\n");
		for (Option<?> o : OptionTable.all()) {
			s.append("| `").append(o.name()).append("` | ").append(o.isOn(Front.CLI) ? "`" + o.spelling(Front.CLI) + "`"
				: "").append(" |");
			for (Operation op : Operation.values())
				s.append(o.isTakenBy(op) ? " x |" : " |");
			Operation first = o.operations().iterator().next();
			s.append(' ').append(defaultText(o, first)).append(" | ").append(hint(first, o).replace("|", "\\|")).append(
				" |\n");
		}
		return s.toString();
	}

	private static <T> String defaultText(Option<T> o, Operation op) {
		T d = o.defaultValue(op);
		return d == null || o.format(d).isEmpty() ? "" : "`" + o.format(d) + "`";
	}

	/** The option reference in Markdown: one table per operation. */
	public static String markdown() {
		StringBuilder s = new StringBuilder("# Options\n\n");
		s.append("Generated from `OptionTable` (the one declaration of every setting); do not edit by hand. ")
			.append("Regenerate with `mvn -o -q test -Dtest=OptionDocsTest -Dsam.writeDocs=true`.\n\n")
			.append("Each option has one name: the macro key (`run(\"...\", \"tile_size=1024\")`) and remembered ")
			.append("preference, the SciJava parameter in camel case (`tileSize`), and the command-line flag (`--tile-size`). ")
			.append("Yes/no options are bare keys in macros (`label_image`; left out = no) and bare flags on the ")
			.append("command line (`--every-plane`). Fronts: F = Fiji dialog and macro, S = SciJava, C = command line.\n");
		for (Operation op : Operation.values()) {
			s.append("\n## ").append(op.title()).append(" (`").append(op.key()).append("`)\n\n").append(Character
				.toUpperCase(op.description().charAt(0))).append(op.description().substring(1))
				.append("\n\n| macro key | flag | values | default | fronts | description |\n|---|---|---|---|---|---|\n");
			for (Option<?> o : OptionTable.all())
				if (o.isTakenBy(op)) s.append(row(op, o));
			if (op == Operation.BATCH) s.append("\n`sam batch OP` also takes the command-line options of OP (above), for ")
				.append("every image, except `--image`; OP's per-image files (`--prompts`, `--objects`) are manifest ")
				.append("columns or, given as flags, the same for every image.\n");
		}
		return s.toString();
	}

	private static <T> String row(Operation op, Option<T> o) {
		T d = o.defaultValue(op);
		String fronts = (o.isOn(Front.FIJI) ? "F" : "") + (o.isOn(Front.SCIJAVA) ? "S" : "") + (o.isOn(Front.CLI) ? "C"
			: "");
		return "| `" + o.name() + "` | " + (o.isOn(Front.CLI) ? "`" + o.spelling(Front.CLI) + "`" : "") + " | " + hint(
			op, o).replace("|", "\\|") + " | " + (d == null ? "" : "`" + o.format(d) + "`") + (o.isRequiredOn(Front.CLI)
				? " (required on the command line)" : "") + " | " + fronts + " | " + o.description().replace("|", "\\|") +
			" |\n";
	}
}
