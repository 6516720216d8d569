package io.github.samfiji.engine.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cells of a delimited table line: separated by {@code ,} (the CSV standard), {@code ;} (what spreadsheets write
 * where the decimal separator is a comma) or a tab; a cell may be quoted ({@code "a,b"}, {@code "say ""hi"""}).
 */
final class CsvCells {

	private static final char[] SEPARATORS = { ',', ';', '\t' };

	private CsvCells() {}

	/**
	 * The separator whose cells of {@code header} include every {@code required} column name (compared trimmed and
	 * in lower case); {@code ','} when none does.
	 */
	static char separatorOf(String header, Collection<String> required) {
		for (char sep : SEPARATORS) {
			Set<String> names = new HashSet<>();
			for (String cell : split(header, sep))
				names.add(cell.trim().toLowerCase(Locale.ROOT));
			if (names.containsAll(required)) return sep;
		}
		return ',';
	}

	/** The cells of {@code line}, unquoted; never fewer than one. */
	static String[] split(String line, char sep) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') cell.append(line.charAt(++i));
				else if (c == '"') quoted = false;
				else cell.append(c);
			}
			else if (c == '"' && cell.toString().trim().isEmpty()) {
				cell.setLength(0);
				quoted = true;
			}
			else if (c == sep) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else cell.append(c);
		}
		cells.add(cell.toString());
		return cells.toArray(new String[0]);
	}

	/** The separator as it reads in messages. */
	static String name(char sep) {
		return sep == '\t' ? "tab" : "'" + sep + "'";
	}
}
