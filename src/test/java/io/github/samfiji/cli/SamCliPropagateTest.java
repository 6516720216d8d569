package io.github.samfiji.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.ByteArrayOutputStream;
import io.github.samfiji.options.Front;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionValues;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sam propagate} and the stack options of {@code sam segment}, with the tiny content model. */
class SamCliPropagateTest {

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new SamCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8)).run(args);
	}

	private Path stack() {
		ImagePlus image = io.github.samfiji.plugin.PropagateObjectsPluginTestAccess.shrinkingStack();
		Path file = tmp.resolve("cells.tif");
		new FileSaver(image).saveAsTiffStack(file.toString());
		return file;
	}

	@Test
	void propagateWritesEveryPlaneOfTheObjectAndReportsWhereItStopped() throws IOException {
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,22,18,,3");
		int status = run("propagate", "--model", TinyModels.resource(TinyModels.CONTENT).toString(), "--image", stack()
			.toString(), "--prompts", prompts.toString(), "--out", tmp.resolve("out").toString(), "--min-iou", "0", "--min-step-iou", "0", "--max-area-change", "4",
			"--cache-dir", tmp.resolve("cache").toString());
		String printed = out.toString("UTF-8") + err.toString("UTF-8");
		assertEquals(0, status, printed);
		assertEquals(5, Files.readAllLines(tmp.resolve("out").resolve(OutputWriter.TABLE)).size(), printed);
		assertTrue(printed.contains("z 5: empty mask"), printed);
		assertTrue(printed.contains("left)"), "progress shows the time left: " + printed);
		assertTrue(Files.list(tmp.resolve("cache")).count() >= 5, "embeddings stored on disk");
		ImagePlus labels = IJ.openImage(tmp.resolve("out").resolve(OutputWriter.LABELS).toString());
		assertEquals(5, labels.getStackSize());
	}

	@Test
	void segmentAppliesAnUnpositionedPromptToEveryPlane() throws IOException {
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,22,18,,");
		int status = run("segment", "--model", TinyModels.resource(TinyModels.CONTENT).toString(), "--image", stack()
			.toString(), "--prompts", prompts.toString(), "--out", tmp.resolve("out").toString(), "--every-plane");
		String printed = out.toString("UTF-8") + err.toString("UTF-8");
		assertEquals(0, status, printed);
		java.util.List<String> rows = Files.readAllLines(tmp.resolve("out").resolve(OutputWriter.TABLE));
		assertEquals(6, rows.size(), printed);
		for (int z = 1; z <= 5; z++)
			assertTrue(rows.get(z).startsWith("1,cell," + z + ","), "one object, one label, on slice " + z + ": " + rows);
	}

	@Test
	void badAxisIsAFailureWithAMessage() throws IOException {
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,22,18,,3");
		int status = run("propagate", "--model", TinyModels.resource(TinyModels.CONTENT).toString(), "--image", stack()
			.toString(), "--prompts", prompts.toString(), "--out", tmp.resolve("out").toString(), "--axis", "t");
		assertEquals(1, status);
		assertTrue(err.toString("UTF-8").contains("choose axis z (5 slices)"), err.toString("UTF-8"));
	}

	@Test
	void ctrlCStopsAtTheNextPlaneAndWritesTheFinishedPlanesWhole() throws IOException {
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,22,18,,3");
		Path outDir = tmp.resolve("out");
		Map<String, String> o = new HashMap<>();
		o.put("model", TinyModels.resource(TinyModels.CONTENT).toString());
		o.put("image", stack().toString());
		o.put("prompts", prompts.toString());
		o.put("out", outDir.toString());
		o.put("min-iou", "0");
		o.put("min-step-iou", "0");
		o.put("max-area-change", "4");
		PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
		ConsoleMonitor ctrlCOnSlice2 = new ConsoleMonitor(errStream) {

			@Override
			public void progress(String message, long done, long total) {
				super.progress(message, done, total);
				if (message.startsWith("Propagating along z: plane 2")) interrupt(); // what the shutdown hook does
			}
		};
		int status = new SamCli(new PrintStream(out, true, StandardCharsets.UTF_8), errStream).run(OptionValues.parse(
			Operation.PROPAGATE, Front.CLI, o), ctrlCOnSlice2);
		String printed = out.toString("UTF-8") + err.toString("UTF-8");
		assertEquals(1, status, "an interrupted run is not a success: " + printed);
		assertTrue(printed.contains("Stopped early: cancelled at plane 1; the planes finished before are kept"), printed);
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(outDir), "whole files, no temporary ones");
		List<String> rows = Files.readAllLines(outDir.resolve(OutputWriter.TABLE));
		assertEquals(3, rows.size(), printed + rows);
		assertTrue(rows.get(1).startsWith("1,cell,2,"), rows.get(1));
		assertTrue(rows.get(2).startsWith("1,cell,3,"), rows.get(2));
		ImagePlus labels = IJ.openImage(outDir.resolve(OutputWriter.LABELS).toString());
		int[] expected = { 0, 1, 1, 0, 0 };
		for (int z = 1; z <= 5; z++)
			assertEquals(expected[z - 1], labels.getStack().getProcessor(z).get(30, 25), "slice " + z);
	}
}
