package io.github.samfiji.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.SAXParserFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** The update site's index and checksums, as the ImageJ updater reads and verifies them. */
class UpdateSiteTest {

	@TempDir
	Path dir;

	private Path jar(String name, String properties, String manifestVersion) throws IOException {
		Path jar = dir.resolve(name);
		Manifest m = new Manifest();
		m.getMainAttributes().putValue("Manifest-Version", "1.0");
		m.getMainAttributes().putValue("Implementation-Version", manifestVersion);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
			out.putNextEntry(new JarEntry("z/B.class"));
			out.write(new byte[] { 1, 2, 3 });
			out.putNextEntry(new JarEntry("a.properties"));
			out.write(properties.getBytes(StandardCharsets.UTF_8));
		}
		return jar;
	}

	@Test
	void jarChecksumIgnoresPropertyCommentsAndTheManifest() throws Exception {
		Path one = jar("one.jar", "#Built on Monday\nx=1\n", "1");
		Path two = jar("two.jar", "#Built on Tuesday, later\nx=1\n", "2");
		assertEquals(UpdaterChecksum.of("jars/one.jar", one), UpdaterChecksum.of("jars/one.jar", two));
		// entries sorted by name, each name then its content; the comment line leaves its line end
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		for (String part : new String[] { "META-INF/MANIFEST.MF", "a.properties", "\nx=1\n", "z/B.class" })
			sha1.update(part.getBytes(StandardCharsets.US_ASCII));
		sha1.update(new byte[] { 1, 2, 3 });
		assertEquals(hex(sha1.digest()), UpdaterChecksum.of("jars/one.jar", one));
		assertTrue(!UpdaterChecksum.of("x.jar", one).equals(UpdaterChecksum.of("x.jar", jar("three.jar", "x=2\n", "1"))));
	}

	@Test
	void otherFilesAreDigestedWithTheirPath() throws Exception {
		Path f = Files.write(dir.resolve("README"), "hi".getBytes(StandardCharsets.UTF_8));
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		sha1.update("docs/README".getBytes(StandardCharsets.US_ASCII));
		sha1.update("hi".getBytes(StandardCharsets.UTF_8));
		assertEquals(hex(sha1.digest()), UpdaterChecksum.of("docs/README", f));
	}

	@Test
	void commentFilterFollowsTheUpdatersLineRule() {
		assertArrayEquals("\nx=1\n\ny=2".getBytes(StandardCharsets.US_ASCII), UpdaterChecksum.withoutComments(
			"#a\nx=1\n#b\ny=2".getBytes(StandardCharsets.US_ASCII)));
		assertArrayEquals("x=1#no\n\n".getBytes(StandardCharsets.US_ASCII), UpdaterChecksum.withoutComments(
			"x=1#no\n#c\n#d".getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void indexIsValidAgainstItsDocumentTypeAndNamesEveryFile() throws Exception {
		Path lib = jar("lib-1.0.jar", "x=1\n", "1");
		Path plugin = jar("My_Plugin-2.0.jar", "y=1\n", "1");
		Files.setLastModifiedTime(lib, FileTime.fromMillis(1_700_000_000_000L));
		Path site = dir.resolve("site");
		new UpdateSite("Me & others").add(new UpdateSite.Entry("jars/lib-1.0.jar", lib, "A library <1>", List.of()))
			.add(new UpdateSite.Entry("plugins/My_Plugin-2.0.jar", plugin, "The plugin", List.of("jars/lib-1.0.jar")))
			.write(site);
		String libStamp = UpdateSite.timestamp(lib);
		assertTrue(Files.isRegularFile(site.resolve("jars/lib-1.0.jar-" + libStamp)));
		assertTrue(Files.isRegularFile(site.resolve("plugins/My_Plugin-2.0.jar-" + UpdateSite.timestamp(plugin))));
		List<String> seen = new ArrayList<>();
		SAXParserFactory factory = SAXParserFactory.newInstance();
		factory.setValidating(true);
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			factory.newSAXParser().parse(in, new DefaultHandler() {

				@Override
				public void startElement(String uri, String local, String qName, Attributes a) {
					if (qName.equals("plugin")) seen.add(a.getValue("filename"));
					if (qName.equals("version")) seen.add(a.getValue("checksum").length() + " " + a.getValue("filesize"));
					if (qName.equals("dependency")) seen.add("needs " + a.getValue("filename") + "@" + a.getValue(
						"timestamp"));
				}

				@Override
				public void error(SAXParseException e) throws SAXParseException { throw e; }
			});
		}
		assertEquals(Arrays.asList("jars/lib-1.0.jar", "40 " + Files.size(lib), "plugins/My_Plugin-2.0.jar", "40 " +
			Files.size(plugin), "needs jars/lib-1.0.jar@" + libStamp), seen);
	}

	@Test
	void fijiShippedJarsAreNotBundled() throws IOException {
		Path runtime = Files.createDirectories(dir.resolve("runtime"));
		for (String n : new String[] { "ij-1.54p.jar", "imglib2-8.0.0.jar", "scijava-common-2.100.1.jar",
			"parsington-3.1.0.jar", "gson-2.10.1.jar", "onnxruntime-1.29.0.jar", "onnxruntime_gpu-1.29.0.jar" })
			Files.write(runtime.resolve(n), new byte[0]);
		assertEquals(List.of(runtime.resolve("onnxruntime-1.29.0.jar"), runtime.resolve("onnxruntime_gpu-1.29.0.jar")),
			FijiPackage.bundled(runtime));
	}

	private static String hex(byte[] b) {
		StringBuilder s = new StringBuilder();
		for (byte x : b) s.append(String.format("%02x", x));
		return s.toString();
	}
}
