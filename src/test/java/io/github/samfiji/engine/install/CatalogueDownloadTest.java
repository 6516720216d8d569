package io.github.samfiji.engine.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.samfiji.engine.FamilyTwins;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.model.Checksums;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every downloadable catalogue entry of {@code models/} installs over the loopback server: the real descriptor with
 * its real file names and address paths, the published sizes and hashes replaced by those of the family's twins
 * (and a zip of the twins, under the real entry names, for the archive entries). The install must verify, extract,
 * record checksums, run the smoke test and say so; licences that must be accepted stop it before any request.
 */
class CatalogueDownloadTest {

	@TempDir
	Path tmp;

	private LoopbackFileServer server;
	private ModelStore store;
	private Path catalogDir;

	@BeforeEach
	void start() throws IOException {
		server = new LoopbackFileServer();
		store = new ModelStore(tmp.resolve("store"));
		catalogDir = Files.createDirectories(tmp.resolve("catalog"));
	}

	@AfterEach
	void stop() {
		server.close();
	}

	static Stream<Path> downloadable() throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path f : FamilyTwins.bundledDescriptors())
			if (ModelDescriptorReader.read(f).downloadable()) files.add(f);
		return files.stream();
	}

	private ModelManager manager() throws IOException {
		return new ModelManager(store, ModelCatalog.fromDirectory(catalogDir), DownloadPolicy.LOOPBACK_HTTP_FOR_TESTS);
	}

	/** The path part of a real address, served by the loopback server under the same path. */
	private String served(String realUrl, byte[] content) throws IOException {
		String path = new URL(realUrl).getPath().substring(1);
		server.put(path, content);
		return server.url(path);
	}

	/** Writes the real descriptor with the twins' hashes, sizes and loopback addresses into the test catalogue. */
	private ModelDescriptor serveWithTwins(Path descriptor) throws IOException {
		ModelDescriptor real = ModelDescriptorReader.read(descriptor);
		JsonObject json = JsonParser.parseString(new String(Files.readAllBytes(descriptor), StandardCharsets.UTF_8))
			.getAsJsonObject();
		byte[] enc = Files.readAllBytes(FamilyTwins.encoderTwin(real)), dec = Files.readAllBytes(FamilyTwins.decoderTwin(
			real));
		if (real.catalog().archive() != null) {
			byte[] zip = zip(real.encoder().fileName(), enc, real.decoder().fileName(), dec);
			JsonObject archive = json.getAsJsonObject("archive");
			archive.addProperty("url", served(real.catalog().archive().url(), zip));
			archive.addProperty("sha256", sha256(zip));
			archive.addProperty("size", zip.length);
		}
		else {
			twin(json.getAsJsonObject("encoder"), real.encoder().file().url(), enc);
			twin(json.getAsJsonObject("decoder"), real.decoder().file().url(), dec);
		}
		TinyModels.writeDescriptor(catalogDir, real.id() + ".json", json);
		return real;
	}

	private void twin(JsonObject file, String realUrl, byte[] content) throws IOException {
		file.addProperty("url", served(realUrl, content));
		file.addProperty("sha256", sha256(content));
		if (file.has("size")) file.addProperty("size", content.length);
	}

	static String sha256(byte[] content) {
		try {
			StringBuilder hex = new StringBuilder();
			for (byte b : java.security.MessageDigest.getInstance("SHA-256").digest(content))
				hex.append(String.format("%02x", b));
			return hex.toString();
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A zip as publishers make them: the files in a folder, next to other entries, one with a path that climbs out. */
	static byte[] zip(String encoderName, byte[] encoder, String decoderName, byte[] decoder) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			put(zip, "export/", new byte[0]);
			put(zip, "export/" + encoderName, encoder);
			put(zip, "export/" + decoderName, decoder);
			put(zip, "export/config.yaml", "type: segment_anything\n".getBytes(StandardCharsets.UTF_8));
			put(zip, "../../escaped.onnx", new byte[] { 1, 2, 3 });
		}
		return bytes.toByteArray();
	}

	private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("downloadable")
	void catalogueEntryInstallsVerifiesAndPassesTheSmokeTest(Path descriptor) throws IOException {
		ModelDescriptor real = serveWithTwins(descriptor);
		Installation done = manager().install(real.id(), true, TaskMonitor.NONE);
		ModelDescriptor d = done.descriptor();
		assertEquals(store.root().resolve(real.id()), d.directory());
		assertTrue(done.smokeTest().startsWith("SHA-256 checked; segmented a box on a 96x64 test image: "), done
			.smokeTest());
		assertArrayEquals(Files.readAllBytes(FamilyTwins.encoderTwin(real)), Files.readAllBytes(d.encoderPath()));
		assertArrayEquals(Files.readAllBytes(FamilyTwins.decoderTwin(real)), Files.readAllBytes(d.decoderPath()));
		assertEquals(Checksums.sha256(d.encoderPath()), d.encoder().sha256(), "recorded, so later corruption shows");
		assertEquals(Checksums.sha256(d.decoderPath()), d.decoder().sha256());
		try (Stream<Path> files = Files.list(d.directory())) {
			assertEquals(Arrays.asList(real.decoder().fileName(), real.encoder().fileName(), "model.json").stream().sorted()
				.collect(Collectors.toList()), files.map(p -> p.getFileName().toString()).filter(n -> !n.contains(
					".candidates.")).sorted().collect(Collectors.toList()),
				"only the model's files (and a single-mask decoder's candidate rewrite), no archive, no other entry");
		}
		assertFalse(Files.exists(tmp.resolve("escaped.onnx")) || Files.exists(store.root().resolve("escaped.onnx")));
		assertFalse(Files.exists(store.root().resolve(".downloads").resolve(real.id())), "downloads cleaned up");
		List<String> expected = new ArrayList<>();
		for (io.github.samfiji.engine.model.ModelFile f : real.downloads())
			expected.add(new URL(f.url()).getPath().substring(1) + " -");
		assertEquals(expected, server.requests(), "the real file names and paths, each fetched once");
	}

	@Test
	void aLicenceThatMustBeAcceptedStopsTheInstallBeforeAnyRequest() throws IOException {
		ModelDescriptor edge = serveWithTwins(java.nio.file.Paths.get("models", "edgesam.json"));
		LicenseNotAcceptedException e = assertThrows(LicenseNotAcceptedException.class, () -> manager().install("edgesam",
			false, TaskMonitor.NONE));
		assertEquals("Model 'edgesam' is published under the licence S-Lab-1.0 (non-commercial) (" + edge.catalog()
			.licenseUrl() + "), which restricts how it may be used; it must be accepted before download. Read it, then " +
			"accept it: in Fiji in the Model Manager's licence question (macro: accept_license=true), on the command line " +
			"with --accept-license. Nothing was downloaded.", e.getMessage());
		assertThrows(LicenseNotAcceptedException.class, () -> manager().install("edgesam", TaskMonitor.NONE));
		assertEquals(new ArrayList<String>(), server.requests());
		ModelDescriptor installed = manager().install("edgesam", true, TaskMonitor.NONE).descriptor();
		String json = new String(Files.readAllBytes(installed.directory().resolve("model.json")), StandardCharsets.UTF_8);
		assertTrue(json.contains("\"licenseAccepted\": \""), "the installed descriptor records when it was accepted");
	}

	@Test
	void aServerOfferingAnotherSizeThanPublishedIsRefusedBeforeTheTransfer() throws IOException {
		serveWithTwins(java.nio.file.Paths.get("models", "efficientvit-sam-l0.json"));
		Path file = catalogDir.resolve("efficientvit-sam-l0.json");
		JsonObject json = JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
			.getAsJsonObject();
		long size = json.getAsJsonObject("encoder").get("size").getAsLong();
		json.getAsJsonObject("encoder").addProperty("size", size + 1);
		TinyModels.writeDescriptor(catalogDir, "efficientvit-sam-l0.json", json);
		IOException e = assertThrows(IOException.class, () -> manager().install("efficientvit-sam-l0", TaskMonitor.NONE));
		assertEquals("Could not download " + json.getAsJsonObject("encoder").get("url").getAsString() + ": the server " +
			"offers " + size + " bytes, but the catalogue expects " + (size + 1) + ". The file on the server has changed; " +
			"nothing was installed or changed.", e.getMessage());
		assertFalse(Files.exists(store.root().resolve(".downloads/efficientvit-sam-l0/l0_encoder.onnx.part")) && Files
			.size(store.root().resolve(".downloads/efficientvit-sam-l0/l0_encoder.onnx.part")) > 0);
	}

	@Test
	void anArchiveWithoutTheEntryIsReportedWithWhatItHolds() throws IOException {
		ModelDescriptor real = serveWithTwins(java.nio.file.Paths.get("models", "mobilesam-anylabeling.json"));
		byte[] zip = zip("other.encoder.onnx", new byte[] { 1 }, real.decoder().fileName(), new byte[] { 2 });
		Path file = catalogDir.resolve(real.id() + ".json");
		JsonObject json = JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
			.getAsJsonObject();
		json.getAsJsonObject("archive").addProperty("url", served(real.catalog().archive().url(), zip));
		json.getAsJsonObject("archive").addProperty("sha256", sha256(zip));
		json.getAsJsonObject("archive").remove("size");
		TinyModels.writeDescriptor(catalogDir, real.id() + ".json", json);
		IOException e = assertThrows(IOException.class, () -> manager().install(real.id(), TaskMonitor.NONE));
		assertEquals("mobile_sam_20230629.zip has no entry named mobile_sam.encoder.onnx; it holds " +
			"[export/other.encoder.onnx, export/sam_vit_h_4b8939.decoder.onnx, export/config.yaml, ../../escaped.onnx]. " +
			"The catalogue entry does not match the published archive.", e.getMessage());
		assertFalse(manager().isInstalled(real.id()));
	}

	@Test
	void aModelFailingTheSmokeTestIsNotInstalledAndKeepsItsVerifiedDownloads() throws IOException {
		// the frame twin's full-size 'masks' are -1 everywhere: trusting them (fullSizeMasks true) gives an empty mask
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.addProperty("id", "broken");
		byte[] enc = Files.readAllBytes(TinyModels.resource(TinyModels.ENCODER_FILE));
		byte[] dec = Files.readAllBytes(FamilyTwins.twin("sam_frame_decoder.onnx"));
		twin(json.getAsJsonObject("encoder"), "https://example.org/broken/enc.onnx", enc);
		twin(json.getAsJsonObject("decoder"), "https://example.org/broken/dec.onnx", dec);
		TinyModels.writeDescriptor(catalogDir, "broken.json", json);
		IOException e = assertThrows(IOException.class, () -> manager().install("broken", TaskMonitor.NONE));
		Path downloads = store.root().resolve(".downloads").resolve("broken");
		assertEquals("Model 'broken' was downloaded and its SHA-256 checked, but the smoke test failed: the model gave " +
			"an empty mask for a box around a bright rectangle on a 96x64 test image. Nothing was installed or changed; " +
			"the verified files are kept in " + downloads + " so that the next try does not download them again.", e
				.getMessage());
		assertFalse(manager().isInstalled("broken"));
		assertEquals(enc.length, Files.size(downloads.resolve("tiny_encoder.onnx.part")));
		assertEquals(dec.length, Files.size(downloads.resolve("tiny_decoder_box.onnx.part")));
		assertThrows(IOException.class, () -> manager().install("broken", TaskMonitor.NONE));
		assertEquals(Arrays.asList("broken/enc.onnx -", "broken/dec.onnx -", "broken/enc.onnx bytes=" + enc.length + "-",
			"broken/dec.onnx bytes=" + dec.length + "-"), server.requests(), "the second try transfers nothing");
	}

	@Test
	void extractionStopsAtTheSizeLimitWhateverTheHeaderSays() throws IOException {
		Path zip = tmp.resolve("bomb.zip");
		Files.write(zip, zip("a.onnx", new byte[5000], "b.onnx", new byte[10]));
		java.util.Map<String, Path> wanted = new java.util.LinkedHashMap<>();
		wanted.put("a.onnx", tmp.resolve("a.onnx"));
		IOException e = assertThrows(IOException.class, () -> ArchiveExtraction.extract(zip, "bomb.zip", wanted, 4096,
			TaskMonitor.NONE));
		assertEquals("Entry export/a.onnx of bomb.zip is larger than 4096 bytes; refusing to extract it (the archive is " +
			"not what the catalogue describes).", e.getMessage());
		Files.write(tmp.resolve("not.zip"), new byte[] { 1, 2, 3 });
		IOException notZip = assertThrows(IOException.class, () -> ArchiveExtraction.extract(tmp.resolve("not.zip"),
			"not.zip", wanted, 4096, TaskMonitor.NONE));
		assertTrue(notZip.getMessage().startsWith("not.zip is not a readable zip archive ("), notZip.getMessage());
	}
}
