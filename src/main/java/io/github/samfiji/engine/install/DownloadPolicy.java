package io.github.samfiji.engine.install;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Locale;

/**
 * Which addresses a download may use. Users get {@link #HTTPS_ONLY}: model files travel over HTTPS and their
 * SHA-256 is checked on arrival (HttpURLConnection never follows a redirect from HTTPS to HTTP). The tests serve
 * files from a local HTTP server and need {@link #LOOPBACK_HTTP_FOR_TESTS}, which only a package-private
 * {@link ModelManager} constructor sets: no user path (plugin, command line, SciJava) can reach it.
 */
enum DownloadPolicy {

	HTTPS_ONLY,
	/** HTTPS, or plain HTTP to the loopback interface (127.0.0.1, localhost, ::1). Tests only. */
	LOOPBACK_HTTP_FOR_TESTS;

	/** @throws IOException naming the address, when this policy does not allow it */
	void check(String address) throws IOException {
		URL url;
		try {
			url = new URL(address);
		}
		catch (MalformedURLException e) {
			throw new IOException("Not a download address: " + address, e);
		}
		String protocol = url.getProtocol().toLowerCase(Locale.ROOT);
		if (protocol.equals("https")) return;
		if (this == LOOPBACK_HTTP_FOR_TESTS && protocol.equals("http") && isLoopback(url.getHost())) return;
		throw new IOException("Refusing to download " + address + ": model files are only downloaded over HTTPS. " +
			"The catalogue entry is wrong; nothing was installed or changed.");
	}

	private static boolean isLoopback(String host) {
		return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]") || host.equals(
			"::1");
	}
}
