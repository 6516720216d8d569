package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiDecoder;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputWriter}: the four files, readable back, written without leftovers, source untouched. */
class OutputWriterTest {

	static final int W = SegmentationOutputsTest.W, H = SegmentationOutputsTest.H;

	@TempDir
	Path tmp;

	/** Entry names of a zip, in file order, with the decoded ROIs. */
	static List<String> zipEntries(Path zip, List<Roi> rois) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				names.add(e.getName());
				if (rois != null) rois.add(RoiDecoder.openFromByteArray(readAll(in)));
			}
		}
		return names;
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		for (int n; (n = in.read(buffer)) > 0;) out.write(buffer, 0, n);
		return out.toByteArray();
	}

	/** Asserts the four files in {@code dir} for the two boxes of {@link #writesFourReadableFiles()}. */
	public static void assertTwoBoxOutputs(Path dir, String unit, String areaCal1, String areaCal2) throws IOException {
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(dir), "exactly the four files, no *.part");
		ImagePlus labels = IJ.openImage(dir.resolve(OutputWriter.LABELS).toString());
		assertNotNull(labels, "labels.tif is readable by ImageJ");
		assertEquals(ImagePlus.GRAY16, labels.getType());
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }, new int[] { 40, 5, 8, 9 }),
			(short[]) labels.getProcessor().getPixels());
		List<Roi> rois = new ArrayList<>();
		assertEquals(List.of("object-0001.roi", "object-0002.roi"), zipEntries(dir.resolve(OutputWriter.ROIS), rois));
		assertEquals(new Rectangle(10, 12, 20, 15), rois.get(0).getBounds());
		assertEquals(new Rectangle(40, 5, 8, 9), rois.get(1).getBounds());
		List<String> csv = Files.readAllLines(dir.resolve(OutputWriter.TABLE), StandardCharsets.UTF_8);
		assertEquals(List.of(IjTestFixtures.RESULTS_HEADER,
			"1,a,1,300," + areaCal1 + "," + unit + ",0,0.9,,10,12,20,15,whole," + areaCal1 + ",auto",
			"2,b,1,72," + areaCal2 + "," + unit + ",0,0.9,,40,5,8,9,whole," + areaCal2 + ",auto"), csv);
		BufferedImage png = ImageIO.read(dir.resolve(OutputWriter.OVERLAY).toFile());
		assertNotNull(png, "overlay.png is a readable PNG");
		assertEquals(W, png.getWidth());
		assertEquals(H, png.getHeight());
	}

	@Test
	void writesFourReadableFiles() throws IOException {
		ImagePlus image = SegmentationOutputsTest.calibrated(IjTestFixtures.grey8("cells.tif", W, H, 1));
		Roi selection = new Roi(2, 3, 4, 5);
		image.setRoi(selection);
		Object[] before = IjTestFixtures.snapshot(image);
		List<ObjectPrompt> prompts = RoiPrompts.fromRois(new Roi[] { SegmentationOutputsTest.named(new Roi(10, 12, 20,
			15), "a"), SegmentationOutputsTest.named(new Roi(40, 5, 8, 9), "b") }, 1);
		SegmentationOutputs out = SegmentationOutputsTest.segment(image, prompts);
		Path dir = tmp.resolve("new/sub/dir");

		OutputWriter.write(out, image, dir);

		assertTwoBoxOutputs(dir, "µm", "75", "18");
		ImagePlus labels = IJ.openImage(dir.resolve(OutputWriter.LABELS).toString());
		assertEquals(0.5, labels.getCalibration().pixelWidth, 1e-12, "calibration is saved");
		assertEquals("µm", labels.getCalibration().getUnit());
		IjTestFixtures.assertPixelsUnchanged(before, image);
		assertEquals(selection, image.getRoi());
		assertEquals(new Rectangle(2, 3, 4, 5), image.getRoi().getBounds());
	}

	@Test
	void overlayShowsOutlinesOverTheSourceSlice() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", W, H, 2);
		Roi box = new Roi(10, 12, 20, 15);
		box.setPosition(2);
		SegmentationOutputs out = SegmentationOutputsTest.segment(image, RoiPrompts.fromRois(new Roi[] { box }, 1));
		OutputWriter.write(out, image, tmp);
		BufferedImage png = ImageIO.read(tmp.resolve(OutputWriter.OVERLAY).toFile());
		int outline = LabelLut.color(1).getRGB() & 0xffffff;
		assertEquals(outline, png.getRGB(10, 12) & 0xffffff, "top-left corner of the outline");
		assertEquals(outline, png.getRGB(20, 12) & 0xffffff, "top edge");
		assertEquals(outline, png.getRGB(10, 20) & 0xffffff, "left edge");
		// away from the outline the preview is slice 2 of the source, in grey
		for (int[] p : new int[][] { { 0, 0 }, { 20, 20 }, { 63, 47 }, { 5, 30 } }) {
			int v = image.getStack().getProcessor(2).get(p[0], p[1]);
			assertEquals(new Color(v, v, v).getRGB() & 0xffffff, png.getRGB(p[0], p[1]) & 0xffffff, "pixel " + p[0] +
				"," + p[1]);
		}
	}

	@Test
	void existingFilesAreReplaced() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", W, H, 1);
		Files.write(tmp.resolve(OutputWriter.TABLE), "old content\n".getBytes(StandardCharsets.UTF_8));
		Files.write(tmp.resolve("unrelated.txt"), "keep me\n".getBytes(StandardCharsets.UTF_8));
		SegmentationOutputs two = SegmentationOutputsTest.segment(image, RoiPrompts.fromRois(new Roi[] {
			SegmentationOutputsTest.named(new Roi(10, 12, 20, 15), "a"), SegmentationOutputsTest.named(new Roi(40, 5, 8,
				9), "b") }, 1));
		OutputWriter.write(two, image, tmp);
		SegmentationOutputs one = SegmentationOutputsTest.segment(image, List.of(ObjectPrompt.builder().box(0, 0, 4, 3)
			.build()));
		OutputWriter.write(one, image, tmp);

		List<String> expected = new ArrayList<>(IjTestFixtures.outputFileNames());
		expected.add("unrelated.txt");
		expected.sort(null);
		assertEquals(expected, IjTestFixtures.fileNames(tmp));
		assertEquals(List.of(IjTestFixtures.RESULTS_HEADER, "1,object-0001,1,12,12,pixel,0,0.9,,0,0,4,3,whole,12,auto"),
			Files.readAllLines(tmp.resolve(OutputWriter.TABLE)));
		assertEquals(List.of("object-0001.roi"), zipEntries(tmp.resolve(OutputWriter.ROIS), null));
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 0, 0, 4, 3 }), (short[]) IJ.openImage(tmp.resolve(
			OutputWriter.LABELS).toString()).getProcessor().getPixels());
	}

	@Test
	void duplicateRoiNamesGetASuffix() throws IOException {
		// names come from unique labels; should two ROIs still share a name, the zip keeps both under distinct entries
		ImagePlus image = IjTestFixtures.grey8("cells.tif", W, H, 1);
		SegmentationOutputs out = SegmentationOutputsTest.segment(image, List.of(ObjectPrompt.builder().box(0, 0, 4, 3)
			.build(), ObjectPrompt.builder().box(10, 10, 4, 3).build()));
		out.rois().get(1).setName("object-0001");
		OutputWriter.write(out, image, tmp);
		assertEquals(List.of("object-0001.roi", "object-0001-2.roi"), zipEntries(tmp.resolve(OutputWriter.ROIS), null));
	}

	@Test
	void unwritableDirectoryFailsWithoutLeftovers() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", W, H, 1);
		SegmentationOutputs out = SegmentationOutputsTest.segment(image, List.of(ObjectPrompt.builder().box(0, 0, 4, 3)
			.build()));
		Path file = Files.write(tmp.resolve("not-a-dir"), new byte[] { 1 });
		assertThrows(IOException.class, () -> OutputWriter.write(out, image, file));
		assertEquals(List.of("not-a-dir"), IjTestFixtures.fileNames(tmp));
		assertTrue(Files.isRegularFile(file));
	}

	@Test
	void aFailureWhileWritingLeavesThePreviousSetWhole() throws IOException {
		// before: labels.tif and RoiSet.zip were replaced, then results.csv failed (a folder in its place)
		ImagePlus image = IjTestFixtures.grey8("cells.tif", W, H, 1);
		OutputWriter.write(SegmentationOutputsTest.segment(image, List.of(ObjectPrompt.builder().box(0, 0, 4, 3)
			.build())), image, tmp);
		List<byte[]> before = new ArrayList<>();
		for (String n : OutputWriter.NAMES) before.add(Files.readAllBytes(tmp.resolve(n)));
		SegmentationOutputs two = SegmentationOutputsTest.segment(image, List.of(ObjectPrompt.builder().box(10, 10, 4, 3)
			.build(), ObjectPrompt.builder().box(20, 10, 4, 3).build()));
		Files.delete(tmp.resolve(OutputWriter.TABLE));
		Files.createDirectories(tmp.resolve(OutputWriter.TABLE));
		IOException e = assertThrows(IOException.class, () -> OutputWriter.write(two, image, tmp));
		assertEquals(tmp.resolve(OutputWriter.TABLE) + " is a folder, so the output file results.csv cannot be written: " +
			"move that folder away or choose another output folder", e.getMessage());
		for (int i = 0; i < OutputWriter.NAMES.size(); i++)
			if (i != OutputWriter.NAMES.indexOf(OutputWriter.TABLE)) assertArrayEquals(before.get(i), Files.readAllBytes(
				tmp.resolve(OutputWriter.NAMES.get(i))), OutputWriter.NAMES.get(i));
		assertEquals(List.of("RoiSet.zip", "labels.tif", "overlay.png", "results.csv"), IjTestFixtures.fileNames(tmp));
	}

	@Test
	void checkLocationRefusesBeforeAnyWork() throws IOException {
		ImagePlus image = IjTestFixtures.grey8("cells.tif", W, H, 1);
		OutputWriter.checkLocation(tmp.resolve("new"), image);
		Path file = Files.write(tmp.resolve("a-file"), new byte[] { 1 });
		assertThrows(IOException.class, () -> OutputWriter.checkLocation(file, image));
		Files.createDirectories(tmp.resolve("out").resolve(OutputWriter.ROIS));
		IOException e = assertThrows(IOException.class, () -> OutputWriter.checkLocation(tmp.resolve("out"), image));
		assertTrue(e.getMessage().contains("RoiSet.zip is a folder"), e.getMessage());
	}
}
