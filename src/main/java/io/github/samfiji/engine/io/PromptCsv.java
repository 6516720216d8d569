package io.github.samfiji.engine.io;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads prompts from CSV with the header {@value #HEADER}, one prompt part per row:
 * <ul>
 * <li>{@code kind} is {@code point} or {@code box};</li>
 * <li>a point is at pixel {@code (x, y)} in ImageJ coordinates (its centre is {@code (x + 0.5, y + 0.5)}); its
 * {@code label} is 1 (positive) or 0 (negative), and {@code width}/{@code height} are left empty;</li>
 * <li>a box is {@code x, y, width, height} in pixels, as an ImageJ rectangle; its {@code label} is ignored;</li>
 * <li>{@code slice} is the 1-based plane, or {@code all} for every plane; empty or a missing column means 1, or every
 * plane when read with {@code unpositionedOnEveryPlane};</li>
 * <li>rows with the same {@code object} value form one object; objects are numbered in order of first
 * appearance.</li>
 * </ul>
 * Blank lines and lines starting with {@code #} are ignored. Files are UTF-8 (a byte order mark is skipped; other
 * encodings are refused naming the line); cells are separated by {@code ,}, or by {@code ;} or tabs when the header
 * is (then a decimal comma, {@code 10,5}, is read as {@code 10.5}); cells may be quoted. Errors name the line.
 */
public final class PromptCsv {

	public static final String HEADER = "object,kind,x,y,width,height,label,slice";
	private static final List<String> COLUMNS = Arrays.asList(HEADER.split(","));

	private PromptCsv() {}

	public static List<ObjectPrompt> read(Path file) throws IOException {
		return read(file, false);
	}

	/** @param unpositionedOnEveryPlane whether rows without a slice are on every plane (else on slice 1) */
	public static List<ObjectPrompt> read(Path file, boolean unpositionedOnEveryPlane) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException("Prompt file not found: " + file);
		return read(TextLines.read(file), file.toString(), unpositionedOnEveryPlane);
	}

	public static List<ObjectPrompt> read(Reader reader, String origin) throws IOException {
		return read(reader, origin, false);
	}

	public static List<ObjectPrompt> read(Reader reader, String origin, boolean unpositionedOnEveryPlane)
		throws IOException
	{
		return read(TextLines.read(reader), origin, unpositionedOnEveryPlane);
	}

	private static List<ObjectPrompt> read(List<String> lines, String origin, boolean unpositionedOnEveryPlane)
		throws IOException
	{
		Map<String, Integer> column = null;
		char sep = ',';
		Map<String, ObjectPrompt.Builder> objects = new LinkedHashMap<>();
		Map<String, Integer> slices = new HashMap<>();
		int lineNumber = 0;
		for (String line : lines) {
			lineNumber++;
			String trimmed = line.trim();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
			if (column == null) {
				sep = CsvCells.separatorOf(trimmed, COLUMNS.subList(0, 7));
				column = header(CsvCells.split(trimmed, sep), origin);
				continue;
			}
			try {
				addRow(objects, slices, new Row(cells(trimmed, sep, column.size()), column, sep),
					unpositionedOnEveryPlane ? ObjectPrompt.EVERY_PLANE : 1);
			}
			catch (IllegalArgumentException e) {
				throw new IOException(origin + ", line " + lineNumber + ": " + e.getMessage(), e);
			}
		}
		if (column == null) throw new IOException(origin + " is empty; expected the header " + HEADER);
		if (objects.isEmpty()) throw new IOException(origin + " has a header but no prompts");
		List<ObjectPrompt> prompts = new ArrayList<>();
		for (ObjectPrompt.Builder b : objects.values())
			prompts.add(b.build());
		return prompts;
	}

	/** The cells of a data row; more non-empty cells than the header has is an error (decimal commas, mostly). */
	private static String[] cells(String line, char sep, int headerCells) {
		String[] cells = CsvCells.split(line, sep);
		int used = cells.length;
		while (used > headerCells && cells[used - 1].trim().isEmpty())
			used--;
		if (used > headerCells) throw new IllegalArgumentException(used + " cells, but the header has " + headerCells +
			(sep == ',' ? ": decimal commas (e.g. 10,5)? Write decimals with '.', or separate the cells with ';'"
				: ": check the separators (" + CsvCells.name(sep) + ") of this line"));
		return cells;
	}

	private static Map<String, Integer> header(String[] cells, String origin) throws IOException {
		Map<String, Integer> column = new HashMap<>();
		for (int i = 0; i < cells.length; i++)
			column.put(cells[i].trim().toLowerCase(Locale.ROOT), i);
		for (String required : COLUMNS.subList(0, 7))
			if (!column.containsKey(required)) throw new IOException(origin + ": the header lacks column '" + required +
				"'; expected " + HEADER);
		return column;
	}

	private static void addRow(Map<String, ObjectPrompt.Builder> objects, Map<String, Integer> slices, Row row,
		int unpositioned)
	{
		String id = row.text("object");
		if (id.isEmpty()) throw new IllegalArgumentException("the object column is empty");
		boolean every = row.text("slice").equalsIgnoreCase("all") || !row.has("slice") &&
			unpositioned == ObjectPrompt.EVERY_PLANE;
		int slice = every ? ObjectPrompt.EVERY_PLANE : row.has("slice") ? row.wholeNumber("slice") : 1;
		Integer firstSlice = slices.putIfAbsent(id, slice);
		if (firstSlice != null && firstSlice != slice) throw new IllegalArgumentException("object '" + id +
			"' is on slice " + firstSlice + " (its first row), not " + slice);
		ObjectPrompt.Builder b = objects.computeIfAbsent(id, k -> every ? ObjectPrompt.builder().name(k).everyPlane()
			: ObjectPrompt.builder().name(k).slice(slice));
		String kind = row.text("kind").toLowerCase(Locale.ROOT);
		if (kind.equals("point")) {
			double label = row.number("label");
			if (label != 0 && label != 1) throw new IllegalArgumentException("a point's label must be 1 (positive) or 0 (negative), not " + row.text("label"));
			b.point(row.number("x") + 0.5, row.number("y") + 0.5, label == 1);
		}
		else if (kind.equals("box")) b.box(row.number("x"), row.number("y"), row.number("width"), row.number(
			"height"));
		else throw new IllegalArgumentException("kind must be 'point' or 'box', not '" + row.text("kind") + "'");
	}

	/** One data row with access by column name. */
	private static final class Row {

		private final String[] cells;
		private final Map<String, Integer> column;
		private final char sep;

		Row(String[] cells, Map<String, Integer> column, char sep) {
			this.cells = cells;
			this.column = column;
			this.sep = sep;
		}

		String text(String name) {
			Integer i = column.get(name);
			return i == null || i >= cells.length ? "" : cells[i].trim();
		}

		boolean has(String name) { return !text(name).isEmpty(); }

		double number(String name) {
			String t = text(name);
			if (t.isEmpty()) throw new IllegalArgumentException("column '" + name + "' is empty");
			try {
				return Double.parseDouble(sep == ',' ? t : t.replace(',', '.'));
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("column '" + name + "' is not a number: '" + t + "'");
			}
		}

		int wholeNumber(String name) {
			double v = number(name);
			if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw new IllegalArgumentException("column '" +
				name + "' must be a whole number or 'all', not '" + text(name) + "'");
			return (int) v;
		}
	}
}
