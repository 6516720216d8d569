package io.github.samfiji.options;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One setting, declared once in the {@link OptionTable}: its name (the macro key, the remembered preference and,
 * in camel case, the SciJava field), its command-line flag, label, {@link ValueType}, default, one-line
 * description, the operations that take it and the fronts that offer it. Dialogs, macro parsing, the command line
 * and its help, the SciJava field checks and the option documentation are all derived from it. Immutable.
 *
 * @param <T> the value's Java type
 */
public final class Option<T> {

	private final String name;
	private final String flag;
	private final String label;
	private final String description;
	private final ValueType<T> type;
	private final T defaultValue;
	private final Set<Operation> operations;
	private final Set<Front> fronts;
	private final Set<Front> requiredOn;
	private final Map<Operation, T> defaults;
	private final Map<Operation, List<String>> choices;
	private final boolean shared;
	private final boolean remembered;
	private final boolean perImage;
	private final boolean neutral;

	private Option(Builder<T> b) {
		this.name = b.name;
		this.flag = b.flag == null ? b.name.replace('_', '-') : b.flag;
		this.label = b.label;
		this.description = b.description;
		this.type = b.type;
		this.defaultValue = b.defaultValue;
		this.operations = Collections.unmodifiableSet(b.operations);
		this.fronts = Collections.unmodifiableSet(b.fronts);
		this.requiredOn = Collections.unmodifiableSet(b.requiredOn);
		this.defaults = Collections.unmodifiableMap(b.defaults);
		this.choices = Collections.unmodifiableMap(b.choices);
		this.shared = b.shared;
		this.remembered = b.remembered;
		this.perImage = b.perImage;
		this.neutral = b.neutral;
	}

	/** Starts the declaration of an option named {@code name} (snake case) of type {@code type}. */
	static <T> Builder<T> of(String name, ValueType<T> type) {
		return new Builder<>(name, type);
	}

	/** The macro key and preference name, e.g. {@code tile_size}. */
	public String name() { return name; }

	/** How {@code front} spells the option: {@code tile_size}, {@code tileSize} or {@code --tile-size}. */
	public String spelling(Front front) {
		switch (front) {
			case CLI:
				return "--" + flag;
			case SCIJAVA:
				return fieldName();
			default:
				return name;
		}
	}

	/** The command-line flag without its dashes, e.g. {@code tile-size}. */
	public String flag() { return flag; }

	/** The SciJava field name: the name in camel case, e.g. {@code tileSize}. */
	public String fieldName() {
		StringBuilder s = new StringBuilder();
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '_') upper = true;
			else {
				s.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return s.toString();
	}

	/** The label of a SciJava parameter and of the help, e.g. {@code Tile size}. */
	public String label() { return label; }

