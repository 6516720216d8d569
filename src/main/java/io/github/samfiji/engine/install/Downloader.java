package io.github.samfiji.engine.install;

import io.github.samfiji.engine.task.TaskMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Downloads one URL into a partial file, resuming where an earlier attempt stopped (HTTP {@code Range}). The caller
 * checks the finished file's checksum and moves it into place; this class never touches anything but the partial
 * file. Blocking; reports progress in bytes and stops (keeping the partial file) when the monitor cancels. Only
 * addresses its {@link DownloadPolicy} allows are contacted; when the publisher states the file's size, a server
 * that offers another size is refused before anything is transferred.
 */
final class Downloader {

	private static final int CONNECT_TIMEOUT_MS = 15_000;
	private static final int READ_TIMEOUT_MS = 60_000;

	private Downloader() {}

	/**
	 * Completes {@code part} with the content of {@code url}.
	 *
	 * @param label what is downloaded, for progress messages
	 * @param expectedSize the published size in bytes, or -1 when unknown
	 * @throws IOException when the policy refuses the address, the server cannot be reached, answers with an error or
	 *           another size than published, or the file cannot be written; the message names the URL or file and
	 *           what to do
	 * @throws java.util.concurrent.CancellationException when the monitor cancels (the partial file is kept)
	 */
	static void download(String url, Path part, String label, long expectedSize, DownloadPolicy policy,
		TaskMonitor monitor) throws IOException
	{
		policy.check(url);
		long have = Files.isRegularFile(part) ? Files.size(part) : 0;
		if (expectedSize >= 0 && have > expectedSize) {
			Files.delete(part); // longer than the file can be: start again
			have = 0;
		}
		HttpURLConnection c;
		int status;
		try {
			c = (HttpURLConnection) new URL(url).openConnection();
			c.setConnectTimeout(CONNECT_TIMEOUT_MS);
			c.setReadTimeout(READ_TIMEOUT_MS);
			c.setRequestProperty("User-Agent", "segment-anything-fiji");
			if (have > 0) c.setRequestProperty("Range", "bytes=" + have + "-");
			status = c.getResponseCode();
		}
		catch (IOException e) {
			throw new IOException("Could not download " + url + " (" + e + "). Check the network connection or proxy " +
				"settings; nothing was installed or changed.", e);
		}
		try {
			if (status == 416 && have > 0) return; // nothing left to fetch: the checksum decides
			boolean append = status == 206 && have > 0 && rangeStartsAt(c, have);
			if (status / 100 == 3) throw new IOException("Could not download " + url + ": the server redirected to " + c
				.getHeaderField("Location") + ", which is not an HTTPS address. Nothing was installed or changed.");
			if (status != 200 && !append) throw new IOException("Could not download " + url + ": the server answered " +
				status + " " + c.getResponseMessage() + ". Nothing was installed or changed.");
			long total = c.getContentLengthLong() < 0 ? -1 : c.getContentLengthLong() + (append ? have : 0);
			if (expectedSize >= 0 && total >= 0 && total != expectedSize) throw new IOException("Could not download " +
				url + ": the server offers " + total + " bytes, but the catalogue expects " + expectedSize + ". The file " +
				"on the server has changed; nothing was installed or changed.");
			copy(c, part, append ? have : 0, total >= 0 ? total : Math.max(0, expectedSize), label, monitor);
		}
		finally {
			c.disconnect();
		}
	}

	private static boolean rangeStartsAt(HttpURLConnection c, long start) {
		String range = c.getHeaderField("Content-Range");
		return range != null && range.trim().startsWith("bytes " + start + "-");
	}

	private static void copy(HttpURLConnection c, Path part, long start, long total, String label,
		TaskMonitor monitor) throws IOException
	{
		byte[] buffer = new byte[1 << 16];
		long done = start;
		try (InputStream in = c.getInputStream();
			OutputStream out = open(part, start > 0))
		{
			for (int n; (n = read(in, buffer, c)) >= 0;) {
				write(out, buffer, n, part);
				done += n;
				monitor.progress("Downloading " + label + " (" + done / 1_000_000 + " of " + (total > 0 ? total / 1_000_000 +
					" MB)" : "? MB)"), done, total);
				monitor.checkCancelled();
			}
		}
		if (total > 0 && done < total) throw interrupted(c, "the connection closed after " + done + " of " + total +
			" bytes");
	}

	private static int read(InputStream in, byte[] buffer, HttpURLConnection c) throws IOException {
		try {
			return in.read(buffer);
		}
		catch (IOException e) {
			throw interrupted(c, e.toString());
		}
	}

	private static IOException interrupted(HttpURLConnection c, String why) {
		return new IOException("The download of " + c.getURL() + " was interrupted (" + why + "). Run the install " +
			"again to resume it; nothing was installed or changed.");
	}

	private static OutputStream open(Path part, boolean append) throws IOException {
		try {
			Files.createDirectories(part.getParent());
			return append ? Files.newOutputStream(part, StandardOpenOption.APPEND) : Files.newOutputStream(part);
		}
		catch (IOException e) {
			throw new IOException("Could not write " + part + " (" + e.getMessage() + ")", e);
		}
	}

	private static void write(OutputStream out, byte[] buffer, int n, Path part) throws IOException {
		try {
			out.write(buffer, 0, n);
		}
		catch (IOException e) {
			throw new IOException("Could not write " + part + " (" + e.getMessage() + "): is the disk full? The partial " +
				"download is kept and resumes on the next try; nothing was installed or changed.", e);
		}
	}
}
