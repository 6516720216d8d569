package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.plugin.PlugIn;

import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.ij.tool.AcceptedObjects;
import io.github.samfiji.ij.tool.ObjectMacro;
import io.github.samfiji.ij.tool.SegmenterAccess;
import io.github.samfiji.ij.tool.ToolSession;
import io.github.samfiji.service.SamServices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the SAM tool records replays to the same objects: a session on a 2-slice image (tiny model, macro mode of
 * the plugins in this headless JVM) accepts and removes objects; its recorded statements, run by the
 * {@value ObjectMacro#COMMAND} and {@value ObjectMacro#UNDO_COMMAND} plugins on a fresh copy of the image, give the
 * same label image and results table.
 */
class ToolMacroReplayTest {

	static final int W = 64, H = 48;
	private static final Pattern RUN = Pattern.compile(
		"selectImage\\(\"[^\"]+\"\\);\nrun\\(\"([^\"]+)\"(?:, \"([^\"]*)\")?\\);\n");

	private final List<ImagePlus> images = new ArrayList<>();

	@AfterEach
	void forget() {
		for (ImagePlus image : images)
			SamServices.current().tools().imageClosed(image);
	}

	@Test
	void recordedToolStatementsReplayToTheSameLabels() throws Exception {
		ImagePlus image = image("cells");
		List<String> recorded = Collections.synchronizedList(new ArrayList<>());
		SegmenterAccess access = SegmenterAccess.of(SamServices.current().engine(), IjTestFixtures.descriptor().toString(),
			EngineOptions.defaults().withThreads(1), SegmentationOptions.defaults(), null, message -> {});
		try (ToolSession session = new ToolSession(image, access, SamServices.current().tools().accepted(image),
			new Recording(recorded)))
		{
			session.setBox(10, 12, 20, 15);
			session.accept();
			session.addPoint(14, 14, true); // overlaps the box: the box keeps its pixels
			session.addPoint(16, 17, false);
			session.accept();
			session.setPlane(2);
			session.addPoint(40, 30, true);
			session.accept();
			session.undo();
			session.setBox(30, 5, 9, 8);
			session.accept();
			session.awaitIdle(20_000);
		}
		assertEquals(5, recorded.size(), recorded.toString());
		assertEquals("selectImage(\"cells\");\nrun(\"Segment Object\", \"model=[" + IjTestFixtures.descriptor() +
			"] intensity=auto multimask=best slice=1 prompts=[box:10,12,20,15]\");\n", recorded.get(0));
		assertEquals("selectImage(\"cells\");\nrun(\"Remove Last Object\");\n", recorded.get(3));
		SegmentationOutputs original = SamServices.current().tools().accepted(image).outputs();
		assertEquals(3, original.result().objects().size());

		ImagePlus copy = image("replay");
		for (String statement : recorded)
			replay(statement, copy);

		SegmentationOutputs replayed = SamServices.current().tools().accepted(copy).outputs();
		for (int s = 1; s <= 2; s++)
			assertArrayEquals((short[]) original.labels().getStack().getPixels(s), (short[]) replayed.labels().getStack()
				.getPixels(s), "slice " + s);
		assertEquals(rows(original), rows(replayed));
		assertTrue(original.table().rows().get(1)[6] instanceof Integer && (Integer) original.table().rows().get(1)[6] > 0,
			"the second object lost pixels to the first");
	}

	@Test
	void aChannelChoiceIsUsedByTheToolRecordedAndReplayed() throws Exception {
		ImagePlus image = IjTestFixtures.grey8("channels", W, H, 6);
		image.setDimensions(3, 2, 1);
		image.setOpenAsHyperStack(true);
		images.add(image);
		List<String> recorded = Collections.synchronizedList(new ArrayList<>());
		SegmenterAccess access = SegmenterAccess.of(SamServices.current().engine(), IjTestFixtures.descriptor().toString(),
			EngineOptions.defaults().withThreads(1), SegmentationOptions.defaults(), null, ChannelChoice.parse("1,2,3"),
			message -> {});
		image.setPosition(2, 2, 1); // stack index 5: channel 2 of slice 2
		try (ToolSession session = new ToolSession(image, access, SamServices.current().tools().accepted(image),
			new Recording(recorded)))
		{
			session.setBox(10, 12, 20, 15);
			session.accept();
			session.awaitIdle(20_000);
		}
		assertEquals(1, recorded.size(), recorded.toString());
		assertTrue(recorded.get(0).contains(" channel=1,2,3 slice=5 prompts=[box:10,12,20,15]"), recorded.get(0));
		SegmentationOutputs original = SamServices.current().tools().accepted(image).outputs();
		assertEquals(5, original.result().objects().get(0).slice(), "the object is on the plane it was prompted on");

		ImagePlus copy = IjTestFixtures.grey8("channels-replay", W, H, 6);
		copy.setDimensions(3, 2, 1);
		images.add(copy);
		replay(recorded.get(0), copy);
		assertEquals(rows(original), rows(SamServices.current().tools().accepted(copy).outputs()));
	}

	private ImagePlus image(String title) {
		ImagePlus image = IjTestFixtures.grey8(title, W, H, 2);
		images.add(image);
		return image;
	}

	private static void replay(String statement, ImagePlus image) {
		Matcher m = RUN.matcher(statement);
		assertTrue(m.matches(), statement);
		PlugIn plugin = m.group(1).equals(ObjectMacro.COMMAND) ? new SegmentObjectPlugin() : m.group(1).equals(
			ObjectMacro.UNDO_COMMAND) ? new RemoveLastObjectPlugin() : null;
		assertTrue(plugin != null, "unknown command in " + statement);
		MacroCall.run(plugin, image, m.group(2));
	}

	private static List<String> rows(SegmentationOutputs outputs) {
		List<String> rows = new ArrayList<>();
		for (Object[] row : outputs.table().rows())
			rows.add(java.util.Arrays.toString(row));
		return rows;
	}

	/** Keeps the recorded statements; everything else is ignored. */
	private static final class Recording implements ToolSession.Listener {

		private final List<String> recorded;

		Recording(List<String> recorded) {
			this.recorded = recorded;
		}

		@Override
		public void failed(Exception error) {
			recorded.add("failed: " + error);
		}

		@Override
		public void record(String macroLine) {
			recorded.add(macroLine);
		}
	}
}
