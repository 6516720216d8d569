package io.github.samfiji.engine.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Model files come over https only; plain http from the loopback interface only for this package's tests. */
class DownloadAddressTest {

	private final boolean before = Downloader.loopbackHttpForTests;

	@AfterEach
	void restore() {
		Downloader.loopbackHttpForTests = before;
	}

	private static String refused(String url) {
		return assertThrows(IOException.class, () -> Downloader.checkAddress(url)).getMessage();
	}

	@Test
	void httpIsRefused() throws IOException {
		Downloader.loopbackHttpForTests = false;
		Downloader.checkAddress("https://example.org/encoder.onnx");
		assertEquals("Refusing to download http://example.org/encoder.onnx: model files are downloaded over https:// " +
			"only. Nothing was installed or changed.", refused("http://example.org/encoder.onnx"));
		refused("http://127.0.0.1:8080/encoder.onnx");
		refused("ftp://example.org/encoder.onnx");
	}

	@Test
	void loopbackHttpOnlyWithTheTestSwitch() throws IOException {
		Downloader.loopbackHttpForTests = true;
		Downloader.checkAddress("http://127.0.0.1:8080/encoder.onnx");
		Downloader.checkAddress("http://localhost/encoder.onnx");
		refused("http://example.org/encoder.onnx");
		refused("http://127.0.0.1.example.org/encoder.onnx");
	}
}
