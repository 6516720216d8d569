package io.github.samfiji.bench.hostile;

import io.github.samfiji.engine.model.ModelStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prepares the sweep's sandbox (inputs, a copy of the default model, a stale output set, a real cache file) and
 * runs single cases: a fresh case directory with the stale set as {@code out}, the launcher run with a time limit,
 * fingerprints of inputs and of the case directory before and after.
 */
final class SweepRunner {

	static final List<String> OUTPUT_FILES = Arrays.asList("labels.tif", "RoiSet.zip", "results.csv", "overlay.png");

	private final Path sam;
	private final Path work;
	private final int timeoutSeconds;
	private final Path inputs;
	private final Path models;
	private final Path stale;

	SweepRunner(Path sam, Path work, int timeoutSeconds) {
		this.sam = sam;
		this.work = work;
		this.timeoutSeconds = timeoutSeconds;
		this.inputs = work.resolve("inputs");
		this.models = work.resolve("models");
		this.stale = work.resolve("stale");
	}

	/** Builds the sandbox and returns the cases. */
	List<SweepCase> prepare() throws Exception {
		HostileInputSweep.deleteTree(work);
		Files.createDirectories(inputs);
		Path installed = ModelStore.defaultStore().modelDirectory(ModelStore.DEFAULT_MODEL);
		if (!Files.isRegularFile(installed.resolve(ModelStore.DESCRIPTOR_NAME))) throw new IOException(
			"The sweep needs the default model: scripts/install-model " + ModelStore.DEFAULT_MODEL);
		Path model = Files.createDirectories(models.resolve(ModelStore.DEFAULT_MODEL));
		for (Path f : OutputLocations.list(installed))
			Files.copy(f, model.resolve(f.getFileName()));
		Path pristine = Files.createDirectories(work.resolve("models-pristine"));
		for (Path f : OutputLocations.list(model))
			Files.copy(f, pristine.resolve(f.getFileName()));
		HostileFiles files = new HostileFiles(inputs);
		Path examples = Paths.get("examples").toAbsolutePath();
		files.images(examples.resolve("nuclei.png"));
		files.prompts(examples.resolve("nuclei-prompts.csv"));
		files.labelImages(examples.resolve("nuclei-truth.png"));
		String good = files.file("good.png").toString();
		mustWork("segment", "--image", good, "--prompts", files.file("stale.csv").toString(), "--out", stale.toString());
		Path goodOut = work.resolve("good-out");
		Path realCache = work.resolve("real-cache");
		mustWork("segment", "--image", good, "--prompts", files.file("good.csv").toString(), "--out", goodOut.toString(),
			"--cache-dir", realCache.toString());
		files.roiSets(goodOut.resolve("RoiSet.zip"));
		Map<String, Path> descriptors = HostileModels.descriptors(model, work.resolve("model-variants"));
		Map<String, Path> caches = HostileModels.caches(realCache, work.resolve("caches"));
		return new HostileCases(files, descriptors, caches, models).all();
	}

	private void mustWork(String... args) throws Exception {
		Process p = start(Arrays.asList(args), work.resolve("prepare.log"));
		if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("The good run " + Arrays
			.toString(args) + " failed; see " + work.resolve("prepare.log"));
	}

	private Process start(List<String> args, Path log) throws IOException {
		return start(args, log, work);
	}

