package io.github.samfiji.engine.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** Model files come over https only; plain http from the loopback interface only under the tests' policy. */
class DownloadAddressTest {

	private static String refused(DownloadPolicy policy, String url) {
		return assertThrows(IOException.class, () -> policy.check(url)).getMessage();
	}

	@Test
	void usersGetHttpsOnly() throws IOException {
		DownloadPolicy.HTTPS_ONLY.check("https://example.org/encoder.onnx");
		assertEquals("Refusing to download http://example.org/encoder.onnx: model files are only downloaded over " +
			"HTTPS. The catalogue entry is wrong; nothing was installed or changed.", refused(DownloadPolicy.HTTPS_ONLY,
				"http://example.org/encoder.onnx"));
		refused(DownloadPolicy.HTTPS_ONLY, "http://127.0.0.1:8080/encoder.onnx");
		refused(DownloadPolicy.HTTPS_ONLY, "ftp://example.org/encoder.onnx");
	}

	@Test
	void loopbackHttpOnlyUnderTheTestPolicy() throws IOException {
		DownloadPolicy.LOOPBACK_HTTP_FOR_TESTS.check("http://127.0.0.1:8080/encoder.onnx");
		DownloadPolicy.LOOPBACK_HTTP_FOR_TESTS.check("http://localhost/encoder.onnx");
		refused(DownloadPolicy.LOOPBACK_HTTP_FOR_TESTS, "http://example.org/encoder.onnx");
		refused(DownloadPolicy.LOOPBACK_HTTP_FOR_TESTS, "http://127.0.0.1.example.org/encoder.onnx");
	}
}
