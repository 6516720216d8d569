package io.github.samfiji.options;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ImageJ 1 macro options as text: {@code key=value key=[value with spaces] flag}. Reads them into keys and texts
 * the way ImageJ's {@code Macro.getValue} reads one key, so that every key can be checked against the option
 * table; writes values so that they read back.
 */
public final class MacroOptionText {

	private MacroOptionText() {}

	/**
	 * The keys (lower case) and their texts, in order; a bare key (a checked box) has the text {@code null}.
	 *
	 * @throws OptionException for an unclosed bracket
	 */
	public static Map<String, String> parse(String options) {
		Map<String, String> keys = new LinkedHashMap<>();
		String s = options == null ? "" : options;
		int i = 0, n = s.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(s.charAt(i))) i++;
			if (i >= n) break;
			int start = i;
			while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') i++;
			String key = s.substring(start, i).toLowerCase(java.util.Locale.ROOT);
			if (i < n && s.charAt(i) == '=') {
				i++;
				String value;
				if (i < n && s.charAt(i) == '[') {
					int close = s.indexOf(']', i + 1);
					if (close < 0) throw new OptionException("The value of " + key + " opens a [ but never closes it");
					value = s.substring(i + 1, close);
					i = close + 1;
				}
				else {
					int end = i;
					while (end < n && !Character.isWhitespace(s.charAt(end))) end++;
					value = s.substring(i, end);
					i = end;
				}
				put(keys, key, value);
			}
			else put(keys, key, null);
		}
		return keys;
	}

	private static void put(Map<String, String> keys, String key, String value) {
		if (keys.containsKey(key)) throw new OptionException(key + " is given twice");
		keys.put(key, value);
	}

	/** The text as a macro value: in brackets when it has spaces or brackets, or is empty. */
	public static String quote(String text) {
		if (text.isEmpty() || text.matches(".*[\\s\\[\\]=].*")) return "[" + text + "]";
		return text;
	}
}
