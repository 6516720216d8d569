package io.github.samfiji.engine.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import io.github.samfiji.engine.AnalyticMasks;
import io.github.samfiji.engine.TestImages;
import io.github.samfiji.engine.TinyModels;
import io.github.samfiji.engine.model.Checksums;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelNotInstalledException;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.ObjectMask;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install (download from a loopback HTTP server), import and remove, including an interrupted download that resumes,
 * a corrupted file, an unreachable server and bad ids: the installed model is never replaced by a broken one.
 */
class ModelManagerTest {

	@TempDir
	Path tmp;

	private LoopbackFileServer server;
	private byte[] encoder, decoder;
	private ModelStore store;
	private Path catalogDir;

	@BeforeEach
	void serveTheTinyModel() throws IOException {
		server = new LoopbackFileServer();
		encoder = Files.readAllBytes(TinyModels.resource(TinyModels.ENCODER_FILE));
		decoder = Files.readAllBytes(TinyModels.resource(TinyModels.BOX_DECODER_FILE));
		server.put("enc.onnx", encoder);
		server.put("dec.onnx", decoder);
		store = new ModelStore(tmp.resolve("store"));
		catalogDir = Files.createDirectories(tmp.resolve("catalog"));
		writeCatalogEntry("tiny-dl", server.url("enc.onnx"), server.url("dec.onnx"));
		JsonObject noDownload = TinyModels.descriptorJson(TinyModels.BOX);
		noDownload.addProperty("id", "export-only");
		noDownload.addProperty("source", "Export it with scripts/export_onnx.py.");
		TinyModels.writeDescriptor(catalogDir, "export-only.json", noDownload);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private void writeCatalogEntry(String id, String encoderUrl, String decoderUrl) throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.addProperty("id", id);
		JsonObject enc = json.getAsJsonObject("encoder"), dec = json.getAsJsonObject("decoder");
		enc.addProperty("url", encoderUrl);
		enc.addProperty("sha256", Checksums.sha256(TinyModels.resource(TinyModels.ENCODER_FILE)));
		dec.addProperty("url", decoderUrl);
		dec.addProperty("sha256", Checksums.sha256(TinyModels.resource(TinyModels.BOX_DECODER_FILE)));
		TinyModels.writeDescriptor(catalogDir, id + ".json", json);
	}

	/** A manager allowed to download from the loopback server (the test-only policy). */
	private ModelManager manager() throws IOException {
		return new ModelManager(store, ModelCatalog.fromDirectory(catalogDir), DownloadPolicy.LOOPBACK_HTTP_FOR_TESTS);
	}

	/** Opens the installed model and checks it segments a box exactly. */
	private static void assertUsable(ModelDescriptor d) throws IOException {
		try (SamModel model = SamModel.open(d, EngineOptions.defaults().withThreads(1))) {
			ObjectPrompt box = ObjectPrompt.builder().box(3, 4, 10, 6).build();
			ObjectMask mask = new PromptSegmenter(model, SegmentationOptions.defaults()).segment(PlaneSource.of(TestImages
				.unsignedBytes(20, 16)), Collections.singletonList(box), TaskMonitor.NONE).objects().get(0).mask();
			AnalyticMasks.assertMaskEquals(AnalyticMasks.rectangle(20, 16, 3, 4, 10, 6), mask);
		}
	}

