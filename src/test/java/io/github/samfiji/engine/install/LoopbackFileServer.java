package io.github.samfiji.engine.install;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file server on the loopback interface for installer tests: serves byte arrays under {@code /NAME}, honours
 * {@code Range: bytes=N-} with 206, and can cut a response short or serve corrupted bytes once.
 */
final class LoopbackFileServer implements AutoCloseable {

	private final HttpServer server;
	private final Map<String, byte[]> files = new HashMap<>();
	private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
	private volatile String cutName;
	private volatile int cutAfter;
	private volatile String corruptName;
	private final Map<String, String> redirects = new HashMap<>();

	/** Starts the server (a manager with {@link DownloadPolicy#LOOPBACK_HTTP_FOR_TESTS} may download from it). */
	LoopbackFileServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	void put(String name, byte[] content) { files.put(name, content); }

	String url(String name) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
	}

	/** The next response for {@code name} sends only {@code bytes} bytes, then closes the connection. */
	void cutNextResponse(String name, int bytes) {
		cutName = name;
		cutAfter = bytes;
	}

	/** Requests for {@code name} are answered 302 with this Location. */
	void redirect(String name, String location) { redirects.put(name, location); }

	/** Responses for {@code name} have their last byte flipped until cleared with {@code null}. */
	void corrupt(String name) { corruptName = name; }

	/** "NAME RANGE" per request, RANGE being the Range header or "-". */
	List<String> requests() { return new ArrayList<>(requests); }

	private void handle(HttpExchange x) throws IOException {
		String name = x.getRequestURI().getPath().substring(1);
		String range = x.getRequestHeaders().getFirst("Range");
		requests.add(name + " " + (range == null ? "-" : range));
		byte[] content = files.get(name);
		if (redirects.containsKey(name)) {
			x.getResponseHeaders().add("Location", redirects.get(name));
			x.sendResponseHeaders(302, -1);
			x.close();
			return;
		}
		if (content == null) {
			x.sendResponseHeaders(404, -1);
			x.close();
			return;
		}
		if (name.equals(corruptName)) {
			content = content.clone();
			content[content.length - 1] ^= 1;
		}
		int start = range != null && range.startsWith("bytes=") ? Integer.parseInt(range.substring(6, range.indexOf(
			'-'))) : 0;
		if (start >= content.length) {
			x.sendResponseHeaders(416, -1);
			x.close();
			return;
		}
		if (start > 0) x.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" +
			content.length);
		x.sendResponseHeaders(start > 0 ? 206 : 200, content.length - start);
		OutputStream out = x.getResponseBody();
		if (name.equals(cutName)) {
			cutName = null;
			out.write(content, start, cutAfter);
			out.flush();
			// an exception from the handler makes the server drop the connection mid-response
			throw new IllegalStateException("connection cut on purpose after " + cutAfter + " bytes");
		}
		out.write(content, start, content.length - start);
		out.close();
		x.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
