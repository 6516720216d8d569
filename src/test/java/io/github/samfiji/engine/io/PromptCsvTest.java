package io.github.samfiji.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompt CSV files: rows grouped into objects, ImageJ pixel coordinates, and errors that name the line. */
class PromptCsvTest {

	private static final String HEADER = "object,kind,x,y,width,height,label,slice";

	private static List<ObjectPrompt> read(String... lines) throws IOException {
		return PromptCsv.read(new StringReader(String.join("\n", lines)), "prompts.csv");
	}

	private static String error(String... lines) {
		IOException e = assertThrows(IOException.class, () -> read(lines));
		return e.getMessage();
	}

	private static void assertPoint(double x, double y, boolean positive, PromptPoint p) {
		assertEquals(x, p.x(), 0);
		assertEquals(y, p.y(), 0);
		assertEquals(positive, p.positive());
	}

	@Test
	void rowsAreGroupedIntoObjectsInOrderOfFirstAppearance() throws IOException {
		List<ObjectPrompt> prompts = read(
			"# cells of field 3",
			HEADER,
			"a,point,10,20,,,1,2",
			"b,box,1,2,30,40,,1",
			"",
			"a,point,12,20,,,0,2",
			"c,point,0,0,,,1,");
		assertEquals(3, prompts.size());

		ObjectPrompt a = prompts.get(0);
		assertEquals("a", a.name());
		assertEquals(2, a.slice());
		assertEquals(2, a.points().size());
		// ImageJ pixel (10, 20) has its centre at (10.5, 20.5)
		assertPoint(10.5, 20.5, true, a.points().get(0));
		assertPoint(12.5, 20.5, false, a.points().get(1));
		assertNull(a.box());

		ObjectPrompt b = prompts.get(1);
		assertEquals("b", b.name());
		assertEquals(1, b.slice());
		assertEquals(1.0, b.box().x(), 0);
		assertEquals(2.0, b.box().y(), 0);
		assertEquals(30.0, b.box().width(), 0);
		assertEquals(40.0, b.box().height(), 0);
		assertEquals(0, b.points().size());

		ObjectPrompt c = prompts.get(2);
		assertEquals(1, c.slice());
		assertPoint(0.5, 0.5, true, c.points().get(0));
	}

	@Test
	void columnsMayComeInAnyOrderAndSliceMayBeMissing() throws IOException {
		List<ObjectPrompt> prompts = read("Label, KIND ,Object,X,Y,Width,Height", "1,point,7,3,4,,", "0,box,7,0,0,5,6");
		assertEquals(1, prompts.size());
		assertEquals("7", prompts.get(0).name());
		assertEquals(1, prompts.get(0).slice());
		assertPoint(3.5, 4.5, true, prompts.get(0).points().get(0));
		assertEquals(5.0, prompts.get(0).box().width(), 0);
	}

	@Test
	void boxAndPointsOfOneObjectStayTogether() throws IOException {
		List<ObjectPrompt> prompts = read(HEADER, "x1,box,0,0,10,10,,", "x1,point,5,5,,,0,");
		assertEquals(1, prompts.size());
		assertEquals(10.0, prompts.get(0).box().maxX(), 0);
		assertPoint(5.5, 5.5, false, prompts.get(0).points().get(0));
	}

	@Test
	void badKindNamesTheLine() {
		assertEquals("prompts.csv, line 3: kind must be 'point' or 'box', not 'circle'", error(HEADER,
			"a,point,1,1,,,1,1", "a,circle,1,1,5,5,,1"));
	}

	@Test
	void badLabelNamesTheLineCountingCommentsAndBlankLines() {
		assertEquals("prompts.csv, line 4: a point's label must be 1 (positive) or 0 (negative), not 2", error("# c",
			HEADER, "", "a,point,1,1,,,2,1"));
	}

	@Test
	void missingHeaderColumnIsNamed() {
		assertEquals("prompts.csv: the header lacks column 'label'; expected " + HEADER, error(
			"object,kind,x,y,width,height", "a,point,1,1,,"));
	}

	@Test
	void emptyFileIsRefused() {
		assertEquals("prompts.csv is empty; expected the header " + HEADER, error(""));
		assertEquals("prompts.csv is empty; expected the header " + HEADER, error("# only a comment", "   "));
	}

	@Test
	void headerWithoutRowsIsRefused() {
		assertEquals("prompts.csv has a header but no prompts", error(HEADER));
	}

	@Test
	void nonNumericCoordinateNamesColumnAndLine() {
		assertEquals("prompts.csv, line 2: column 'x' is not a number: 'ten'", error(HEADER, "a,point,ten,1,,,1,1"));
	}

	@Test
	void missingCoordinateNamesColumnAndLine() {
		assertEquals("prompts.csv, line 2: column 'y' is empty", error(HEADER, "a,point,1,,,,1,1"));
	}

	@Test
	void emptyObjectIdIsRefused() {
		assertEquals("prompts.csv, line 2: the object column is empty", error(HEADER, ",point,1,1,,,1,1"));
	}