	/** Everything in the store root, hidden entries included. */
	private List<String> storeEntries() throws IOException {
		try (Stream<Path> s = Files.list(store.root())) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	private static final class Progress implements TaskMonitor {

		final AtomicLong bytes = new AtomicLong();
		volatile boolean cancel;

		@Override
		public void progress(String message, long done, long total) {
			if (message.startsWith("Downloading")) bytes.set(done);
		}

		@Override
		public boolean isCancelled() { return cancel; }
	}

	@Test
	void installDownloadsChecksAndInstallsAtomically() throws IOException {
		Progress progress = new Progress();
		ModelDescriptor d = manager().install("tiny-dl", progress);
		assertEquals(store.root().resolve("tiny-dl"), d.directory());
		assertArrayEquals(encoder, Files.readAllBytes(d.encoderPath()));
		assertArrayEquals(decoder, Files.readAllBytes(d.decoderPath()));
		assertEquals(decoder.length, progress.bytes.get(), "progress in bytes");
		assertEquals(Arrays.asList(".downloads", "tiny-dl"), storeEntries(), "no staging left over");
		assertEquals(Collections.emptyList(), Files.list(store.root().resolve(".downloads")).collect(Collectors.toList()));
		assertEquals(Collections.singletonList("tiny-dl"), store.installedIds());
		assertUsable(store.resolve("tiny-dl"));
	}

	@Test
	void usersDownloadOverHttpsOnly() throws IOException {
		ModelManager publicManager = new ModelManager(store, ModelCatalog.fromDirectory(catalogDir));
		IOException e = assertThrows(IOException.class, () -> publicManager.install("tiny-dl", TaskMonitor.NONE));
		assertEquals("Refusing to download " + server.url("enc.onnx") + ": model files are only downloaded over HTTPS. " +
			"The catalogue entry is wrong; nothing was installed or changed.", e.getMessage());
		assertEquals(Collections.emptyList(), server.requests());
		assertFalse(publicManager.isInstalled("tiny-dl"));
	}

	@Test
	void aRedirectAwayFromTheAllowedProtocolsIsRefused() throws IOException {
		server.redirect("enc.onnx", "ftp://127.0.0.1/enc.onnx");
		IOException e = assertThrows(IOException.class, () -> manager().install("tiny-dl", TaskMonitor.NONE));
		assertEquals("Could not download " + server.url("enc.onnx") + ": the server redirected to " +
			"ftp://127.0.0.1/enc.onnx, which is not an HTTPS address. Nothing was installed or changed.", e.getMessage());
	}

	@Test
	void interruptedDownloadLeavesNothingInstalledAndResumesWithARange() throws IOException {
		server.cutNextResponse("enc.onnx", 500);
		IOException e = assertThrows(IOException.class, () -> manager().install("tiny-dl", TaskMonitor.NONE));
		assertTrue(e.getMessage().startsWith("The download of " + server.url("enc.onnx") + " was interrupted"), e
			.getMessage());
		assertTrue(e.getMessage().endsWith("Run the install again to resume it; nothing was installed or changed."));
		assertFalse(manager().isInstalled("tiny-dl"));
		assertEquals(500, Files.size(store.root().resolve(".downloads/tiny-dl/tiny_encoder.onnx.part")));

		ModelDescriptor d = manager().install("tiny-dl", TaskMonitor.NONE);
		assertEquals(Arrays.asList("enc.onnx -", "enc.onnx bytes=500-", "dec.onnx -"), server.requests());
		assertArrayEquals(encoder, Files.readAllBytes(d.encoderPath()));
		assertUsable(d);
	}

	@Test
	void corruptedFileIsDiscardedAndThePreviousInstallStaysUsable() throws IOException {
		ModelDescriptor before = manager().install("tiny-dl", TaskMonitor.NONE);
		server.corrupt("dec.onnx");
		IOException e = assertThrows(IOException.class, () -> manager().install("tiny-dl", TaskMonitor.NONE));
		assertTrue(e.getMessage().startsWith("Checksum mismatch for tiny_decoder_box.onnx downloaded from " + server.url(
			"dec.onnx") + ": expected SHA-256 " + before.decoder().sha256() + " but got "), e.getMessage());
		assertTrue(e.getMessage().contains("The download was discarded and the installed model (if any) is unchanged"));
		assertFalse(Files.exists(store.root().resolve(".downloads/tiny-dl/tiny_decoder_box.onnx.part")));
		assertArrayEquals(decoder, Files.readAllBytes(before.decoderPath()));
		assertUsable(store.resolve("tiny-dl"));
		server.corrupt(null);
		assertUsable(manager().install("tiny-dl", TaskMonitor.NONE));
	}

	@Test
	void unreachableServerIsReportedAndChangesNothing() throws IOException {
		manager().install("tiny-dl", TaskMonitor.NONE);
		int closedPort;
		try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = s.getLocalPort();
		}
		String dead = "http://127.0.0.1:" + closedPort + "/enc.onnx";
		writeCatalogEntry("tiny-dl", dead, server.url("dec.onnx"));
		IOException e = assertThrows(IOException.class, () -> manager().install("tiny-dl", TaskMonitor.NONE));
		assertTrue(e.getMessage().startsWith("Could not download " + dead + " ("), e.getMessage());
		assertTrue(e.getMessage().endsWith("Check the network connection or proxy settings; nothing was installed or " +
			"changed."), e.getMessage());
		assertUsable(store.resolve("tiny-dl"));
	}

