package io.github.samfiji.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/**
 * The option reference ({@code docs/options.md}) and the README's option summary are generated from the table and
 * must match it. Regenerate both with {@code mvn -o -q test -Dtest=OptionDocsTest -Dsam.writeDocs=true}.
 */
class OptionDocsTest {

	private static final Path REFERENCE = Paths.get("docs", "options.md");
	private static final Path README = Paths.get("README.md");
	static final String BEGIN = "<!-- options: generated from OptionTable, do not edit -->";
	static final String END = "<!-- options: end -->";

	@Test
	void theOptionReferenceIsUpToDate() throws IOException {
		if (Boolean.getBoolean("sam.writeDocs")) Files.write(REFERENCE, OptionHelp.markdown().getBytes(
			StandardCharsets.UTF_8));
		assertEquals(OptionHelp.markdown(), new String(Files.readAllBytes(REFERENCE), StandardCharsets.UTF_8),
			"docs/options.md is out of date: run mvn -o -q test -Dtest=OptionDocsTest -Dsam.writeDocs=true");
	}

	@Test
	void theReadmeSummaryIsUpToDate() throws IOException {
		String readme = new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
		int begin = readme.indexOf(BEGIN), end = readme.indexOf(END);
		assertTrue(begin >= 0 && end > begin, "README.md has no generated option summary");
		String updated = readme.substring(0, begin + BEGIN.length()) + "\n" + OptionHelp.summary() + readme.substring(
			end);
		if (Boolean.getBoolean("sam.writeDocs")) Files.write(README, updated.getBytes(StandardCharsets.UTF_8));
		assertEquals(updated, readme,
			"README.md's option summary is out of date: run mvn -o -q test -Dtest=OptionDocsTest -Dsam.writeDocs=true");
	}

	@Test
	void eachOperationsHelpListsExactlyItsOptions() {
		String help = OptionHelp.usage(Operation.EVERYTHING);
		assertTrue(help.startsWith("Usage: sam everything --image FILE --out DIR [options]"), help);
		assertTrue(help.contains("--points-per-side 1-256"), help);
		assertTrue(help.contains("--cache-dir DIR"), help);
		assertTrue(help.contains("--encoding auto|whole|tiles "), help);
		assertTrue(!help.contains("--propagation-prompt") && !help.contains("--prompts"), help);
	}
}
