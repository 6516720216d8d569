package io.github.samfiji.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OptionTableTest {

	@Test
	void eachFrontSpellsEachOptionOfAnOperationOnce() {
		for (Operation op : Operation.values())
			for (Front front : Front.values()) {
				Set<String> seen = new HashSet<>();
				for (Option<?> o : OptionTable.of(op, front))
					assertTrue(seen.add(o.spelling(front).toLowerCase()), op + " on " + front + " has two " + o.spelling(
						front));
			}
	}

	@Test
	void everyDefaultReadsBackAsItself() {
		for (Option<?> o : OptionTable.all())
			for (Operation op : o.operations())
				assertRoundTrip(o, op);
	}

	private static <T> void assertRoundTrip(Option<T> o, Operation op) {
		T d = o.defaultValue(op);
		if (d == null) return;
		assertEquals(d, o.parse(op, o.name(), o.format(d)), o + " for " + op);
		if (o.type().kind() == ValueType.Kind.CHOICE) assertTrue(o.choices(op).contains(d), o + " default " + d +
			" is not among its choices for " + op);
	}

	@Test
	void commonOptionsReachEveryOperationThatRunsTheModel() {
		for (Option<?> o : new Option<?>[] { OptionTable.MODEL, OptionTable.DEVICE, OptionTable.THREADS,
			OptionTable.CACHE_DIRECTORY, OptionTable.INTENSITY, OptionTable.ENCODING })
			for (Operation op : Operation.values())
				assertTrue(o.isTakenBy(op) || op == Operation.EVALUATE || op == Operation.BATCH, op + " does not take " + o);
		for (Operation op : OptionHelp.CLI_OPERATIONS)
			assertTrue(OptionTable.CHANNEL.isTakenBy(op) || op == Operation.EVALUATE, op + " does not take channel");
	}

	@Test
	void namesDeriveTheSpellingsOfEachFront() {
		Option<Integer> o = OptionTable.TILE_SIZE;
		assertEquals("tile_size", o.spelling(Front.FIJI));
		assertEquals("tileSize", o.spelling(Front.SCIJAVA));
		assertEquals("--tile-size", o.spelling(Front.CLI));
		assertEquals("Tile_size", o.dialogLabel());
		assertEquals("--cache-dir", OptionTable.CACHE_DIRECTORY.spelling(Front.CLI));
		assertEquals("cacheDirectory", OptionTable.CACHE_DIRECTORY.spelling(Front.SCIJAVA));
	}

	@Test
	void choicesCanBeNarrowerForAnOperation() {
		assertEquals("[auto, whole, tiles]", OptionTable.ENCODING.choices(Operation.EVERYTHING).toString());
		assertEquals("[auto, whole, crop, tiles]", OptionTable.ENCODING.choices(Operation.SEGMENT).toString());
		assertEquals("best", OptionTable.BOX_MULTIMASK.defaultValue(Operation.PROPAGATE));
		assertEquals("single", OptionTable.BOX_MULTIMASK.defaultValue(Operation.SEGMENT));
		assertFalse(OptionTable.CROP_MARGIN.isTakenBy(Operation.EVERYTHING));
	}

	@Test
	void threadsAreBoundedToFourPerCore() {
		assertEquals(4.0 * Runtime.getRuntime().availableProcessors(), OptionTable.THREADS.type().max());
	}
}
