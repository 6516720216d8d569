package io.github.samfiji.build;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the files of an ImageJ update site into a folder, as the ImageJ updater reads them: {@code db.xml.gz} (the
 * index: one {@code plugin} record per file, with the current version's checksum ({@link UpdaterChecksum}),
 * timestamp, size, description, dependencies and authors) and each file under {@code PATH-TIMESTAMP} (e.g.
 * {@code jars/onnxruntime-1.29.0.jar-20260105120000}), where the updater downloads it from. Copy the folder to a web
 * server (or a personal update site) and add its address in Fiji's updater.
 */
final class UpdateSite {

	/** One file of the site: its path in the ImageJ folder and where it is now. */
	static final class Entry {

		final String path;
		final Path file;
		final String description;
		final List<String> dependencies;

		Entry(String path, Path file, String description, List<String> dependencies) {
			this.path = path;
			this.file = file;
			this.description = description;
			this.dependencies = dependencies;
		}
	}

	private final List<Entry> entries = new ArrayList<>();
	private final String author;

	UpdateSite(String author) {
		this.author = author;
	}

	UpdateSite add(Entry e) {
		entries.add(e);
		return this;
	}

	/** Writes {@code db.xml.gz} and the timestamped files into {@code dir} (emptied first). */
	void write(Path dir) throws IOException {
		FijiPackage.deleteTree(dir);
		Files.createDirectories(dir);
		List<String> records = new ArrayList<>();
		for (Entry e : entries) {
			String timestamp = timestamp(e.file);
			Path target = dir.resolve(e.path + "-" + timestamp);
			Files.createDirectories(target.getParent());
			Files.copy(e.file, target, StandardCopyOption.COPY_ATTRIBUTES);
			records.add(record(e, timestamp));
		}
		try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("db.xml.gz")));
			Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8))
		{
			w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
			w.write(DTD);
			w.write("<pluginRecords>\n");
			for (String r : records)
				w.write(r);
			w.write("</pluginRecords>\n");
		}
	}

	private String record(Entry e, String timestamp) throws IOException {
		StringBuilder s = new StringBuilder();
		s.append("    <plugin filename=\"").append(xml(e.path)).append("\">\n");
		s.append("        <version checksum=\"").append(UpdaterChecksum.of(e.path, e.file)).append("\" timestamp=\"")
			.append(timestamp).append("\" filesize=\"").append(Files.size(e.file)).append("\">\n");
		s.append("            <description>").append(xml(e.description)).append("</description>\n");
		for (String d : e.dependencies) {
			Entry dep = entries.stream().filter(x -> x.path.equals(d)).findFirst().orElseThrow(() -> new IOException(
				"Dependency " + d + " of " + e.path + " is not on the site"));
			s.append("            <dependency filename=\"").append(xml(d)).append("\" timestamp=\"").append(timestamp(
				dep.file)).append("\"/>\n");
		}
		s.append("            <author>").append(xml(author)).append("</author>\n");
		s.append("        </version>\n    </plugin>\n");
		return s.toString();
	}

	/** The updater's timestamp of a file: its modification time as yyyyMMddHHmmss (local time, as the updater). */
	static String timestamp(Path file) throws IOException {
		return new SimpleDateFormat("yyyyMMddHHmmss").format(new Date(Files.getLastModifiedTime(file).toMillis()));
	}

	static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** The document type of db.xml.gz (the updater's format; it validates against it). */
	private static final String DTD = String.join("\n",
		"<!DOCTYPE pluginRecords [",
		"<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>",
		"<!ELEMENT update-site EMPTY>",
		"<!ELEMENT disabled-update-site EMPTY>",
		"<!ELEMENT plugin (platform*, category*, version?, previous-version*)>",
		"<!ELEMENT version (description?, dependency*, link*, author*)>",
		"<!ELEMENT previous-version EMPTY>",
		"<!ELEMENT description (#PCDATA)>",
		"<!ELEMENT dependency EMPTY>",
		"<!ELEMENT link (#PCDATA)>",
		"<!ELEMENT author (#PCDATA)>",
		"<!ELEMENT platform (#PCDATA)>",
		"<!ELEMENT category (#PCDATA)>",
		"<!ATTLIST update-site name CDATA #REQUIRED url CDATA #REQUIRED ssh-host CDATA #IMPLIED",
		"  upload-directory CDATA #IMPLIED description CDATA #IMPLIED maintainer CDATA #IMPLIED",
		"  timestamp CDATA #REQUIRED>",
		"<!ATTLIST disabled-update-site name CDATA #REQUIRED url CDATA #REQUIRED ssh-host CDATA #IMPLIED",
		"  upload-directory CDATA #IMPLIED description CDATA #IMPLIED maintainer CDATA #IMPLIED",
		"  timestamp CDATA #REQUIRED>",
		"<!ATTLIST plugin update-site CDATA #IMPLIED filename CDATA #REQUIRED executable CDATA #IMPLIED>",
		"<!ATTLIST dependency filename CDATA #REQUIRED timestamp CDATA #IMPLIED overrides CDATA #IMPLIED>",
		"<!ATTLIST version timestamp CDATA #REQUIRED checksum CDATA #REQUIRED filesize CDATA #REQUIRED>",
		"<!ATTLIST previous-version filename CDATA #IMPLIED timestamp CDATA #REQUIRED",
		"  timestamp-obsolete CDATA #IMPLIED checksum CDATA #REQUIRED>",
		"]>\n");
}
