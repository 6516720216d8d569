package io.github.samfiji.bench.hostile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One command line of the sweep: its arguments ({@link #OUT} stands for the case's output directory), whether it
 * writes an output set, and an optional setup that prepares the output location (e.g. makes it read-only) and undoes
 * it afterwards.
 */
class SweepCase {

	/** Placeholder for the case's own output directory. */
	static final String OUT = "{out}";

	final String group;
	final String name;
	final List<String> args;
	final boolean writesOutputs;
	final Setup setup;

	SweepCase(String group, String name, List<String> args, boolean writesOutputs, Setup setup) {
		this.group = group;
		this.name = name;
		this.args = args;
		this.writesOutputs = writesOutputs;
		this.setup = setup;
	}

	static SweepCase of(String group, String name, String... args) {
		return new SweepCase(group, name, Arrays.asList(args), Arrays.asList(args).contains(OUT), Setup.NONE);
	}

	SweepCase with(Setup s) {
		return new SweepCase(group, name, args, writesOutputs, s);
	}

	/** The arguments for a run whose output directory is {@code out}. */
	List<String> resolved(Path out) {
		List<String> a = new ArrayList<>();
		for (String s : args)
			a.add(s.equals(OUT) ? out.toString() : s);
		return a;
	}

	/** Prepares a case's output location before the run and restores it after. */
	interface Setup {

		Setup NONE = new Setup() {};

		/** Called with the case's output directory, already holding the stale output set. */
		default void before(Path out) throws Exception {}

		/** Undoes {@link #before} (e.g. makes files writable again so that they can be deleted). */
		default void after(Path out) throws Exception {}

		/** The output path to pass instead of {@code out} (e.g. a file), or {@code out}. */
		default Path target(Path out) { return out; }
	}
}
