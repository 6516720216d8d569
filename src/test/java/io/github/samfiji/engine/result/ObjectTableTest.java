package io.github.samfiji.engine.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The per-object table: one row per object, overlap from the label composition, CSV with a header. */
class ObjectTableTest {

	private static SegmentedObject object(int id, String name, int slice, float iou, int x, int y, int w, int h) {
		boolean[] plane = new boolean[10 * 8];
		for (int j = y; j < y + h; j++)
			for (int i = x; i < x + w; i++)
				plane[j * 10 + i] = true;
		ObjectPrompt prompt = ObjectPrompt.builder().box(x, y, w, h).slice(slice).name(name).build();
		// object 3 stands for segment everything on tiles, which measures a stability score and records its tile
		return new SegmentedObject(id, prompt, ObjectMask.of(plane, 10, 8), iou, null, id == 3 ? 0.96f : Float.NaN,
			id == 3 ? "tile:0,0,5,8" : null);
	}

	private static SegmentationResult result() {
		// objects 1 and 2 overlap on slice 1 (2x2 pixels); object 3 is on slice 2 at the same place as object 2
		return new SegmentationResult(10, 8, 2, Arrays.asList(object(1, "nucleus, left", 1, 0.9f, 0, 0, 4, 4), object(2,
			null, 1, 0.75f, 2, 2, 3, 3), object(3, "say \"hi\"", 2, 0.5f, 2, 2, 3, 3)), true);
	}

	@Test
	void rowsHoldValuesInColumnOrder() {
		ObjectTable table = new ObjectTable(result(), 0.5, "µm");
		assertEquals(16, ObjectTable.COLUMNS.size());
		assertArrayEquals(new Object[] { 1, "nucleus, left", 1, 16, 8.0, "µm", 0, (double) 0.9f, "", 0, 0, 4, 4, "", 8.0, "" }, table
			.rows().get(0));
		assertArrayEquals(new Object[] { 2, "object-0002", 1, 9, 4.5, "µm", 4, (double) 0.75f, "", 2, 2, 3, 3, "", 4.5, "" }, table.rows()
			.get(1));
		// the same mask on another plane does not overlap
		assertArrayEquals(new Object[] { 3, "say \"hi\"", 2, 9, 4.5, "µm", 0, (double) 0.5f, (double) 0.96f, 2, 2, 3,
			3, "tile:0,0,5,8", 4.5, "" }, table.rows().get(2));
	}

	@Test
	void csvQuotesTextWithCommasOrQuotesAndFormatsNumbers() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ObjectTable(result(), 1, "pixel").writeCsv(out);
		String expected = ObjectTable.HEADER + "\n" +
			"1,\"nucleus, left\",1,16,16,pixel,0,0.9,,0,0,4,4,,16,\n" +
			"2,object-0002,1,9,9,pixel,4,0.75,,2,2,3,3,,9,\n" +
			"3,\"say \"\"hi\"\"\",2,9,9,pixel,0,0.5,0.96,2,2,3,3,\"tile:0,0,5,8\",9,\n";
		assertEquals(expected, new String(out.toByteArray(), StandardCharsets.UTF_8));
	}

	@Test
	void labelStackHasOnePlanePerSlice() {
		SegmentationResult.LabelStack labels = result().labels();
		assertEquals(2, labels.planeCount());
		assertEquals(10, labels.width());
		assertEquals(8, labels.height());
		assertEquals(1, labels.plane(1)[3 * 10 + 3]); // shared pixel goes to object 1
		assertEquals(2, labels.plane(1)[4 * 10 + 4]);
		assertEquals(3, labels.plane(2)[3 * 10 + 3]);
		assertEquals(0, labels.plane(2)[0]);
	}

	@Test
	void objectsOnASliceKeepObjectOrder() {
		SegmentationResult r = result();
		assertEquals(2, r.objectsOn(1).size());
		assertEquals(3, r.objectsOn(2).get(0).id());
		assertEquals(0, r.objectsOn(3).size());
	}

	@Test
	void csvWritesLargeAndSmallCalibratedAreasWithoutExponent() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ObjectTable(result(), 123456.789, "nm").writeCsv(out);
		String first = new String(out.toByteArray(), StandardCharsets.UTF_8).split("\n")[1];
		assertEquals("1,\"nucleus, left\",1,16,1975308.624,nm,0,0.9,,0,0,4,4,,1975308.624,", first);
		out.reset();
		new ObjectTable(result(), 0.0000125, "mm").writeCsv(out);
		assertEquals("1,\"nucleus, left\",1,16,0.0002,mm,0,0.9,,0,0,4,4,,0.0002,", new String(out.toByteArray(),
			StandardCharsets.UTF_8).split("\n")[1]);
	}

	@Test
	void nonFiniteNumbersAreWrittenAsNaNAndInf() throws IOException {
		// a broken model gives NaN scores; a crafted calibration infinite areas: the table is written all the same
		SegmentationResult r = new SegmentationResult(10, 8, 1, Arrays.asList(object(1, "a", 1, Float.NaN, 0, 0, 4, 4),
			object(2, "b", 1, Float.POSITIVE_INFINITY, 5, 5, 2, 2)), true);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ObjectTable(r, r.labels(), Double.POSITIVE_INFINITY, Double.NaN, "µm", "auto").writeCsv(out);
		String[] lines = new String(out.toByteArray(), StandardCharsets.UTF_8).split("\n");
		assertEquals("1,a,1,16,Inf,µm,0,NaN,,0,0,4,4,,NaN,auto", lines[1]);
		assertEquals("2,b,1,4,Inf,µm,0,Inf,,5,5,2,2,,NaN,auto", lines[2]);
		out.reset();
		new ObjectTable(r, r.labels(), Double.NEGATIVE_INFINITY, 1, "µm", "auto").writeCsv(out);
		assertEquals("1,a,1,16,-Inf,µm,0,NaN,,0,0,4,4,,-Inf,auto", new String(out.toByteArray(), StandardCharsets.UTF_8)
			.split("\n")[1]);
	}
}
