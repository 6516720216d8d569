package io.github.samfiji.ij;

import static io.github.samfiji.ij.RoiPromptsTest.assertBox;
import static io.github.samfiji.ij.RoiPromptsTest.assertPoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RoiPrompts#fromRoiFile}: ImageJ RoiSet.zip and .roi files as prompts. */
class RoiFilePromptsTest {

	@TempDir
	Path dir;

	/** Writes a RoiSet.zip the way the ROI Manager does; entries are written in the given order. */
	static Path writeRoiSet(Path file, String[] entries, Roi[] rois) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			DataOutputStream data = new DataOutputStream(zip);
			RoiEncoder encoder = new RoiEncoder(data);
			for (int i = 0; i < entries.length; i++) {
				zip.putNextEntry(new ZipEntry(entries[i]));
				if (rois[i] != null) {
					encoder.write(rois[i]);
					data.flush();
				}
				else zip.write("not a roi".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return file;
	}

	@Test
	void roiSetRoundTripGivesOneObjectPerEntryInFileOrder() throws IOException {
		Roi box = new Roi(10, 12, 20, 15);
		box.setName("b-box");
		box.setPosition(2);
		box.setGroup(5);
		PointRoi points = new PointRoi(new int[] { 3, 7 }, new int[] { 4, 9 }, 2);
		points.setCounters(new int[] { 0, 1 });
		Roi oval = new OvalRoi(5, 6, 10, 8);
		oval.setName("c-oval");
		oval.setGroup(5); // same group as the box: still its own object when read from a file
		Path zip = writeRoiSet(dir.resolve("RoiSet.zip"), new String[] { "b-box.roi", "a-points.roi", "c-oval.roi" },
			new Roi[] { box, points, oval });

		List<ObjectPrompt> prompts = RoiPrompts.fromRoiFile(zip, 3);

		assertEquals(3, prompts.size());
		ObjectPrompt p0 = prompts.get(0);
		assertEquals("b-box", p0.name());
		assertBox(p0, 10, 12, 20, 15);
		assertEquals(2, p0.slice(), "the ROI's stored position");

		ObjectPrompt p1 = prompts.get(1);
		assertEquals("a-points", p1.name(), "an unnamed ROI is named after its entry");
		assertEquals(3, p1.slice(), "no position: the default slice");
		assertEquals(2, p1.points().size());
		assertPoint(p1.points().get(0), 3.5, 4.5, true);
		assertPoint(p1.points().get(1), 7.5, 9.5, false);

		ObjectPrompt p2 = prompts.get(2);
		assertEquals("c-oval", p2.name());
		assertBox(p2, 5, 6, 10, 8);
		assertEquals(3, p2.slice());
	}

	@Test
	void otherEntriesAndDirectoriesAreSkipped() throws IOException {
		Path zip = dir.resolve("mixed.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("notes.txt"));
			out.write("hello".getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("sub/"));
			out.putNextEntry(new ZipEntry("sub/cell.roi"));
			out.write(RoiEncoder.saveAsByteArray(new Roi(1, 2, 3, 4)));
			out.closeEntry();
		}
		List<ObjectPrompt> prompts = RoiPrompts.fromRoiFile(zip, 1);
		assertEquals(1, prompts.size());
		assertBox(prompts.get(0), 1, 2, 3, 4);
		assertEquals("sub/cell", prompts.get(0).name());
	}

	@Test
	void singleRoiFile() throws IOException {
		Roi rect = new Roi(7, 8, 9, 10);
		Path file = dir.resolve("one.roi");
		Files.write(file, RoiEncoder.saveAsByteArray(rect));
		List<ObjectPrompt> prompts = RoiPrompts.fromRoiFile(file, 2);
		assertEquals(1, prompts.size());
		assertBox(prompts.get(0), 7, 8, 9, 10);
		assertEquals("one", prompts.get(0).name());
		assertEquals(2, prompts.get(0).slice());
	}

	@Test
	void zipWithoutRoisIsAnError() throws IOException {
		Path zip = dir.resolve("empty.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("notes.txt"));
			out.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		IOException e = assertThrows(IOException.class, () -> RoiPrompts.fromRoiFile(zip, 1));
		assertEquals(zip + " holds no ROIs (.roi entries)", e.getMessage());
	}

	@Test
	void corruptEntryIsNamed() throws IOException {
		Path zip = writeRoiSet(dir.resolve("bad.zip"), new String[] { "good.roi", "bad.roi" }, new Roi[] { new Roi(1, 1,
			2, 2), null });
		IOException e = assertThrows(IOException.class, () -> RoiPrompts.fromRoiFile(zip, 1));
		assertEquals("Not an ImageJ ROI: bad.roi", e.getMessage());
	}

	@Test
	void missingFileIsAnError() {
		Path missing = dir.resolve("nope.zip");
		IOException e = assertThrows(IOException.class, () -> RoiPrompts.fromRoiFile(missing, 1));
		assertEquals("ROI file not found: " + missing, e.getMessage());
	}

	@Test
	void readingDoesNotWriteAnything() throws IOException {
		Path zip = writeRoiSet(dir.resolve("RoiSet.zip"), new String[] { "../../escape.roi" }, new Roi[] { new Roi(1, 1,
			2, 2) });
		List<ObjectPrompt> prompts = RoiPrompts.fromRoiFile(zip, 1);
		assertEquals(1, prompts.size());
		assertEquals(List.of("RoiSet.zip"), IjTestFixtures.fileNames(dir));
		assertTrue(!Files.exists(dir.resolve("../../escape.roi").normalize()));
	}
}
