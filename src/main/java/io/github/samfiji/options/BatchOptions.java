package io.github.samfiji.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code sam batch OP}: batch's own ({@link Operation#BATCH}: where the images are, where the outputs
 * go, where it runs) and the operation's, which apply to every image. A flag is batch's when batch takes it (so
 * {@code --out} and {@code --verbose} are batch's), else the operation's. The operation's per-image options
 * ({@link Option#isPerImage()}) other than the image itself are manifest columns named after their flags; given as a
 * flag, one applies to every image whose row leaves it empty. Each image then runs with exactly the values the
 * single-image command line would parse from the same flags ({@link #forImage}). Immutable.
 */
public final class BatchOptions {

	private final Operation operation;
	private final OptionValues batch;
	private final Map<String, String> operationFlags;

	private BatchOptions(Operation operation, OptionValues batch, Map<String, String> operationFlags) {
		this.operation = operation;
		this.batch = batch;
		this.operationFlags = Collections.unmodifiableMap(operationFlags);
	}

	/**
	 * Parses the flags after {@code sam batch OP} (names without dashes, as {@link CliFlags} gives them).
	 *
	 * @throws OptionException for an operation batch does not run, an unknown flag, a bad value, {@code --out} left
	 *           out, or neither or both of {@code --manifest} and {@code --images}
	 */
	public static BatchOptions parse(Operation operation, Map<String, String> flags) {
		checkOperation(operation);
		Map<String, String> own = new LinkedHashMap<>(), theirs = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : flags.entrySet()) {
			Option<?> o = find(operation, e.getKey());
			if (o.isTakenBy(Operation.BATCH)) own.put(o.flag(), e.getValue());
			else {
				String spelled = o.spelling(Front.CLI);
				boolean yesNo = o.type().kind() == ValueType.Kind.BOOLEAN;
				if (e.getValue() == null && !yesNo) throw new OptionException(spelled + " needs a value: " + spelled + " " + o
					.type().hint());
				o.parse(operation, spelled, e.getValue() == null ? "true" : e.getValue());
				theirs.put(o.flag(), e.getValue());
			}
		}
		OptionValues batch = OptionValues.parse(Operation.BATCH, Front.CLI, own);
		String name = name(operation);
		if (batch.isGiven(OptionTable.MANIFEST) == batch.isGiven(OptionTable.IMAGES)) throw new OptionException(name +
			(batch.isGiven(OptionTable.MANIFEST) ? ": give --manifest or --images, not both"
				: " needs --manifest FILE or --images DIR"));
		if (batch.isGiven(OptionTable.GLOB) && !batch.isGiven(OptionTable.IMAGES)) throw new OptionException(
			"--glob goes with --images DIR");
		return new BatchOptions(operation, batch, new LinkedHashMap<>(theirs));
	}

	/**
	 * The option that {@code sam batch OP} spells {@code --key}: batch's own first, then the operation's.
	 *
	 * @throws OptionException for {@code --image} (images come from the manifest or the folder), a flag neither takes
	 *           or an operation batch does not run
	 */
	public static Option<?> find(Operation operation, String key) {
		checkOperation(operation);
		String spelled = "--" + key;
		for (Option<?> o : OptionTable.of(Operation.BATCH, Front.CLI))
			if (o.spelling(Front.CLI).equalsIgnoreCase(spelled)) return o;
		for (Option<?> o : operationOptions(operation))
			if (o.spelling(Front.CLI).equalsIgnoreCase(spelled)) return o;
		if (OptionTable.IMAGE.spelling(Front.CLI).equalsIgnoreCase(spelled)) throw new OptionException(name(operation) +
			" takes its images from --manifest or --images, not " + spelled);
		throw new OptionException(name(operation) + ": unknown option " + spelled);
	}

	/**
	 * The operation's options that a batch passes on to every image: those of the single-image command line but the
	 * image and the flags batch takes itself (such as {@code --out}).
	 */
	public static List<Option<?>> operationOptions(Operation operation) {
		List<Option<?>> options = new ArrayList<>();
		for (Option<?> o : OptionTable.of(operation, Front.CLI))
			if (o != OptionTable.IMAGE && !takenByBatch(o.spelling(Front.CLI))) options.add(o);
		return options;
	}

	/** The operation's per-image options besides the image: the manifest's columns besides {@code image}. */
	public static List<Option<?>> imageColumns(Operation operation) {
		List<Option<?>> columns = new ArrayList<>();
		for (Option<?> o : operationOptions(operation))
			if (o.isPerImage()) columns.add(o);
		return columns;
	}

	/** How messages name the command, e.g. {@code sam batch segment}. */
	public static String name(Operation operation) {
		return "sam batch " + operation.key();
	}

	/**
	 * The values one image runs with: the operation's flags, overridden by the image's own (its {@code --image},
	 * manifest columns, {@code --out}), parsed exactly as the single-image command line parses them.
	 *
	 * @param imageFlags flags by name without dashes, e.g. {@code image}, {@code prompts}, {@code out}
	 * @throws OptionException for a bad value or a required option that neither gives
	 */
	public OptionValues forImage(Map<String, String> imageFlags) {
		return forImage(operation, operationFlags, imageFlags);
	}

	/** The same for an operation and its flags as {@link #operationFlags()} gave them (e.g. on another machine). */
	public static OptionValues forImage(Operation operation, Map<String, String> operationFlags,
		Map<String, String> imageFlags)
	{
		Map<String, String> flags = new LinkedHashMap<>(operationFlags);
		flags.putAll(imageFlags);
		return OptionValues.parse(operation, Front.CLI, flags);
	}

	public Operation operation() { return operation; }

	/** Batch's own values: manifest or folder and glob, output directory, master, verbose. */
	public OptionValues batch() { return batch; }

	/** The operation's flags as given (names without dashes, {@code null} for a yes/no flag given alone). */
	public Map<String, String> operationFlags() { return operationFlags; }

	private static boolean takenByBatch(String spelled) {
		for (Option<?> o : OptionTable.of(Operation.BATCH, Front.CLI))
			if (o.spelling(Front.CLI).equalsIgnoreCase(spelled)) return true;
		return false;
	}

	private static void checkOperation(Operation operation) {
		if (!Arrays.asList(OptionHelp.CLI_OPERATIONS).contains(operation)) throw new OptionException(
			"sam batch runs segment, everything, refine or propagate, not " + operation.key());
	}
}