	/** Starts the launcher in {@code workingDirectory} (where relative paths of the arguments point). */
	private Process start(List<String> args, Path log, Path workingDirectory) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(sam.toString());
		command.addAll(args);
		ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		pb.environment().put(ModelStore.DIR_ENV, models.toString());
		pb.environment().put("SAM_JAVA_OPTS", "-Xmx1g");
		return pb.start();
	}

	/** The outcome of one run. */
	static final class Result {

		final Outcome outcome;
		final int exit;
		final double seconds;
		final String detail;

		Result(Outcome outcome, int exit, double seconds, String detail) {
			this.outcome = outcome;
			this.exit = exit;
			this.seconds = seconds;
			this.detail = detail;
		}
	}

	Result run(SweepCase c, int number) throws Exception {
		Path caseDir = work.resolve("runs").resolve(String.format("%04d", number));
		Path out = caseDir.resolve("out");
		Files.createDirectories(out);
		for (Path f : OutputLocations.list(stale))
			Files.copy(f, out.resolve(f.getFileName()));
		try {
			c.setup.before(out);
		}
		catch (Exception e) {
			return new Result(Outcome.CLEAR_ERROR, -2, 0, "SETUP FAILED, not run: " + e.getMessage());
		}
		List<String> args = c.resolved(c.setup.target(out));
		Path target = caseDir.resolve(outValue(args));
		Map<String, String> inputsBefore = fingerprints(inputs, true);
		inputsBefore.putAll(fingerprints(models, true));
		Map<String, String> before;
		long t0 = System.nanoTime();
		Process p;
		boolean finished;
		Path log = caseDir.resolveSibling(caseDir.getFileName() + ".log");
		try {
			before = fingerprints(caseDir, false);
			p = start(args, log, caseDir);
			finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
			if (!finished) {
				p.descendants().forEach(ProcessHandle::destroyForcibly);
				p.destroyForcibly().waitFor();
			}
		}
		finally {
			c.setup.after(out);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Map<String, String> inputsAfter = fingerprints(inputs, true);
		inputsAfter.putAll(fingerprints(models, true));
		boolean inputModified = !changed(inputsBefore, inputsAfter, true).isEmpty();
		Map<String, String> after = fingerprints(caseDir, false);
		int exit = finished ? p.exitValue() : -1;
		String rel = caseDir.relativize(target).toString();
		List<String> newSet = new ArrayList<>();
		for (String f : OUTPUT_FILES) {
			String key = rel.isEmpty() ? f : rel + "/" + f;
			if (after.containsKey(key) && !after.get(key).equals(before.get(key))) newSet.add(key);
		}
		List<String> changes = changed(before, after, false);
		if (exit == 0) changes.removeAll(newSet);
		if (exit == 0) for (Path d = target; d.startsWith(caseDir) && !d.equals(caseDir); d = d.getParent())
			changes.remove(caseDir.relativize(d).toString()); // the folders created for the outputs
		String cache = optionValue(args, "--cache-dir");
		if (exit == 0 && cache != null) changes.removeIf(path -> isUnder(caseDir, path, caseDir.resolve(cache))); // its cache
		Outcome outcome = Outcome.classify(!finished, exit, output, inputModified, changes, c.writesOutputs, newSet
			.size() == OUTPUT_FILES.size());
		String detail = Outcome.message(output).replace('\t', ' ');
		if (!changes.isEmpty()) detail += " | changed: " + changes;
		if (inputModified) {
			detail += " | inputs changed: " + changed(inputsBefore, inputsAfter, true);
			restoreModel(); // so that the cases after this one run on the real model
		}
		if (outcome == Outcome.CLEAR_ERROR || outcome == Outcome.WORKED) {
			HostileInputSweep.deleteTree(caseDir);
			Files.deleteIfExists(log);
		}
		return new Result(outcome, exit, seconds, detail);
	}

	/**
	 * Kills a segment run with {@code kill -9} as soon as it starts writing into a directory holding the stale set,
	 * checks the set is all old or all new, reruns it and checks the rerun leaves a complete new set and nothing else.
	 */
	Result killDuringWrite(int number) throws Exception {
		Path caseDir = work.resolve("runs").resolve(String.format("%04d-kill", number));
		Path out = caseDir.resolve("out");
		List<String> args = Arrays.asList("segment", "--image", inputs.resolve("good.png").toString(), "--prompts", inputs
			.resolve("kill-prompts.csv").toString(), "--out", out.toString());
		long t0 = System.nanoTime();
		for (int attempt = 1; attempt <= 3; attempt++) {
			HostileInputSweep.deleteTree(caseDir);
			Files.createDirectories(out);
			for (Path f : OutputLocations.list(stale))
				Files.copy(f, out.resolve(f.getFileName()));
			Map<String, String> before = fingerprints(caseDir, false);
			Process p = start(args, caseDir.resolveSibling(caseDir.getFileName() + ".log"));
			boolean killed = false;
			while (p.isAlive() && !killed) {
				if (!fingerprints(caseDir, false).keySet().equals(before.keySet())) {
					p.destroyForcibly().waitFor();
					killed = true;
				}
				else Thread.sleep(2);
			}
			if (!killed) continue;
			Map<String, String> afterKill = fingerprints(caseDir, false);
			int old = 0, fresh = 0;
			for (String f : OUTPUT_FILES)
				if (before.get("out/" + f).equals(afterKill.get("out/" + f))) old++;
				else fresh++;
			String state = "after the kill: " + old + " old and " + fresh + " new output file(s), " + (afterKill.size() -
				before.size()) + " extra path(s)";
			Process rerun = start(args, caseDir.resolveSibling(caseDir.getFileName() + "-rerun.log"));
			rerun.waitFor(600, TimeUnit.SECONDS);
			Map<String, String> afterRerun = fingerprints(caseDir, false);
			List<String> extra = new ArrayList<>(afterRerun.keySet());
			for (String f : OUTPUT_FILES)
				extra.remove("out/" + f);
			extra.remove("out");
			double seconds = (System.nanoTime() - t0) / 1e9;
			boolean mixed = old > 0 && fresh > 0;
			Outcome outcome = mixed || !extra.isEmpty() || rerun.exitValue() != 0 ? Outcome.PARTIAL : Outcome.WORKED;
			return new Result(outcome, rerun.exitValue(), seconds, state + "; after the rerun: exit " + rerun.exitValue() +
				", left over " + extra + " (attempt " + attempt + ")");
		}
		return new Result(Outcome.WORKED, 0, (System.nanoTime() - t0) / 1e9,
			"NOT TESTED: the runs finished before a write was seen (3 attempts)");
	}

	private void restoreModel() throws IOException {
		Path model = models.resolve(ModelStore.DEFAULT_MODEL);
		HostileInputSweep.deleteTree(model);
		Files.createDirectories(model);
		for (Path f : OutputLocations.list(work.resolve("models-pristine")))
			Files.copy(f, model.resolve(f.getFileName()));
	}

	/** The value of {@code --out} (the last one), or "" when there is none. */
	private static String outValue(List<String> args) {
		String value = optionValue(args, "--out");
		return value == null ? "" : value;
	}

	/** The value of the last {@code option}, or {@code null}. */
	private static String optionValue(List<String> args, String option) {
		String value = null;
		for (int i = 0; i + 1 < args.size(); i++)
			if (args.get(i).equals(option)) value = args.get(i + 1);
		return value;
	}

	/** Whether the case-relative path {@code rel} is {@code dir} or lies under it. */
	private static boolean isUnder(Path caseDir, String rel, Path dir) {
		Path p = caseDir.resolve(rel).normalize();
		return p.startsWith(dir.normalize()) && !(rel.startsWith("out/") || rel.equals("out"));
	}

	/** Path (relative) -> content hash, or size and time for files over 2 MB when {@code cheapForLarge}. */
	static Map<String, String> fingerprints(Path root, boolean cheapForLarge) throws IOException {
		Map<String, String> prints = new TreeMap<>();
		if (!Files.exists(root)) return prints;
		try (Stream<Path> s = Files.walk(root)) {
			for (Path p : (Iterable<Path>) s::iterator) {
				if (p.equals(root)) continue;
				String rel = root.relativize(p).toString();
				try {
					if (Files.isDirectory(p)) prints.put(rel, "dir");
					else if (cheapForLarge && Files.size(p) > 2_000_000) prints.put(rel, Files.size(p) + "@" + Files
						.getLastModifiedTime(p));
					else prints.put(rel, sha(p));
				}
				catch (IOException e) {
					// vanished while walking (a staging file being published)
				}
			}
		}
		return prints;
	}

	private static String sha(Path p) throws IOException {
		try (InputStream in = Files.newInputStream(p)) {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;)
				md.update(buffer, 0, n);
			return new java.math.BigInteger(1, md.digest()).toString(16);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Paths that changed or vanished, and (unless {@code onlyExisting}) that appeared. */
	private static List<String> changed(Map<String, String> before, Map<String, String> after, boolean onlyExisting) {
		List<String> changes = new ArrayList<>();
		for (Map.Entry<String, String> e : before.entrySet())
			if (!e.getValue().equals(after.get(e.getKey()))) changes.add(e.getKey());
		if (!onlyExisting) for (String k : after.keySet())
			if (!before.containsKey(k)) changes.add(k);
		Map<String, Boolean> seen = new HashMap<>();
		changes.removeIf(k -> seen.put(k, true) != null);
		return changes;
	}
}
