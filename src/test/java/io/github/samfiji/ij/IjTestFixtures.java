package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shared fixtures of the ImageJ-side tests (packages {@code ij}, {@code cli}, {@code command}, {@code plugin}): the
 * tiny test model (descriptor {@code ij-fixtures/models/tiny/model.json}, whose ONNX files are those of
 * {@code tiny/}, copied beside it by the build), images with a known pattern, prompt CSV files, expected label planes and pixel snapshots.
 * <p>
 * The tiny model's box decoder labels exactly the pixels whose centres lie in the box; for a box with integer
 * corners {@code (x, y, w, h)} that is columns {@code x..x+w-1} and rows {@code y..y+h-1}.
 */
public final class IjTestFixtures {

	/** The model id of the fixture descriptor inside {@link #modelsDir()}. */
	public static final String MODEL_ID = "tiny";
	public static final String CSV_HEADER = "object,kind,x,y,width,height,label,slice";
	public static final String RESULTS_HEADER =
		"object,name,slice,area,area_calibrated,unit,overlap,predicted_iou,stability_score,bbox_x,bbox_y,bbox_width,bbox_height,region,volume_calibrated,intensity";

	private IjTestFixtures() {}

	/** The fixture model directory (a model store root holding {@code tiny/model.json}). */
	public static Path modelsDir() {
		return descriptor().getParent().getParent();
	}

	/** The tiny model's descriptor, on disk (in target/test-classes). */
	public static Path descriptor() {
		URL url = IjTestFixtures.class.getResource("/ij-fixtures/models/tiny/model.json");
		if (url == null) throw new IllegalStateException("Test resource ij-fixtures/models/tiny/model.json is missing");
		try {
			Path p = Paths.get(url.toURI());
			assertTrue(Files.isRegularFile(p.getParent().resolve("tiny_encoder.onnx")),
				"the build copies the tiny encoder beside the fixture descriptor (pom.xml, testResources)");
			return p;
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** An 8-bit image (or stack) with a deterministic, non-constant pattern. */
	public static ImagePlus grey8(String title, int width, int height, int slices) {
		ImageStack stack = new ImageStack(width, height);
		for (int s = 1; s <= slices; s++) {
			ByteProcessor bp = new ByteProcessor(width, height);
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++)
					bp.set(x, y, (x * 3 + y * 5 + s * 17) & 0xff);
			stack.addSlice("slice-" + s, bp);
		}
		return new ImagePlus(title, stack);
	}

	/** Writes a prompt CSV: the standard header, then the rows. */
	public static Path writeCsv(Path file, String... rows) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(CSV_HEADER);
		lines.addAll(Arrays.asList(rows));
		Files.write(file, lines, StandardCharsets.UTF_8);
		return file;
	}

	/**
	 * The expected label plane for boxes {@code {x, y, w, h}} with integer corners, labelled 1, 2, ... in order; a
	 * pixel covered by several boxes keeps the lowest label.
	 */
	public static short[] boxLabels(int width, int height, int[]... boxes) {
		short[] labels = new short[width * height];
		for (int b = 0; b < boxes.length; b++) {
			int[] box = boxes[b];
			for (int y = box[1]; y < box[1] + box[3]; y++)
				for (int x = box[0]; x < box[0] + box[2]; x++)
					if (labels[y * width + x] == 0) labels[y * width + x] = (short) (b + 1);
		}
		return labels;
	}

	/** Deep copies of every stack plane's pixel array. */
	public static Object[] snapshot(ImagePlus image) {
		ImageStack stack = image.getStack();
		Object[] copy = new Object[stack.getSize()];
		for (int s = 1; s <= stack.getSize(); s++) {
			Object p = stack.getPixels(s);
			if (p instanceof byte[]) copy[s - 1] = ((byte[]) p).clone();
			else if (p instanceof short[]) copy[s - 1] = ((short[]) p).clone();
			else if (p instanceof float[]) copy[s - 1] = ((float[]) p).clone();
			else copy[s - 1] = ((int[]) p).clone();
		}
		return copy;
	}

	/** Asserts that the image's pixels equal a {@link #snapshot}. */
	public static void assertPixelsUnchanged(Object[] before, ImagePlus image) {
		ImageStack stack = image.getStack();
		assertEquals(before.length, stack.getSize(), "stack size changed");
		for (int s = 1; s <= stack.getSize(); s++) {
			Object p = stack.getPixels(s);
			if (p instanceof byte[]) assertArrayEquals((byte[]) before[s - 1], (byte[]) p, "slice " + s + " changed");
			else if (p instanceof short[]) assertArrayEquals((short[]) before[s - 1], (short[]) p, "slice " + s +
				" changed");
			else if (p instanceof float[]) assertArrayEquals((float[]) before[s - 1], (float[]) p, "slice " + s +
				" changed");
			else assertArrayEquals((int[]) before[s - 1], (int[]) p, "slice " + s + " changed");
		}
	}

	/** The names of the files in a directory, sorted. */
	public static List<String> fileNames(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	/** The four output files, sorted by name. */
	public static List<String> outputFileNames() {
		return Arrays.asList(OutputWriter.ROIS, OutputWriter.LABELS, OutputWriter.OVERLAY, OutputWriter.TABLE).stream()
			.sorted().collect(Collectors.toList());
	}

	/** Sets a system property for the duration of a test; {@link #close()} restores the previous value. */
	public static final class SystemProperty implements AutoCloseable {

		private final String key;
		private final String previous;

		public SystemProperty(String key, String value) {
			this.key = key;
			this.previous = System.getProperty(key);
			System.setProperty(key, value);
		}

		@Override
		public void close() {
			if (previous == null) System.clearProperty(key);
			else System.setProperty(key, previous);
		}
	}
}
