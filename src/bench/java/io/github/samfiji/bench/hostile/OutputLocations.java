package io.github.samfiji.bench.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hostile output locations for a good segment command line: the output is a file, or lies under a file; a
 * read-only {@code results.csv} or output directory (made immutable with {@code chattr +i}, since root ignores
 * permission bits); a directory named {@code RoiSet.zip}; a full disk (a small tmpfs mounted on the output
 * directory). The immutable and tmpfs cases need Linux and root; elsewhere their setup fails and the sweep says so.
 */
final class OutputLocations {

	private OutputLocations() {}

	static List<SweepCase> cases(Map<String, String> segment, Path inputs) {
		List<SweepCase> cases = new ArrayList<>();
		List<String> args = HostileCases.command("segment", segment);
		cases.add(new SweepCase("output", "--out is a file", args, true, new SweepCase.Setup() {

			@Override
			public Path target(Path out) { return out.resolveSibling("a-file.txt"); }

			@Override
			public void before(Path out) throws IOException { Files.writeString(target(out), "keep me\n"); }
		}));
		cases.add(new SweepCase("output", "--out under a file", args, true, new SweepCase.Setup() {

			@Override
			public Path target(Path out) { return out.resolveSibling("a-file.txt").resolve("sub"); }

			@Override
			public void before(Path out) throws IOException { Files.writeString(out.resolveSibling("a-file.txt"), "x\n"); }
		}));
		cases.add(new SweepCase("output", "--out nested, missing", args, true, new SweepCase.Setup() {

			@Override
			public Path target(Path out) { return out.resolveSibling("new").resolve("a").resolve("b"); }
		}));
		cases.add(new SweepCase("output", "results.csv read-only", args, true, immutable("results.csv")));
		cases.add(new SweepCase("output", "--out read-only", args, true, immutable(".")));
		cases.add(new SweepCase("output", "RoiSet.zip is a directory", args, true, new SweepCase.Setup() {

			@Override
			public void before(Path out) throws IOException {
				Files.delete(out.resolve("RoiSet.zip"));
				Files.createDirectories(out.resolve("RoiSet.zip"));
				Files.writeString(out.resolve("RoiSet.zip").resolve("inside.txt"), "keep\n");
			}
		}));
		cases.add(new SweepCase("output", "disk full", args, true, new SweepCase.Setup() {

			@Override
			public void before(Path out) throws Exception {
				Path saved = Files.createTempDirectory("stale-set");
				long size = 0;
				for (Path f : list(out)) {
					size += Files.size(f);
					Files.move(f, saved.resolve(f.getFileName()));
				}
				run("mount", "-t", "tmpfs", "-o", "size=" + (size / 1024 + 12) + "k", "tmpfs", out.toString());
				for (Path f : list(saved))
					Files.move(f, out.resolve(f.getFileName()));
				Files.delete(saved);
			}

			@Override
			public void after(Path out) throws Exception {
				Path saved = Files.createTempDirectory("full-set");
				for (Path f : list(out))
					if (Files.isRegularFile(f)) Files.copy(f, saved.resolve(f.getFileName()));
				run("umount", out.toString());
				for (Path f : list(saved))
					Files.move(f, out.resolve(f.getFileName()));
				Files.delete(saved);
			}
		}));
		return cases;
	}

	/** {@code chattr +i} on a file of the output directory (or on the directory itself for "."). */
	private static SweepCase.Setup immutable(String name) {
		return new SweepCase.Setup() {

			@Override
			public void before(Path out) throws Exception { run("chattr", "+i", out.resolve(name).normalize().toString()); }

			@Override
			public void after(Path out) throws Exception { run("chattr", "-i", out.resolve(name).normalize().toString()); }
		};
	}

	static List<Path> list(Path dir) throws IOException {
		try (var s = Files.list(dir)) {
			return s.collect(java.util.stream.Collectors.toList());
		}
	}

	static void run(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes());
		if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", command) +
			" failed: " + output.trim());
	}
}
