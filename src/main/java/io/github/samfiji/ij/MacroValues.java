package io.github.samfiji.ij;

import ij.Macro;

import java.util.Locale;

/** Reading typed values from ImageJ 1 macro options, with messages that name the key. */
final class MacroValues {

	private MacroValues() {}

	static int integer(String options, String key, int defaultValue) {
		String text = Macro.getValue(options, key, String.valueOf(defaultValue)).trim();
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a whole number, not '" + text + "'");
		}
	}

	static double number(String options, String key, double defaultValue) {
		String text = Macro.getValue(options, key, String.valueOf(defaultValue)).trim();
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a number, not '" + text + "'");
		}
	}

	/** Whether a checkbox key is present (ImageJ records checked boxes as bare keys). */
	static boolean flag(String options, String key) {
		return (" " + options.toLowerCase(Locale.ROOT) + " ").contains(" " + key + " ");
	}
}
