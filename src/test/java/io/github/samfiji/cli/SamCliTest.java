package io.github.samfiji.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.measure.Calibration;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionHelp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SamCli}: exit codes (0 success, 1 failure, 2 usage), messages, and the files of a good run. */
class SamCliTest {

	static final int W = 64, H = 48;

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
	private Path image;
	private Path prompts;

	@BeforeEach
	void files() throws IOException {
		ImagePlus imp = IjTestFixtures.grey8("cells", W, H, 1);
		Calibration cal = imp.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		cal.setUnit("micron");
		image = tmp.resolve("cells.tif");
		assertTrue(new FileSaver(imp).saveAsTiff(image.toString()));
		prompts = IjTestFixtures.writeCsv(tmp.resolve("prompts.csv"), "a,box,10,12,20,15,,", "b,box,40,5,8,9,,");
	}

	private int run(String... args) {
		SamCli cli = new SamCli(new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true,
			StandardCharsets.UTF_8));
		return cli.run(args);
	}

	private String out() { return new String(outBytes.toByteArray(), StandardCharsets.UTF_8); }

	private String err() { return new String(errBytes.toByteArray(), StandardCharsets.UTF_8); }

	/** The error message: the last line on stderr (progress lines come before it). */
	private String errorLine() {
		String[] lines = err().split("\\R");
		return lines[lines.length - 1];
	}

	private void assertUsageError(String message) {
		assertTrue(err().startsWith("sam: " + message + System.lineSeparator()), err());
		assertTrue(err().contains(OptionHelp.usage(Operation.SEGMENT)), "the operation's usage on stderr: " + err());
		assertEquals("", out());
	}

	@Test
	void noArgumentsPrintsUsageOnStderrAndExits2() {
		assertEquals(2, run());
		assertEquals(OptionHelp.overview() + ModelsCommand.USAGE + "\n", err());
		assertEquals("", out());
	}

	@Test
	void helpPrintsUsageOnStdoutAndExits0() {
		assertEquals(0, run("--help"));
		assertEquals(OptionHelp.overview() + ModelsCommand.USAGE + "\n", out());
		assertEquals("", err());
		assertTrue(out().contains("  segment     objects from point, box and mask prompts"), out());
	}

	@Test
	void unknownCommandExits2() {
		assertEquals(2, run("segmnt", "--image", image.toString()));
		assertEquals("sam: unknown operation 'segmnt'" + System.lineSeparator() + OptionHelp.overview(), err());
	}

	@Test
	void unknownOptionExits2() {
		assertEquals(2, run("segment", "--image", image.toString(), "--colour", "red"));
		assertUsageError("sam segment: unknown option --colour");
	}

	@Test
	void optionWithoutValueExits2() {
		assertEquals(2, run("segment", "--image"));
		assertUsageError("--image needs a value: --image FILE");
		errBytes.reset();
		assertEquals(2, run("segment", "image", "x"));
		assertUsageError("expected an option such as --image, got 'image'");
	}

	@Test
	void missingImageOptionExits2() {
		assertEquals(2, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--prompts", prompts
			.toString(), "--out", tmp.resolve("out").toString()));
		assertUsageError("sam segment needs --image FILE");
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void missingPromptsAndOutOptionsExit2() {
		assertEquals(2, run("segment", "--image", image.toString(), "--out", tmp.resolve("out").toString()));
		assertUsageError("sam segment needs --prompts FILE");
		errBytes.reset();
		assertEquals(2, run("segment", "--image", image.toString(), "--prompts", prompts.toString()));
		assertUsageError("sam segment needs --out DIR");
	}

	@Test
	void badThreadsExits2() {
		assertEquals(2, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--image", image.toString(),
			"--prompts", prompts.toString(), "--out", tmp.resolve("out").toString(), "--threads", "many"));
		assertUsageError("--threads must be a whole number, not 'many'");
	}

	@Test
	void missingImageFileExits1() {
		Path missing = tmp.resolve("nope.tif");
		assertEquals(1, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--image", missing.toString(),
			"--prompts", prompts.toString(), "--out", tmp.resolve("out").toString()));
		assertEquals("sam: Image not found: " + missing + System.lineSeparator(), err());
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void unreadableImageExits1() throws IOException {
		Path junk = Files.write(tmp.resolve("junk.tif"), "not a tiff".getBytes(StandardCharsets.UTF_8));
		assertEquals(1, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--image", junk.toString(),
			"--prompts", prompts.toString(), "--out", tmp.resolve("out").toString()));
		assertTrue(err().contains("sam: ImageJ cannot read " + junk + ": is it an image"), err());
	}

	@Test
	void missingModelExits1AndSaysHowToInstallIt() throws IOException {
		Path emptyStore = Files.createDirectory(tmp.resolve("models"));
		try (IjTestFixtures.SystemProperty store = new IjTestFixtures.SystemProperty("sam.models.dir", emptyStore
			.toString()))
		{
			assertEquals(1, run("segment", "--model", "nosuchmodel", "--image", image.toString(), "--prompts", prompts
				.toString(), "--out", tmp.resolve("out").toString()));
		}
		String err = errorLine();
		assertTrue(err.startsWith("sam: Model 'nosuchmodel' is not installed in " + emptyStore.toAbsolutePath()), err);
		assertTrue(err.contains("scripts/sam models install nosuchmodel"), err);
		assertFalse(Files.exists(tmp.resolve("out")), "nothing is written when the model is missing");
	}

	@Test
	void missingDescriptorFileExits1() {
		Path missing = tmp.resolve("absent.json");
		assertEquals(1, run("segment", "--model", missing.toString(), "--image", image.toString(), "--prompts", prompts
			.toString(), "--out", tmp.resolve("out").toString()));
		assertEquals("sam: Model descriptor not found: " + missing.toAbsolutePath(), errorLine());
	}

	@Test
	void promptsOutsideTheImageExit1() throws IOException {
		Path outside = IjTestFixtures.writeCsv(tmp.resolve("outside.csv"), "a,box,10,12,20,15,,", "far,box,100,100,5,5,,");
		assertEquals(1, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--image", image.toString(),
			"--prompts", outside.toString(), "--out", tmp.resolve("out").toString()));
		assertEquals("sam: Object 2 (far): box(100.0, 100.0, 5.0x5.0) lies outside the 64x48 image", errorLine());
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void promptOnMissingSliceExits1() throws IOException {
		Path onSlice3 = IjTestFixtures.writeCsv(tmp.resolve("slice.csv"), "a,box,10,12,20,15,,3");
		assertEquals(1, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--image", image.toString(),
			"--prompts", onSlice3.toString(), "--out", tmp.resolve("out").toString()));
		assertEquals("sam: Object 1 (a) is on slice 3, but the image has 1 slice(s)", errorLine());
	}

	@Test
	void badPromptFileExits1NamingTheLine() throws IOException {
		Path bad = IjTestFixtures.writeCsv(tmp.resolve("bad.csv"), "a,box,10,12,20,15,,", "b,circle,1,2,3,4,,");
		assertEquals(1, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--image", image.toString(),
			"--prompts", bad.toString(), "--out", tmp.resolve("out").toString()));
		assertEquals("sam: " + bad + ", line 3: kind must be 'point' or 'box', not 'circle'" + System.lineSeparator(),
			err());
	}

	@Test
	void goodRunWritesTheFourFilesAndExits0() throws IOException {
		Path out = tmp.resolve("out");
		assertEquals(0, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--image", image.toString(),
			"--prompts", prompts.toString(), "--out", out.toString(), "--threads", "1", "--multimask", "best",
			"--intensity", "auto"), err());
		assertTrue(out().matches("Embeddings: [01] encoded, [01] from memory, 0 from the disk cache\\R" +
			"Segment with Prompts: 2 object\\(s\\) in cells.tif; wrote labels.tif, RoiSet.zip, results.csv, overlay.png to " +
			java.util.regex.Pattern.quote(out.toString()) + "\\R"), out());
		assertTrue(err().contains("Encoding slice 1"), "progress goes to stderr: " + err());
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(out));
		ImagePlus labels = IJ.openImage(out.resolve(OutputWriter.LABELS).toString());
		assertEquals(ImagePlus.GRAY16, labels.getType());
		assertArrayEquals(IjTestFixtures.boxLabels(W, H, new int[] { 10, 12, 20, 15 }, new int[] { 40, 5, 8, 9 }),
			(short[]) labels.getProcessor().getPixels());
		assertEquals(0.5, labels.getCalibration().pixelWidth, 1e-12);
		assertEquals(List.of(IjTestFixtures.RESULTS_HEADER, "1,a,1,300,75,micron,0,0.9,,10,12,20,15,whole,75,auto",
			"2,b,1,72,18,micron,0,0.9,,40,5,8,9,whole,18,auto"), Files.readAllLines(out.resolve(OutputWriter.TABLE)));
	}

	@Test
	void roiSetPromptsWork() throws IOException {
		Path zip = tmp.resolve("RoiSet.zip");
		try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
			z.putNextEntry(new java.util.zip.ZipEntry("first.roi"));
			z.write(ij.io.RoiEncoder.saveAsByteArray(new Roi(40, 5, 8, 9)));
			z.putNextEntry(new java.util.zip.ZipEntry("second.roi"));
			z.write(ij.io.RoiEncoder.saveAsByteArray(new Roi(10, 12, 20, 15)));
		}
		Path out = tmp.resolve("out");
		assertEquals(0, run("segment", "--model", IjTestFixtures.descriptor().toString(), "--image", image.toString(),
			"--prompts", zip.toString(), "--out", out.toString()), err());
		List<String> csv = Files.readAllLines(out.resolve(OutputWriter.TABLE));
		assertEquals(3, csv.size());
		assertEquals("1,first,1,72,18,micron,0,0.9,,40,5,8,9,whole,18,auto", csv.get(1));
		assertEquals("2,second,1,300,75,micron,0,0.9,,10,12,20,15,whole,75,auto", csv.get(2));
	}

	@Test
	void modelIdResolvesInTheModelStore() throws IOException {
		Path out = tmp.resolve("out");
		try (IjTestFixtures.SystemProperty store = new IjTestFixtures.SystemProperty("sam.models.dir", IjTestFixtures
			.modelsDir().toString()))
		{
			assertEquals(0, run("segment", "--model", IjTestFixtures.MODEL_ID, "--image", image.toString(), "--prompts",
				prompts.toString(), "--out", out.toString()), err());
		}
		assertEquals(IjTestFixtures.outputFileNames(), IjTestFixtures.fileNames(out));
	}

	@Test
	void modelsListsTheStore() {
		try (IjTestFixtures.SystemProperty store = new IjTestFixtures.SystemProperty("sam.models.dir", IjTestFixtures
			.modelsDir().toString()))
		{
			assertEquals(0, run("models"), err());
		}
		assertTrue(out().startsWith("Model directory: " + IjTestFixtures.modelsDir().toAbsolutePath() + System
			.lineSeparator() + "  tiny  Tiny test model (ij tests): pooling encoder, analytic box/point decoder" + System
				.lineSeparator() + "Catalogue (sam models install ID; a licence marked 'must be accepted' needs " +
				"--accept-license):" + System.lineSeparator()), out());
		assertTrue(out().contains(System.lineSeparator() + "  sam-vit-b  (Apache-2.0)  Segment Anything ViT-B"), out());
	}
}