	@Test
	void invalidBoxIsRefusedWithTheLine() {
		assertEquals("prompts.csv, line 2: A box needs a finite, positive width and height, got 0.0x5.0", error(HEADER,
			"a,box,1,1,0,5,,1"));
	}

	@Test
	void secondBoxForOneObjectIsRefusedWithTheLine() {
		assertEquals("prompts.csv, line 3: An object can have only one box; put other boxes in other objects", error(
			HEADER, "a,box,1,1,5,5,,1", "a,box,10,10,5,5,,1"));
	}

	@Test
	void sliceZeroIsRefusedWithTheLine() {
		assertEquals("prompts.csv, line 2: Slices are numbered from 1, got 0", error(HEADER, "a,point,1,1,,,1,0"));
	}

	@Test
	void objectWhoseRowsNameDifferentSlicesIsRefused() {
		// an object lies on one plane: a later row on another slice must not be moved silently to the first one
		assertEquals("prompts.csv, line 3: object 'a' is on slice 2 (its first row), not 3", error(HEADER,
			"a,point,1,1,,,1,2", "a,point,5,5,,,1,3"));
		assertEquals("prompts.csv, line 3: object 'b' is on slice 1 (its first row), not 2", error(HEADER,
			"b,box,1,1,5,5,,", "b,point,2,2,,,0,2"));
	}

	@Test
	void readsFilesAsUtf8AndNamesTheFileInErrors(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("prompts.csv");
		Files.write(file, (HEADER + "\nnoyau-é,point,3,4,,,1,1\n").getBytes(StandardCharsets.UTF_8));
		assertEquals("noyau-é", PromptCsv.read(file).get(0).name());
		Files.write(file, (HEADER + "\na,pt,3,4,,,1,1\n").getBytes(StandardCharsets.UTF_8));
		IOException e = assertThrows(IOException.class, () -> PromptCsv.read(file));
		assertEquals(file + ", line 2: kind must be 'point' or 'box', not 'pt'", e.getMessage());
	}

	@Test
	void missingFileIsNamed(@TempDir Path dir) {
		Path file = dir.resolve("absent.csv");
		IOException e = assertThrows(IOException.class, () -> PromptCsv.read(file));
		assertEquals("Prompt file not found: " + file, e.getMessage());
	}

	@Test
	void aByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("excel.csv");
		Files.write(file, ("\ufeff" + HEADER + "\na,box,1,2,3,4,,1\n").getBytes(StandardCharsets.UTF_8));
		assertEquals(3.0, PromptCsv.read(file).get(0).box().width(), 0);
		assertEquals(3.0, read("\ufeff" + HEADER, "a,box,1,2,3,4,,1").get(0).box().width(), 0);
	}

	@Test
	void semicolonsAndDecimalCommasOfEuropeanSpreadsheetsAreRead() throws IOException {
		List<ObjectPrompt> prompts = read(HEADER.replace(',', ';'), "a;box;1,5;2;30,25;40;;1", "b;point;3;4;;;1;2");
		assertEquals(1.5, prompts.get(0).box().x(), 0);
		assertEquals(30.25, prompts.get(0).box().width(), 0);
		assertPoint(3.5, 4.5, true, prompts.get(1).points().get(0));
		assertEquals(2, prompts.get(1).slice());
		assertEquals(1, read(HEADER.replace(',', '\t'), "a\tbox\t1\t2\t3\t4\t\t1").size(), "tabs");
	}

	@Test
	void decimalCommasInACommaSeparatedFileAreNamed() {
		assertEquals("prompts.csv, line 2: 10 cells, but the header has 8: decimal commas (e.g. 10,5)? Write " +
			"decimals with '.', or separate the cells with ';'", error(HEADER, "a,box,10,5,20,5,30,40,,1"));
	}

	@Test
	void emptyCellsBeyondTheHeaderAreAccepted() throws IOException {
		assertEquals(1, read(HEADER, "a,box,1,2,3,4,,1,,").size());
	}

	@Test
	void invalidUtf8NamesTheFileAndLine(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("latin1.csv");
		Files.write(file, (HEADER + "\nb,box,1,2,3,4,,1\ncaf\u00e9,box,1,2,3,4,,1\n").getBytes(
			StandardCharsets.ISO_8859_1));
		IOException e = assertThrows(IOException.class, () -> PromptCsv.read(file));
		assertEquals(file + ", line 3: not UTF-8 text (byte 0xE9 at column 4): save the file as UTF-8 (in Excel: " +
			"CSV UTF-8)", e.getMessage());
	}

	@Test
	void aFractionalSliceIsRefused() {
		assertEquals("prompts.csv, line 2: column 'slice' must be a whole number or 'all', not '2.9'", error(HEADER,
			"a,box,1,1,5,5,,2.9"));
	}

	@Test
	void aBinaryFileIsRefusedAsNotText(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("image.csv");
		Files.write(file, new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 });
		IOException e = assertThrows(IOException.class, () -> PromptCsv.read(file));
		assertEquals(file + ", line 1: not UTF-8 text (byte 0x89 at column 1): save the file as UTF-8 (in Excel: " +
			"CSV UTF-8)", e.getMessage());
	}
}
