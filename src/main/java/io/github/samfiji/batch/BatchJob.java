package io.github.samfiji.batch;

import io.github.samfiji.options.BatchOptions;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.Option;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;
import io.github.samfiji.options.ValueType;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every row of a batch shares: the operation, its flags (as given, with paths made absolute so that every
 * machine reads the same files) and the output directory. Immutable and serializable: it travels to Spark executors,
 * which parse the flags again ({@link #values}).
 */
public final class BatchJob implements Serializable {

	private static final long serialVersionUID = 1L;

	private final String operation;
	private final LinkedHashMap<String, String> flags;
	private final String output;

	private BatchJob(String operation, Map<String, String> flags, String output) {
		this.operation = operation;
		this.flags = new LinkedHashMap<>(flags);
		this.output = output;
	}

	/**
	 * The job of parsed batch options: the operation's flags, with relative paths (and a model given as a relative
	 * descriptor path) made absolute against the working directory.
	 */
	public static BatchJob of(BatchOptions options) {
		Map<String, String> flags = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : options.operationFlags().entrySet())
			flags.put(e.getKey(), absolute(BatchOptions.find(options.operation(), e.getKey()), e.getValue()));
		Path out = options.batch().get(OptionTable.BATCH_OUTPUT).toAbsolutePath().normalize();
		return new BatchJob(options.operation().key(), flags, out.toString());
	}

	public Operation operation() { return Operation.byKey(operation); }

	/** The batch's output directory (absolute). */
	public Path output() { return Paths.get(output); }

	/** The operation's flags, as {@link BatchOptions#operationFlags()}, paths absolute. */
	public Map<String, String> flags() { return java.util.Collections.unmodifiableMap(flags); }

	/** The per-image files given as flags (for every image), by flag. */
	public Map<String, String> everyImageInputs() {
		Map<String, String> inputs = new LinkedHashMap<>();
		for (Option<?> o : BatchOptions.imageColumns(operation()))
			if (flags.get(o.flag()) != null) inputs.put(o.flag(), flags.get(o.flag()));
		return inputs;
	}

	/** Whether {@code --threads} was given. */
	public boolean threadsGiven() { return flags.containsKey(OptionTable.THREADS.flag()); }

	/** The same job with {@code --threads} set (where it was not given). */
	public BatchJob withThreads(int threads) {
		Map<String, String> f = new LinkedHashMap<>(flags);
		f.putIfAbsent(OptionTable.THREADS.flag(), String.valueOf(threads));
		return new BatchJob(operation, f, output);
	}

	/**
	 * The values of one image: the job's flags overridden by the image's own, parsed as the single-image command line
	 * parses them ({@link BatchOptions#forImage(Operation, Map, Map)}).
	 */
	public OptionValues values(Map<String, String> imageFlags) {
		return BatchOptions.forImage(operation(), flags, imageFlags);
	}

	private static String absolute(Option<?> option, String text) {
		if (text == null) return null;
		ValueType.Kind kind = option.type().kind();
		boolean path = kind == ValueType.Kind.FILE || kind == ValueType.Kind.DIRECTORY;
		boolean descriptor = option == OptionTable.MODEL && (text.endsWith(".json") || Files.isRegularFile(Paths.get(
			text)));
		if (!path && !descriptor) return text;
		return option.isPerImage() ? Manifest.location(text, Paths.get("")) : Paths.get(text).toAbsolutePath()
			.normalize().toString();
	}

	@Override
	public String toString() {
		return BatchOptions.name(operation()) + " " + flags + " --out " + output;
	}
}
