package io.github.samfiji.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import io.github.samfiji.options.Front;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.Option;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.ValueType.Kind;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

/**
 * Holds every SciJava command's parameters to the option table, so that they cannot drift from the dialogs, macros
 * and command line: the same names, labels, descriptions, defaults, choices and bounds.
 */
class CommandParametersTest {

	private static final Map<Class<?>, Operation> COMMANDS = new LinkedHashMap<>();

	static {
		COMMANDS.put(SegmentWithPromptsCommand.class, Operation.SEGMENT);
		COMMANDS.put(SegmentEverythingCommand.class, Operation.EVERYTHING);
		COMMANDS.put(RefineWithSamCommand.class, Operation.REFINE);
		COMMANDS.put(PropagateObjectsCommand.class, Operation.PROPAGATE);
		COMMANDS.put(SegmentObjectCommand.class, Operation.OBJECT);
		COMMANDS.put(EvaluateSegmentationCommand.class, Operation.EVALUATE);
	}

	@Test
	void everyCommandHasExactlyTheTablesOptions() {
		for (Map.Entry<Class<?>, Operation> c : COMMANDS.entrySet()) {
			TreeSet<String> fields = new TreeSet<>(), options = new TreeSet<>();
			for (Field f : optionFields(c.getKey()))
				fields.add(f.getName());
			for (Option<?> o : OptionTable.of(c.getValue(), Front.SCIJAVA))
				options.add(o.fieldName());
			assertEquals(options, fields, c.getKey().getSimpleName());
		}
	}

	@Test
	void labelsDescriptionsDefaultsChoicesAndBoundsAreTheTables() throws Exception {
		for (Map.Entry<Class<?>, Operation> c : COMMANDS.entrySet()) {
			Object command = c.getKey().getDeclaredConstructor().newInstance();
			for (Option<?> o : OptionTable.of(c.getValue(), Front.SCIJAVA))
				assertField(command, c.getValue(), o);
		}
	}

	private static <T> void assertField(Object command, Operation op, Option<T> o) throws Exception {
		Field f = field(command.getClass(), o.fieldName());
		Parameter p = f.getAnnotation(Parameter.class);
		String where = command.getClass().getSimpleName() + "." + f.getName();
		assertEquals(o.label(), p.label(), where + " label");
		assertEquals(o.description(), p.description(), where + " description");
		List<String> choices = o.type().kind() == Kind.CHOICE ? o.choices(op) : Collections.emptyList();
		assertEquals(choices, Arrays.asList(p.choices()), where + " choices");
		f.setAccessible(true);
		Object value = f.get(command);
		T expected = o.defaultValue(op);
		if (expected == null) {
			assertNull(value, where + " default");
			assertTrue(!p.required(), where + " must not be required (it has no default)");
		}
		else assertEquals(expected, o.parse(op, where, value instanceof File ? ((File) value).getPath() : String.valueOf(
			value)), where + " default");
		if (!p.min().isEmpty()) assertEquals(o.type().min(), Double.valueOf(p.min()), where + " min");
		if (!p.max().isEmpty()) assertEquals(o.type().max(), Double.valueOf(p.max()), where + " max");
		if (o.type().kind() == Kind.DIRECTORY) assertEquals("directory", p.style(), where + " style");
	}

	private static Field field(Class<?> type, String name) throws NoSuchFieldException {
		for (Class<?> c = type; c != null; c = c.getSuperclass())
			for (Field f : c.getDeclaredFields())
				if (f.getName().equals(name)) return f;
		throw new NoSuchFieldException(type.getSimpleName() + "." + name);
	}

	/** The parameters that are options, the superclasses' included: not services, not images, not outputs. */
	private static List<Field> optionFields(Class<?> type) {
		List<Field> fields = new java.util.ArrayList<>();
		for (Class<?> c = type; c != null; c = c.getSuperclass()) for (Field f : c.getDeclaredFields()) {
			Parameter p = f.getAnnotation(Parameter.class);
			if (p == null || p.type() == ItemIO.OUTPUT || p.type() == ItemIO.BOTH || Service.class.isAssignableFrom(f.getType()) || f.getType() == org.scijava.Context.class || f
				.getType() == ImagePlus.class) continue;
			fields.add(f);
		}
		return fields;
	}
}
