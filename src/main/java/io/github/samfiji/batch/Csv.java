package io.github.samfiji.batch;

import java.util.ArrayList;
import java.util.List;

/** The little CSV a batch reads and writes: commas, double quotes around cells that need them, one row per line. */
final class Csv {

	private Csv() {}

	/**
	 * The cells of one line; a quoted cell may hold commas and doubled quotes.
	 *
	 * @throws IllegalArgumentException for a quote that is not closed
	 */
	static List<String> split(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c != '"') cell.append(c);
				else if (i + 1 < line.length() && line.charAt(i + 1) == '"') cell.append(line.charAt(++i));
				else quoted = false;
			}
			else if (c == '"') quoted = true;
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else cell.append(c);
		}
		if (quoted) throw new IllegalArgumentException("a quote is not closed");
		cells.add(cell.toString());
		return cells;
	}

	/** The cell as CSV: in quotes (inner quotes doubled) when it holds a comma, a quote or a line break. */
	static String quote(String cell) {
		if (cell == null) return "";
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0)
			return cell;
		return '"' + cell.replace("\"", "\"\"") + '"';
	}
}