	@Test
	void missingFileOnTheServerIsReported() throws IOException {
		writeCatalogEntry("tiny-dl", server.url("gone.onnx"), server.url("dec.onnx"));
		IOException e = assertThrows(IOException.class, () -> manager().install("tiny-dl", TaskMonitor.NONE));
		assertEquals("Could not download " + server.url("gone.onnx") + ": the server answered 404 Not Found. Nothing " +
			"was installed or changed.", e.getMessage());
	}

	@Test
	void cancellingKeepsThePartialDownloadForLater() throws IOException {
		Progress progress = new Progress();
		progress.cancel = true;
		assertThrows(CancellationException.class, () -> manager().install("tiny-dl", progress));
		assertFalse(manager().isInstalled("tiny-dl"));
		assertTrue(Files.size(store.root().resolve(".downloads/tiny-dl/tiny_encoder.onnx.part")) > 0);
	}

	@Test
	void unknownAndExportOnlyIdsSayWhatToDo() throws IOException {
		IOException unknown = assertThrows(IOException.class, () -> manager().install("sam-vit-z", TaskMonitor.NONE));
		assertEquals("Unknown model 'sam-vit-z'. Known models: export-only, tiny-dl. A model of your own can be " +
			"imported with its descriptor: sam models import DESCRIPTOR.json --from DIR", unknown.getMessage());
		IOException exportOnly = assertThrows(IOException.class, () -> manager().install("export-only",
			TaskMonitor.NONE));
		assertEquals("Model 'export-only' cannot be downloaded: its ONNX files are not published with checksums. " +
			"Export it with scripts/export_onnx.py.", exportOnly.getMessage());
		assertEquals(Collections.emptyList(), server.requests());
	}

	@Test
	void importCopiesChecksRecordsChecksumsAndRefusesMismatchingTensors() throws IOException {
		Path from = Files.createDirectories(tmp.resolve("exported"));
		TinyModels.copyTo(from, TinyModels.ENCODER_FILE, TinyModels.BOX_DECODER_FILE);
		ModelDescriptor d = manager().importModel("export-only", from, TaskMonitor.NONE);
		assertEquals(Checksums.sha256(TinyModels.resource(TinyModels.ENCODER_FILE)), d.encoder().sha256(),
			"the installed descriptor records the imported files' checksums");
		assertUsable(d);

		// a decoder with other tensors under the expected name is refused; the installed model stays
		Files.copy(TinyModels.resource(TinyModels.WRONG_NAMES_FILE), from.resolve(TinyModels.BOX_DECODER_FILE),
			java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		IOException e = assertThrows(IOException.class, () -> manager().importModel("export-only", from,
			TaskMonitor.NONE));
		assertTrue(e.getMessage().startsWith("Cannot import model 'export-only': "), e.getMessage());
		assertTrue(e.getMessage().contains("has inputs [coords, embeddings, labels] and outputs [out]"), e.getMessage());
		assertUsable(store.resolve("export-only"));
		assertEquals(Collections.singletonList("export-only"), storeEntries());
	}

	@Test
	void importNamesMissingFilesAndAcceptsADescriptorPath() throws IOException {
		Path from = Files.createDirectories(tmp.resolve("half"));
		TinyModels.copyTo(from, TinyModels.ENCODER_FILE);
		IOException e = assertThrows(IOException.class, () -> manager().importModel("export-only", from,
			TaskMonitor.NONE));
		assertEquals("Cannot import model 'export-only': " + from.toAbsolutePath().resolve(
			TinyModels.BOX_DECODER_FILE) + " is missing. The descriptor names the files [tiny_encoder.onnx, " +
			"tiny_decoder_box.onnx], expected in " + from, e.getMessage());
		ModelDescriptor d = manager().importModel(TinyModels.resource(TinyModels.MULTIMASK).toString(), TinyModels
			.resource(TinyModels.MULTIMASK).getParent(), TaskMonitor.NONE);
		assertEquals("tiny-multimask", d.id());
		assertEquals(store.root().resolve("tiny-multimask"), d.directory());
	}

	@Test
	void removeDeletesTheModelAndRefusesUnknownIds() throws IOException {
		ModelManager m = manager();
		m.install("tiny-dl", TaskMonitor.NONE);
		m.remove("tiny-dl");
		assertFalse(Files.exists(store.root().resolve("tiny-dl")));
		assertEquals(Collections.emptyList(), store.installedIds());
		ModelNotInstalledException e = assertThrows(ModelNotInstalledException.class, () -> m.remove("tiny-dl"));
		assertEquals("tiny-dl", e.modelId());
		assertThrows(IllegalArgumentException.class, () -> m.remove("../outside"));
	}
}
