package io.github.samfiji.ij;

import static io.github.samfiji.ij.RoiPromptsTest.assertBox;
import static io.github.samfiji.ij.RoiPromptsTest.assertPoint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.plugin.frame.RoiManager;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PromptSource}: parsing, and reading prompts from a file (CSV / RoiSet.zip / .roi) or the selection. */
class PromptSourceTest {

	@TempDir
	Path dir;

	private final ImagePlus image = IjTestFixtures.grey8("img", 64, 48, 3);

	@Test
	void labelsAndParsing() {
		assertArrayEquals(new String[] { "ROI Manager", "Active selection", "File" }, PromptSource.labels());
		assertSame(PromptSource.ROI_MANAGER, PromptSource.parse("ROI Manager"));
		assertSame(PromptSource.ROI_MANAGER, PromptSource.parse("roi_manager"));
		assertSame(PromptSource.ROI_MANAGER, PromptSource.parse("roi manager"));
		assertSame(PromptSource.SELECTION, PromptSource.parse("active selection"));
		assertSame(PromptSource.SELECTION, PromptSource.parse("SELECTION"));
		assertSame(PromptSource.FILE, PromptSource.parse(" File "));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptSource.parse("Clipboard"));
		assertEquals("Unknown prompt source 'Clipboard': use ROI Manager, Active selection or File", e.getMessage());
	}

	@Test
	void csvFileIsReadWithPromptCsv() throws IOException {
		Path csv = IjTestFixtures.writeCsv(dir.resolve("prompts.csv"),
			"cell-a,box,10,12,20,15,,",
			"cell-b,point,40,20,,,1,2",
			"cell-b,point,44,20,,,0,2",
			"cell-c,point,5,6,,,1,");
		List<ObjectPrompt> prompts = PromptSource.FILE.read(image, csv);
		assertEquals(3, prompts.size());
		assertEquals("cell-a", prompts.get(0).name());
		assertBox(prompts.get(0), 10, 12, 20, 15);
		assertEquals(1, prompts.get(0).slice(), "CSV rows without a slice are on slice 1");
		assertEquals("cell-b", prompts.get(1).name());
		assertEquals(2, prompts.get(1).slice());
		assertEquals(2, prompts.get(1).points().size());
		assertPoint(prompts.get(1).points().get(0), 40.5, 20.5, true);
		assertPoint(prompts.get(1).points().get(1), 44.5, 20.5, false);
		assertNull(prompts.get(1).box());
		assertPoint(prompts.get(2).points().get(0), 5.5, 6.5, true);
	}

	@Test
	void extensionsAreCaseInsensitive() throws IOException {
		Path csv = IjTestFixtures.writeCsv(dir.resolve("PROMPTS.CSV"), "1,box,1,2,3,4,,");
		assertBox(PromptSource.FILE.read(image, csv).get(0), 1, 2, 3, 4);
		Path roi = dir.resolve("ONE.ROI");
		Files.write(roi, RoiEncoder.saveAsByteArray(new Roi(5, 6, 7, 8)));
		assertBox(PromptSource.FILE.read(image, roi).get(0), 5, 6, 7, 8);
	}

	@Test
	void zipFileIsReadAsRoiSetWithTheCurrentSliceAsDefault() throws IOException {
		Path zip = RoiFilePromptsTest.writeRoiSet(dir.resolve("RoiSet.zip"), new String[] { "x.roi", "y.roi" },
			new Roi[] { new Roi(1, 2, 3, 4), new PointRoi(9.0, 8.0) });
		image.setSlice(2);
		List<ObjectPrompt> prompts = PromptSource.FILE.read(image, zip);
		assertEquals(2, prompts.size());
		assertBox(prompts.get(0), 1, 2, 3, 4);
		assertEquals(2, prompts.get(0).slice());
		assertPoint(prompts.get(1).points().get(0), 9.5, 8.5, true);
		assertEquals(2, prompts.get(1).slice());
	}

	@Test
	void unknownExtensionIsRefusedNamingTheFormats() throws IOException {
		Path txt = Files.write(dir.resolve("prompts.txt"), "object,kind\n".getBytes());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptSource.FILE.read(image,
			txt));
		assertEquals("Unknown prompt file type: " + txt +
			" (use a .csv with header object,kind,x,y,width,height,label,slice, a RoiSet.zip or a .roi)", e.getMessage());
	}

	@Test
	void noFileIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptSource.FILE.read(image,
			null));
		assertEquals("Choose a prompt file (.csv or RoiSet.zip)", e.getMessage());
	}

	@Test
	void missingCsvIsAnIoError() {
		Path missing = dir.resolve("missing.csv");
		IOException e = assertThrows(IOException.class, () -> PromptSource.FILE.read(image, missing));
		assertEquals("Prompt file not found: " + missing, e.getMessage());
	}

	@Test
	void selectionIsOneObjectOnTheCurrentSlice() throws IOException {
		Roi roi = new Roi(3, 4, 5, 6);
		image.setRoi(roi);
		image.setSlice(3);
		List<ObjectPrompt> prompts = PromptSource.SELECTION.read(image, null);
		assertEquals(1, prompts.size());
		assertBox(prompts.get(0), 3, 4, 5, 6);
		assertEquals(3, prompts.get(0).slice());
		assertSame(roi, image.getRoi(), "the selection stays");
	}

	@Test
	void noSelectionIsRefusedNamingTheImage() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptSource.SELECTION.read(
			image, null));
		assertEquals("'img' has no selection: draw a rectangle or click points, or choose another prompt source", e
			.getMessage());
	}

	@Test
	void emptyRoiManagerIsRefused() {
		assumeTrue(RoiManager.getInstance() == null, "a ROI Manager is open in this JVM");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptSource.ROI_MANAGER.read(
			image, null));
		assertEquals(
			"The ROI Manager is empty: add rectangles (boxes) or points with [t], or choose another prompt source", e
				.getMessage());
	}
}
