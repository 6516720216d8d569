package io.github.samfiji.options;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The type of an option's value: how text becomes a value ({@link #parse}), how a value becomes text again
 * ({@link #format}, which {@link #parse} accepts), and what a dialog, a SciJava parameter and the help show for it.
 * A refused text gets an {@link IllegalArgumentException} whose message completes a sentence that starts with the
 * option's name as the user spelled it: {@code "must be a whole number, not '2.9'"}.
 *
 * @param <T> the value's Java type
 */
public abstract class ValueType<T> {

	/** What kind of field shows the value. */
	public enum Kind {
		TEXT, INTEGER, NUMBER, BOOLEAN, CHOICE, FILE, DIRECTORY
	}

	private final Kind kind;

	ValueType(Kind kind) {
		this.kind = kind;
	}

	public Kind kind() { return kind; }

	/**
	 * @param text never {@code null}
	 * @throws IllegalArgumentException saying what is wrong, as the end of a sentence about the option
	 */
	public abstract T parse(String text);

	/** The text that {@link #parse} turns into {@code value}; empty for {@code null}. */
	public String format(T value) {
		return value == null ? "" : String.valueOf(value);
	}

	/** What the help says the value may be, e.g. {@code 1-256} or {@code a directory}. */
	public abstract String hint();

	/** The smallest value allowed, for numbers; {@code null} otherwise. */
	public Double min() { return null; }

	/** The largest value allowed, for numbers; {@code null} otherwise. */
	public Double max() { return null; }

	/** Whole numbers from {@code min} to {@code max}, both included. */
	public static ValueType<Integer> integer(int min, int max) {
		return new IntegerType(min, max, null);
	}

	/** The same, with the help's hint given (e.g. for a bound that depends on the machine). */
	public static ValueType<Integer> integer(int min, int max, String hint) {
		return new IntegerType(min, max, hint);
	}

	/** Finite numbers from {@code min} to {@code max}, both included. */
	public static ValueType<Double> number(double min, double max) {
		return new NumberType(min, max);
	}

	/** {@code true} or {@code false}. */
	public static ValueType<Boolean> bool() {
		return new ValueType<Boolean>(Kind.BOOLEAN) {

			@Override
			public Boolean parse(String text) {
				String t = text.trim().toLowerCase(Locale.ROOT);
				if (t.equals("true") || t.equals("yes") || t.equals("on")) return true;
				if (t.equals("false") || t.equals("no") || t.equals("off")) return false;
				throw new IllegalArgumentException("must be true or false, not '" + text + "'");
			}

			@Override
			public String hint() { return "true|false"; }
		};
	}

	/** Any text, trimmed; written in brackets in macro options ({@link #isFreeText()}). */
	public static ValueType<String> text(String hint) {
		return new ValueType<String>(Kind.TEXT) {

			@Override
			public String parse(String text) { return text.trim(); }

			@Override
			public boolean isFreeText() { return true; }

			@Override
			public String hint() { return hint; }
		};
	}

	/**
	 * One of {@code choices} (matched ignoring case; the value is the choice as written here). An option may offer
	 * fewer of them to some operations ({@link Option#choices(Operation)}).
	 */
	public static ValueType<String> choice(String... choices) {
		return new ChoiceType(Arrays.asList(choices));
	}

	/** A colour: one of the named {@code choices}, or a hex value such as {@code #ff8000}. */
	public static ValueType<String> colour(String... choices) {
		return new ChoiceType(Arrays.asList(choices)) {

			@Override
			public String parse(String text) {
				String t = text.trim().toLowerCase(Locale.ROOT);
				if (t.matches("#[0-9a-f]{6}")) return t;
				try {
					return super.parse(text);
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("must be a colour name (" + String.join(", ", choices) +
						") or a hex value such as #ff8000, not '" + text + "'");
				}
			}
		};
	}

	/** Text that must not be empty (e.g. a model id), trimmed; written in brackets in macro options. */
	public static ValueType<String> nonEmptyText(String hint) {
		return new ValueType<String>(Kind.TEXT) {

			@Override
			public String parse(String text) {
				if (text.trim().isEmpty()) throw new IllegalArgumentException("must not be empty: give " + hint);
				return text.trim();
			}

			@Override
			public boolean isFreeText() { return true; }

			@Override
			public String hint() { return hint; }
		};
	}

	/** A file ({@link Kind#DIRECTORY}: a directory) path; empty text is no path ({@code null}). */
	public static ValueType<Path> path(Kind kind) {
		if (kind != Kind.FILE && kind != Kind.DIRECTORY) throw new IllegalArgumentException("A path is a file or a directory");
		return new ValueType<Path>(kind) {

			@Override
			public Path parse(String text) {
				String t = text.trim();
				if (t.isEmpty()) return null;
				try {
					return Paths.get(t);
				}
				catch (RuntimeException e) {
					throw new IllegalArgumentException("is not a valid path: '" + text + "'");
				}
			}

			@Override
			public String hint() { return kind == Kind.FILE ? "FILE" : "DIR"; }
		};
	}

	/**
	 * A value with its own textual form, parsed by {@code parse} (whose {@link IllegalArgumentException} message
	 * says what is accepted) and written by {@code format}.
	 */
	public static <T> ValueType<T> parsed(Function<String, T> parse, Function<T, String> format, String hint) {
		return new ValueType<T>(Kind.TEXT) {

			@Override
			public T parse(String text) { return parse.apply(text); }

			@Override
			public String format(T value) { return value == null ? "" : format.apply(value); }

			@Override
			public String hint() { return hint; }
		};
	}

	/**
	 * Whether values are free text (a model id or path, prompts), which macro options always put in brackets so that
	 * they read back whatever they hold.
	 */
	public boolean isFreeText() { return false; }

	/** The choices of a {@link Kind#CHOICE} type, in order; empty for other kinds. */
	public List<String> choices() { return Collections.emptyList(); }

	private static final class IntegerType extends ValueType<Integer> {

		private final int min, max;
		private final String hint;

		IntegerType(int min, int max, String hint) {
			super(Kind.INTEGER);
			this.min = min;
			this.max = max;
			this.hint = hint;
		}

		@Override
		public Integer parse(String text) {
			long value;
			try {
				value = Long.parseLong(text.trim());
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("must be a whole number, not '" + text + "'");
			}
			if (value < min || value > max) throw new IllegalArgumentException("must be " + range() + ", got " +
				text.trim());
			return (int) value;
		}

		private String range() {
			if (max == Integer.MAX_VALUE) return "at least " + min;
			return "in " + min + "-" + max;
		}

		@Override
		public String hint() {
			return hint != null ? hint : max == Integer.MAX_VALUE ? ">= " + min : min + "-" + max;
		}

		@Override
		public Double min() { return (double) min; }

		@Override
		public Double max() { return max == Integer.MAX_VALUE ? null : (double) max; }
	}

	private static final class NumberType extends ValueType<Double> {

		private final double min, max;

		NumberType(double min, double max) {
			super(Kind.NUMBER);
			this.min = min;
			this.max = max;
		}

		@Override
		public Double parse(String text) {
			double value;
			try {
				value = Double.parseDouble(text.trim());
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("must be a number, not '" + text + "'");
			}
			if (!Double.isFinite(value)) throw new IllegalArgumentException("must be a finite number, not '" + text.trim() +
				"'");
			if (value < min || value > max) throw new IllegalArgumentException("must be " + range() + ", got " + text
				.trim());
			return value;
		}

		private String range() {
			if (max == Double.MAX_VALUE) return "at least " + plain(min);
			return "in " + plain(min) + "-" + plain(max);
		}

		@Override
		public String format(Double value) { return value == null ? "" : plain(value); }

		@Override
		public String hint() { return max == Double.MAX_VALUE ? ">= " + plain(min) : plain(min) + "-" + plain(max); }

		@Override
		public Double min() { return min; }

		@Override
		public Double max() { return max == Double.MAX_VALUE ? null : max; }
	}

	private static class ChoiceType extends ValueType<String> {

		private final List<String> choices;

		ChoiceType(List<String> choices) {
			super(Kind.CHOICE);
			this.choices = Collections.unmodifiableList(choices);
		}

		@Override
		public String parse(String text) {
			return pick(choices, text);
		}

		@Override
		public String hint() { return String.join("|", choices); }

		@Override
		public List<String> choices() { return choices; }
	}

	/** The choice equal to {@code text} ignoring case and surrounding space. */
	static String pick(List<String> choices, String text) {
		for (String c : choices)
			if (c.equalsIgnoreCase(text.trim())) return c;
		throw new IllegalArgumentException("must be one of " + String.join(", ", choices) + ", not '" + text + "'");
	}

	/** A number without a needless {@code .0}: {@code 1} for 1.0, {@code 0.88} for 0.88. */
	static String plain(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
		return String.valueOf(v);
	}
}
