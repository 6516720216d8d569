package io.github.samfiji.options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits command-line words into flags: {@code --name value}, {@code --name=value}, and yes/no flags alone or
 * followed by true or false. Which flags are yes/no comes from the options they name.
 */
public final class CliFlags {

	private CliFlags() {}

	/**
	 * The flags of {@code args} from index {@code from} on, by name without dashes, each with its text ({@code null}
	 * for a flag given alone); {@code null} when {@code --help} or {@code -h} is among them.
	 *
	 * @param lookup the option a name (without dashes) stands for; throws {@link OptionException} for an unknown name
	 * @param example a flag to show in the message for a word that is not a flag, e.g. {@code --image}
	 * @throws OptionException for a word that is not a flag, a flag given twice, or one {@code lookup} refuses
	 */
	public static Map<String, String> parse(String[] args, int from, Function<String, Option<?>> lookup,
		String example)
	{
		Map<String, String> flags = new LinkedHashMap<>();
		for (int i = from; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) return null;
			if (!arg.startsWith("--") || arg.length() == 2) throw new OptionException("expected an option such as " +
				example + ", got '" + arg + "'");
			String name = arg.substring(2), value = null;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			boolean yesNo = lookup.apply(name).type().kind() == ValueType.Kind.BOOLEAN;
			if (value == null && i + 1 < args.length && (!yesNo || args[i + 1].matches("(?i)true|false")) && !args[i + 1]
				.startsWith("--")) value = args[++i];
			if (flags.containsKey(name)) throw new OptionException("--" + name + " is given twice");
			flags.put(name, value);
		}
		return flags;
	}
}
