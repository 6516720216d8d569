package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.macro.Interpreter;

import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A macro runs a whole stack headless, in batch mode: it draws a 5-slice calibrated stack (the bright rectangles of
 * {@link PropagateObjectsPluginTest}), selects a box on slice 3, propagates it through the stack,
 * then segments an unpositioned box on every plane, with the tiny content model (mask = box AND bright pixels). The
 * plugins are called through {@code call()}, as plain ImageJ 1 cannot {@code run()} menu commands without a display
 * (see {@link ImageJBatchModeTest}), and its ROI Manager is a window even in batch mode, so the prompts are the
 * selection and a CSV file.
 */
class StackMacroTest {

	@TempDir
	Path tmp;

	@RegisterExtension
	final CapturedStdout stdout = new CapturedStdout();

	private static String path(Path p) {
		return p.toAbsolutePath().toString().replace('\\', '/');
	}

	@Test
	void propagateAndEveryPlaneFromOneBatchModeMacro() throws IOException {
		Path model = TinyModels.resource(TinyModels.CONTENT);
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "cell,box,19,17,22,18,,");
		Path propagated = tmp.resolve("propagated"), everyPlane = tmp.resolve("every-plane");
		String common = "model=[" + path(model) + "] ";
		String macro = String.join("\n",
			"setBatchMode(true);",
			"newImage(\"cells.tif\", \"8-bit black\", 64, 64, 5);",
			"setColor(255);",
			"r = newArray(25,22,10,8, 22,20,16,12, 20,18,20,16, 23,21,14,10);",
			"for (z = 1; z <= 5; z++) {",
			"  setSlice(z);",
			"  fillRect(50, 50, 6, 6);",
			"  if (z <= 4) fillRect(r[4*z-4], r[4*z-3], r[4*z-2], r[4*z-1]);",
			"}",
			"setVoxelSize(0.5, 0.5, 2, \"mm\");",
			"setSlice(3);",
			"makeRectangle(19, 17, 22, 18);",
			"Roi.setPosition(3);",
			"Roi.setName(\"cell\");",
			"run1 = call(\"io.github.samfiji.plugin.MacroCall.propagate\", \"" + common + "prompts=[Active selection] axis=z " +
				"min_iou=0 min_step_iou=0 max_area_change=4 output_directory=[" + path(propagated) + "]\");",
			"run2 = call(\"io.github.samfiji.plugin.MacroCall.segment\", \"" + common + "prompts=File prompt_file=[" +
				path(prompts) + "] every_plane output_directory=[" + path(everyPlane) + "]\");",
			"Roi.getPosition(c, z, t);",
			"print(\"macro: \" + run1 + \" \" + run2 + \" \" + nSlices + \" slices, selection on \" + z + \", \" + getInfo(\"selection.name\"));");
		Interpreter interpreter = new Interpreter();
		interpreter.run(macro);
		String log = stdout.printed();
		assertTrue(log.contains("macro: done done 5 slices, selection on 3, cell"), log);

		List<String> rows = Files.readAllLines(propagated.resolve(OutputWriter.TABLE));
		assertEquals(5, rows.size(), log + rows);
		for (int z = 1; z <= 4; z++)
			assertTrue(rows.get(z).startsWith("1,cell," + z + ","), "one label on slices 1-4: " + rows);
		// slice 3: the 20x16 rectangle, 320 pixels of 0.5 x 0.5 mm, 80 mm2, x 2 mm deep
		assertTrue(rows.get(3).startsWith("1,cell,3,320,80,mm,"), rows.get(3));
		assertTrue(rows.get(3).endsWith(",160,auto"), rows.get(3));
		assertTrue(log.contains("object 1 (cell): 4 plane(s) [1, 2, 3, 4]; z 1: end of the axis; z 5: empty mask"), log);
		ImagePlus labels = IJ.openImage(propagated.resolve(OutputWriter.LABELS).toString());
		assertEquals(5, labels.getNSlices());
		assertEquals(0.5, labels.getCalibration().pixelWidth, 0);
		assertEquals(2, labels.getCalibration().pixelDepth, 0);
		assertEquals("mm", labels.getCalibration().getUnit());
		for (int z = 1; z <= 4; z++)
			assertEquals(1, labels.getStack().getProcessor(z).get(30, 25), "slice " + z);
		assertEquals(0, labels.getStack().getProcessor(5).get(30, 25));

		List<String> every = Files.readAllLines(everyPlane.resolve(OutputWriter.TABLE));
		assertEquals(6, every.size(), log + every);
		for (int z = 1; z <= 5; z++)
			assertTrue(every.get(z).startsWith("1,cell," + z + ","), "one object, one label, on every slice: " + every);
		assertTrue(every.get(3).startsWith("1,cell,3,320,80,mm,"), every.get(3));
		assertTrue(every.get(5).startsWith("1,cell,5,0,0,mm,"), "slice 5 has nothing in the box: " + every.get(5));
		ImagePlus everyLabels = IJ.openImage(everyPlane.resolve(OutputWriter.LABELS).toString());
		assertEquals(5, everyLabels.getNSlices());
		assertEquals(2, everyLabels.getCalibration().pixelDepth, 0);
	}
}