	/**
	 * The label of an ImageJ 1 dialog field, from which ImageJ derives the macro key: the name with a capital,
	 * e.g. {@code Tile_size}.
	 */
	public String dialogLabel() {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	public String description() { return description; }

	public ValueType<T> type() { return type; }

	/** Whether {@code operation} takes this option. */
	public boolean isTakenBy(Operation operation) { return operations.contains(operation); }

	/** The operations that take it, in declaration order. */
	public Set<Operation> operations() { return operations; }

	/** Whether {@code front} offers it. */
	public boolean isOn(Front front) { return fronts.contains(front); }

	/** Whether {@code front} needs it given (e.g. the command line's {@code --image}). */
	public boolean isRequiredOn(Front front) { return requiredOn.contains(front); }

	/** The default for {@code operation}. */
	public T defaultValue(Operation operation) {
		return defaults.containsKey(operation) ? defaults.get(operation) : defaultValue;
	}

	/** The values {@code operation} accepts, for choices; empty for other kinds. */
	public List<String> choices(Operation operation) {
		List<String> c = choices.get(operation);
		return c != null ? c : type.choices();
	}

	/**
	 * Whether the remembered value is shared by every operation (the model, threads, cache directory...) rather
	 * than remembered per operation.
	 */
	public boolean isShared() { return shared; }

	/** Whether a macro that leaves the option out takes the remembered value instead of the default. */
	public boolean isRemembered() { return remembered; }

	/**
	 * Whether the option names one image's own input (the image, its prompt or object file): in a batch it is a
	 * manifest column named after its flag, or, given as a flag, the same for every image.
	 */
	public boolean isPerImage() { return perImage; }

	/**
	 * Whether the value leaves what is computed unchanged (threads, a cache, where outputs or messages go): a batch
	 * re-runs an image when any other option changed, not when only these did.
	 */
	public boolean isNeutral() { return neutral; }

	/**
	 * Parses a value for {@code operation}.
	 *
	 * @param spelled the option as the user wrote it, for the message
	 * @throws IllegalArgumentException naming the option as spelled, what is wrong and what is accepted
	 */
	public T parse(Operation operation, String spelled, String text) {
		try {
			if (type.kind() == ValueType.Kind.CHOICE && choices.containsKey(operation)) {
				@SuppressWarnings("unchecked")
				T choice = (T) ValueType.pick(choices(operation), text);
				return choice;
			}
			return type.parse(text);
		}
		catch (IllegalArgumentException e) {
			String why = e.getMessage() == null ? "has a bad value '" + text + "'" : e.getMessage();
			throw new OptionException(spelled + (why.startsWith("must") || why.startsWith("is ") ? " " : ": ") + why);
		}
	}

	/** The text form of {@code value}, which {@link #parse} accepts. */
	public String format(T value) { return type.format(value); }

	@Override
	public String toString() { return name; }

	/** Declares an option; see {@link OptionTable}. */
	static final class Builder<T> {

		private final String name;
		private final ValueType<T> type;
		private String flag;
		private String label;
		private String description = "";
		private T defaultValue;
		private final Set<Operation> operations = EnumSet.noneOf(Operation.class);
		private final Set<Front> fronts = EnumSet.allOf(Front.class);
		private final Set<Front> requiredOn = EnumSet.noneOf(Front.class);
		private final Map<Operation, T> defaults = new EnumMap<>(Operation.class);
		private final Map<Operation, List<String>> choices = new EnumMap<>(Operation.class);
		private boolean shared;
		private boolean remembered;
		private boolean perImage;
		private boolean neutral;

		private Builder(String name, ValueType<T> type) {
			if (!name.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("Option names are snake case: " + name);
			this.name = name;
			this.type = type;
		}

		Builder<T> label(String text) {
			label = text;
			return this;
		}

		Builder<T> describe(String text) {
			description = text;
			return this;
		}

		Builder<T> defaultValue(T value) {
			defaultValue = value;
			return this;
		}

		/** The command-line flag when it is not the name with dashes. */
		Builder<T> flag(String text) {
			flag = text;
			return this;
		}

		Builder<T> in(Operation... ops) {
			Collections.addAll(operations, ops);
			return this;
		}

		/** Only these fronts offer the option. */
		Builder<T> only(Front... offered) {
			fronts.clear();
			Collections.addAll(fronts, offered);
			return this;
		}

		Builder<T> requiredOn(Front... fs) {
			Collections.addAll(requiredOn, fs);
			return this;
		}

		/** Another default for {@code op}. */
		Builder<T> defaultFor(Operation op, T value) {
			defaults.put(op, value);
			return this;
		}

		/** Fewer choices for {@code op}. */
		Builder<T> choicesFor(Operation op, String... values) {
			for (String v : values)
				ValueType.pick(type.choices(), v);
			choices.put(op, Collections.unmodifiableList(java.util.Arrays.asList(values)));
			return this;
		}

		/** One remembered value for every operation. */
		Builder<T> shared() {
			shared = true;
			return this;
		}

		/** Macros that leave the option out take the remembered value. */
		Builder<T> remembered() {
			remembered = true;
			return this;
		}

		/** One image's own input; see {@link Option#isPerImage()}. */
		Builder<T> perImage() {
			perImage = true;
			return this;
		}

		/** Does not change what is computed; see {@link Option#isNeutral()}. */
		Builder<T> neutral() {
			neutral = true;
			return this;
		}

		Option<T> build() {
			if (label == null) throw new IllegalStateException("Option " + name + " has no label");
			if (operations.isEmpty()) throw new IllegalStateException("Option " + name + " is taken by no operation");
			Option<T> option = new Option<>(this);
			OptionTable.register(option);
			return option;
		}
	}
}
