package io.github.samfiji.ij;

import ij.Prefs;
import ij.gui.GenericDialog;

import io.github.samfiji.options.Front;
import io.github.samfiji.options.MacroOptionText;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.Option;
import io.github.samfiji.options.OptionException;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;
import io.github.samfiji.options.ValueType.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An operation's options on the Fiji front, all from the {@link OptionTable}: macro options, the dialog (which the
 * Macro Recorder records) and the values it remembers in the ImageJ preferences ({@code samfiji.NAME} for options
 * shared by every operation, {@code samfiji.OPERATION.NAME} for the others).
 */
public final class FijiOptions {

	private static final String PREFS = "samfiji.";
	private static final String HELP = "https://github.com/samfiji/segment-anything-fiji/blob/main/docs/options.md";

	private FijiOptions() {}

	/**
	 * Parses macro options as ImageJ records them: a yes/no option left out is no; a remembered option left out (the
	 * model, the cache directory) takes its remembered value; the others their defaults.
	 *
	 * @throws OptionException for a key the operation does not take, or a bad value
	 */
	public static OptionValues fromMacro(Operation operation, String options) {
		Map<String, String> given = MacroOptionText.parse(options);
		return OptionValues.parse(operation, Front.FIJI, given, o -> o.type().kind() == Kind.BOOLEAN ? "false" : o
			.isRemembered() ? Prefs.get(key(operation, o), null) : null);
	}

	/**
	 * Parses macro options that change some values: keys left out keep {@code base}'s values (for options commands
	 * such as "SAM Options...").
	 */
	public static OptionValues fromMacro(String options, OptionValues base) {
		return OptionValues.parse(base.operation(), Front.FIJI, MacroOptionText.parse(options), o -> textOf(base, o));
	}

	/** The remembered values (defaults where nothing, or something no longer valid, is remembered). */
	public static OptionValues remembered(Operation operation) {
		OptionValues v = OptionValues.defaults(operation);
		for (Option<?> o : OptionTable.of(operation, Front.FIJI))
			v = rememberedValue(v, o);
		return v;
	}

	private static <T> OptionValues rememberedValue(OptionValues v, Option<T> o) {
		String text = Prefs.get(key(v.operation(), o), null);
		if (text == null) return v;
		try {
			return v.with(o, o.parse(v.operation(), o.name(), text));
		}
		catch (IllegalArgumentException e) {
			return v; // an edited preferences file, or a value of an older version
		}
	}

	/** Remembers the values of the Fiji front's options. */
	public static void remember(OptionValues v) {
		for (Option<?> o : OptionTable.of(v.operation(), Front.FIJI))
			Prefs.set(key(v.operation(), o), v.text(o));
	}

	/**
	 * Shows the operation's dialog, filled with {@code initial}; returns the values chosen (and remembers them), or
	 * {@code null} when the user cancels.
	 *
	 * @param choices fields shown as a choice of these values instead of their own (e.g. installed models)
	 * @param hidden options not shown (they keep {@code initial}'s values)
	 * @throws OptionException for a bad value typed in the dialog
	 */
	public static OptionValues dialog(String title, OptionValues initial, Map<Option<?>, List<String>> choices,
		Set<Option<?>> hidden)
	{
		Operation op = initial.operation();
		List<Option<?>> shown = new ArrayList<>();
		for (Option<?> o : OptionTable.of(op, Front.FIJI))
			if (!hidden.contains(o)) shown.add(o);
		GenericDialog gd = new GenericDialog(title);
		for (Option<?> o : shown)
			addField(gd, initial, o, choices.get(o));
		gd.addHelp(HELP);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		OptionValues v = initial;
		for (Option<?> o : shown)
			v = read(gd, v, o, choices.containsKey(o));
		remember(v);
		return v;
	}

	/** The same without special choices or hidden fields. */
	public static OptionValues dialog(String title, OptionValues initial) {
		return dialog(title, initial, Collections.emptyMap(), Collections.emptySet());
	}

	private static void addField(GenericDialog gd, OptionValues v, Option<?> o, List<String> choices) {
		String label = o.dialogLabel(), text = v.text(o);
		if (choices == null && o.type().kind() == Kind.CHOICE) choices = o.choices(v.operation());
		if (choices != null) {
			List<String> c = new ArrayList<>(choices);
			if (!c.contains(text)) c.add(0, text);
			gd.addChoice(label, c.toArray(new String[0]), text);
			return;
		}
		switch (o.type().kind()) {
			case BOOLEAN:
				gd.addCheckbox(label, Boolean.parseBoolean(text));
				break;
			case INTEGER:
				gd.addNumericField(label, Double.parseDouble(text), 0, 8, "");
				break;
			case NUMBER:
				gd.addNumericField(label, Double.parseDouble(text), decimals(text), 8, "");
				break;
			case FILE:
				gd.addFileField(label, text);
				break;
			case DIRECTORY:
				gd.addDirectoryField(label, text);
				break;
			default:
				gd.addStringField(label, text, 24);
		}
	}

	private static <T> OptionValues read(GenericDialog gd, OptionValues v, Option<T> o, boolean asChoice) {
		String text;
		if (asChoice || o.type().kind() == Kind.CHOICE) text = gd.getNextChoice();
		else switch (o.type().kind()) {
			case BOOLEAN:
				text = String.valueOf(gd.getNextBoolean());
				break;
			case INTEGER:
			case NUMBER:
				double d = gd.getNextNumber();
				text = Double.isNaN(d) ? "NaN" : d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String
					.valueOf(d);
				break;
			default:
				text = gd.getNextString();
		}
		return v.with(o, o.parse(v.operation(), o.name(), text));
	}

	private static int decimals(String text) {
		int dot = text.indexOf('.');
		return dot < 0 ? 2 : Math.max(2, Math.min(4, text.length() - dot - 1));
	}

	private static String key(Operation operation, Option<?> o) {
		return PREFS + (o.isShared() ? "" : operation.key() + ".") + o.name();
	}

	private static <T> String textOf(OptionValues v, Option<T> o) {
		return v.options().contains(o) ? v.text(o) : null;
	}
}
