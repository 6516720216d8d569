package io.github.samfiji.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Reads batch inputs given as URIs through Hadoop's file systems ({@code hdfs://}, {@code s3a://}, ... whichever the
 * class path and the Hadoop configuration provide). Hadoop comes with Spark: this class is only loaded for a URI, so
 * a batch over local files runs without it.
 */
final class HadoopFiles {

	private HadoopFiles() {}

	/**
	 * Copies {@code uri} to {@code local}; returns the SHA-256 of the bytes, in hexadecimal.
	 *
	 * @throws IOException when the file system is unknown or the file cannot be read; the message names the URI
	 */
	static String copy(String uri, Path local) throws IOException {
		URI u = URI.create(uri);
		MessageDigest digest = InputFile.digest();
		try (FileSystem fs = FileSystem.newInstance(u, new Configuration()); InputStream in = fs.open(
			new org.apache.hadoop.fs.Path(u)); OutputStream out = new DigestOutputStream(Files.newOutputStream(local),
				digest))
		{
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) >= 0;)
				out.write(buffer, 0, n);
		}
		catch (IOException e) {
			throw new IOException("Cannot read " + uri + ": " + e.getMessage(), e);
		}
		return InputFile.hex(digest.digest());
	}
}
