package io.github.samfiji.plugin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures {@code System.out} during each test (headless ImageJ 1 prints its log and {@code IJ.error} messages
 * there) and restores it afterwards. Register it with {@code @RegisterExtension}.
 */
final class CapturedStdout implements BeforeEachCallback, AfterEachCallback {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
	private PrintStream original;

	@Override
	public void beforeEach(ExtensionContext context) {
		bytes.reset();
		original = System.out;
		System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		System.setOut(original);
	}

	/** What was printed since the test began. */
	String printed() { return new String(bytes.toByteArray(), StandardCharsets.UTF_8); }

	/**
	 * What was printed besides the one line every run logs with its embedding counts ("TITLE: Embeddings: N encoded,
	 * M from memory, K from the disk cache"), which must be there exactly once.
	 */
	String printedBesidesEmbeddingCounts() {
		return withoutEmbeddingCounts(printed());
	}

	/** {@code printed} without its one embedding-count line, which must be there. */
	static String withoutEmbeddingCounts(String printed) {
		String pattern = "(?m)^[^\\n]*: Embeddings: \\d+ encoded, \\d+ from memory, \\d+ from the disk cache\\R";
		String without = printed.replaceFirst(pattern, "");
		if (without.equals(printed) || !without.equals(without.replaceFirst(pattern, ""))) throw new AssertionError(
			"expected one line of embedding counts in: " + printed);
		return without;
	}
}
