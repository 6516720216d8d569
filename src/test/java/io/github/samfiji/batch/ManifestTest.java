package io.github.samfiji.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.options.Operation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

	@TempDir
	Path dir;

	private Path manifest(String... lines) throws IOException {
		Files.createDirectories(dir.resolve("sub"));
		return Files.write(dir.resolve("sub").resolve("m.csv"), Arrays.asList(lines));
	}

	@Test
	void pathsAreRelativeToTheManifestUrisStayAsTheyAreAndNamesComeFromFileNames() throws IOException {
		List<BatchRow> rows = Manifest.read(manifest("# plate 1", "Image,prompts,name", "a/x.tif,p/x.csv,",
			"", "\"/abs/with, comma.png\",/abs/p.csv,well-B2", "hdfs://nn:8020/data/y.ome.tif,s3a://bucket/y.csv,",
			"file:///data/z.tif,../z.csv,"), Operation.SEGMENT, Collections.emptyMap());
		Path sub = dir.resolve("sub");
		assertEquals(Arrays.asList(sub.resolve("a/x.tif").toString(), "/abs/with, comma.png",
			"hdfs://nn:8020/data/y.ome.tif", "/data/z.tif"), images(rows));
		assertEquals(Arrays.asList("x", "well-B2", "y.ome", "z"), names(rows));
		assertEquals(Arrays.asList(sub.resolve("p/x.csv").toString(), "/abs/p.csv", "s3a://bucket/y.csv", dir.resolve(
			"z.csv").toString()), prompts(rows));
		assertEquals(Arrays.asList(1, 2, 3, 4), Arrays.asList(rows.get(0).number(), rows.get(1).number(), rows.get(2)
			.number(), rows.get(3).number()));
	}

	@Test
	void aFlagGivesEveryRowWithoutItsOwnFile() throws IOException {
		List<BatchRow> rows = Manifest.read(manifest("image,prompts", "a.tif,", "b.tif,own.csv"), Operation.SEGMENT,
			Collections.singletonMap("prompts", "/all.csv"));
		assertEquals(Arrays.asList("/all.csv", dir.resolve("sub/own.csv").toString()), prompts(rows));
		assertEquals(Collections.emptyMap(), Manifest.read(manifest("image", "a.tif"), Operation.EVERYTHING,
			Collections.emptyMap()).get(0).inputs());
	}

	@Test
	void badManifestsSayWhatToFix() throws IOException {
		Path m = manifest("image,objects", "a.tif,l.tif");
		assertEquals(m + ": unknown column 'objects'; the columns of sam batch segment are image, prompts, name",
			message(m, Operation.SEGMENT));
		m = manifest("objects", "l.tif");
		assertEquals(m + " has no column image: its first line names the columns, e.g. image,objects,name", message(m,
			Operation.REFINE));
		m = manifest("image", "a/x.tif", "b/x.png");
		assertEquals(m + ": row 1 (" + dir.resolve("sub/a/x.tif") + ") and row 2 (" + dir.resolve("sub/b/x.png") +
			") would both write to the folder x: give them different names (column name)", message(m,
				Operation.EVERYTHING));
		m = manifest("image,name", "a.tif,status.csv");
		assertEquals(m + ": row 1 (" + dir.resolve("sub/a.tif") + ") cannot write to a folder named 'status.csv': a " +
			"name is a plain folder name, not hidden, not status.csv or objects.csv", message(m, Operation.EVERYTHING));
		m = manifest("image", "\"a.tif");
		assertEquals(m + " line 2: a quote is not closed", message(m, Operation.EVERYTHING));
		m = manifest("image");
		assertEquals(m + " lists no image", message(m, Operation.EVERYTHING));
	}

	@Test
	void aFolderGivesItsMatchingFilesInNameOrder() throws IOException {
		for (String f : new String[] { "b.tif", "a.tif", "c.png", ".hidden.tif" })
			Files.write(dir.resolve(f), new byte[1]);
		Files.createDirectories(dir.resolve("d.tif"));
		List<BatchRow> rows = Manifest.folder(dir, "*.{tif,tiff}", Operation.EVERYTHING, Collections.emptyMap());
		assertEquals(Arrays.asList("a", "b"), names(rows));
		assertEquals("No file in " + dir + " matches --glob *.jpg", assertThrows(IllegalArgumentException.class,
			() -> Manifest.folder(dir, "*.jpg", Operation.EVERYTHING, Collections.emptyMap())).getMessage());
		assertEquals("--images " + dir + ": row 1 (" + dir.resolve("a.tif") + ") has no prompts: fill its prompts " +
			"column or give --prompts for every image", assertThrows(IllegalArgumentException.class, () -> Manifest.folder(
				dir, "*.tif", Operation.PROPAGATE, Collections.emptyMap())).getMessage());
	}

	private String message(Path m, Operation op) {
		return assertThrows(IllegalArgumentException.class, () -> Manifest.read(m, op, Collections.emptyMap()))
			.getMessage();
	}

	private static List<String> images(List<BatchRow> rows) {
		return rows.stream().map(BatchRow::image).collect(java.util.stream.Collectors.toList());
	}

	private static List<String> names(List<BatchRow> rows) {
		return rows.stream().map(BatchRow::name).collect(java.util.stream.Collectors.toList());
	}

	private static List<String> prompts(List<BatchRow> rows) {
		return rows.stream().map(r -> r.inputs().get("prompts")).collect(java.util.stream.Collectors.toList());
	}

}
