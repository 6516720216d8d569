package io.github.samfiji.batch;

import io.github.samfiji.options.BatchOptions;
import io.github.samfiji.options.Front;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows of a batch, from a manifest or a folder. A manifest is a CSV whose header names its columns:
 * {@value #IMAGE} (a path or a URI), the operation's per-image files ({@link BatchOptions#imageColumns}, e.g.
 * {@code prompts}) and optionally {@value #NAME} (the output folder; by default the image's file name without its
 * extension). Relative paths are relative to the manifest's folder; empty lines and lines starting with {@code #} are
 * skipped. A per-image file given as a flag applies to every row that leaves its column empty.
 */
public final class Manifest {

	public static final String IMAGE = "image";
	public static final String NAME = "name";
	/** The batch's own files in its output directory, which no image folder may be named. */
	static final List<String> RESERVED = Collections.unmodifiableList(java.util.Arrays.asList(BatchReport.STATUS,
		BatchReport.OBJECTS));
	/** A URI's scheme: two characters at least, so that a Windows drive ({@code C:}) is a path. */
	private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

	private Manifest() {}

	/**
	 * The rows of the manifest {@code csv} for {@code operation}.
	 *
	 * @param everyImage per-image files given as flags (by flag, absolute), for rows that leave the column empty
	 * @throws IOException when the manifest cannot be read
	 * @throws IllegalArgumentException naming the manifest and line for an unknown or missing column, a bad line, a row
	 *           without its required file, a bad or repeated name, or no rows at all
	 */
	public static List<BatchRow> read(Path csv, Operation operation, Map<String, String> everyImage)
		throws IOException
	{
		Path base = csv.toAbsolutePath().getParent();
		List<BatchRow> rows = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			Map<String, Integer> header = null;
			String line;
			for (int n = 1; (line = reader.readLine()) != null; n++) {
				if (line.trim().isEmpty() || line.trim().startsWith("#")) continue;
				List<String> cells = cells(csv, n, line);
				if (header == null) header = header(csv, operation, cells);
				else rows.add(row(csv, n, rows.size() + 1, header, cells, base, everyImage));
			}
		}
		return checked(rows, csv.toString(), operation);
	}

	/**
	 * One row per file of {@code dir} whose name matches {@code glob}, in name order (hidden files and folders left
	 * out); their per-image files come from {@code everyImage}.
	 *
	 * @throws IOException when the folder cannot be listed
	 * @throws IllegalArgumentException for a bad glob, no matching file, or a required per-image file not given
	 */
	public static List<BatchRow> folder(Path dir, String glob, Operation operation, Map<String, String> everyImage)
		throws IOException
	{
		if (!Files.isDirectory(dir)) throw new IOException("--images " + dir + " is not a folder");
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
			for (Path p : stream)
				if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) files.add(p);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("--glob " + glob + " is not a valid glob: " + e.getMessage());
		}
		Collections.sort(files);
		List<BatchRow> rows = new ArrayList<>();
		for (Path p : files)
			rows.add(new BatchRow(rows.size() + 1, p.toAbsolutePath().normalize().toString(), everyImage, defaultName(p
				.getFileName().toString())));
		if (rows.isEmpty()) throw new IllegalArgumentException("No file in " + dir + " matches --glob " + glob);
		return checked(rows, "--images " + dir, operation);
	}

	/**
	 * An absolute location: a URI with a scheme other than {@code file} as it is, a {@code file:} URI or a path as an
	 * absolute path (a relative path resolved against {@code base}).
	 */
	public static String location(String text, Path base) {
		String t = text.trim();
		if (URI_SCHEME.matcher(t).matches()) {
			URI uri = URI.create(t);
			return "file".equalsIgnoreCase(uri.getScheme()) ? Paths.get(uri).toString() : t;
		}
		return base.resolve(t).toAbsolutePath().normalize().toString();
	}

	/** Whether {@code location} (as {@link #location} gives it) is a URI to read through Hadoop. */
	static boolean isUri(String location) {
		return URI_SCHEME.matcher(location).matches();
	}

	/** The image's file name without its extension, e.g. {@code a} for {@code /data/a.tif}. */
	static String defaultName(String location) {
		String file = location.replaceAll("[/\\\\]+$", "");
		file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
		int dot = file.lastIndexOf('.');
		return dot > 0 ? file.substring(0, dot) : file;
	}

	private static List<String> cells(Path csv, int line, String text) {
		try {
			return Csv.split(text);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(csv + " line " + line + ": " + e.getMessage());
		}
	}

	private static Map<String, Integer> header(Path csv, Operation operation, List<String> cells) {
		List<String> known = new ArrayList<>();
		known.add(IMAGE);
		for (Option<?> o : BatchOptions.imageColumns(operation))
			known.add(o.flag());
		known.add(NAME);
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String column = cells.get(i).trim().toLowerCase(Locale.ROOT);
			if (!known.contains(column)) throw new IllegalArgumentException(csv + ": unknown column '" + cells.get(i)
				.trim() + "'; the columns of " + BatchOptions.name(operation) + " are " + String.join(", ", known));
			if (header.put(column, i) != null) throw new IllegalArgumentException(csv + ": column " + column +
				" is given twice");
		}
		if (!header.containsKey(IMAGE)) throw new IllegalArgumentException(csv +
			" has no column image: its first line names the columns, e.g. " + String.join(",", known));
		return header;
	}

	private static BatchRow row(Path csv, int line, int number, Map<String, Integer> header, List<String> cells,
		Path base, Map<String, String> everyImage)
	{
		String image = cell(header, cells, IMAGE);
		if (image.isEmpty()) throw new IllegalArgumentException(csv + " line " + line + " has no image");
		Map<String, String> inputs = new LinkedHashMap<>(everyImage);
		for (Map.Entry<String, Integer> column : header.entrySet()) {
			String key = column.getKey(), value = cell(header, cells, key);
			if (!key.equals(IMAGE) && !key.equals(NAME) && !value.isEmpty()) inputs.put(key, location(value, base));
		}
		String location = location(image, base);
		String name = cell(header, cells, NAME);
		return new BatchRow(number, location, inputs, name.isEmpty() ? defaultName(location) : name);
	}

	private static String cell(Map<String, Integer> header, List<String> cells, String column) {
		Integer i = header.get(column);
		return i == null || i >= cells.size() ? "" : cells.get(i).trim();
	}

	/** Checks that each row has its required files and a valid name that no other row has. */
	private static List<BatchRow> checked(List<BatchRow> rows, String source, Operation operation) {
		if (rows.isEmpty()) throw new IllegalArgumentException(source + " lists no image");
		Map<String, BatchRow> names = new HashMap<>();
		for (BatchRow row : rows) {
			for (Option<?> o : BatchOptions.imageColumns(operation))
				if (o.isRequiredOn(Front.CLI) && !row.inputs().containsKey(o.flag())) throw new IllegalArgumentException(
					source + ": " + row + " has no " + o.flag() + ": fill its " + o.flag() + " column or give " + o.spelling(
						Front.CLI) + " for every image");
			checkName(source, row);
			BatchRow other = names.put(row.name().toLowerCase(Locale.ROOT), row);
			if (other != null) throw new IllegalArgumentException(source + ": " + other + " and " + row +
				" would both write to the folder " + row.name() + ": give them different names (column name)");
		}
		return rows;
	}

	private static void checkName(String source, BatchRow row) {
		String name = row.name();
		if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\") || RESERVED.contains(name
			.toLowerCase(Locale.ROOT))) throw new IllegalArgumentException(source + ": " + row + " cannot write to a folder named '" +
				name + "': a name is a plain folder name, not hidden, not " + String.join(" or ", RESERVED));
	}
}
