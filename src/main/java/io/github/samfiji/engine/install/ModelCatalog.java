package io.github.samfiji.engine.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The models this version knows how to install: the descriptors of {@code models/*.json}, bundled in the jar under
 * {@code models/} (or read from a directory). Each entry keeps the descriptor's JSON, which becomes the installed
 * model's {@code model.json}.
 */
public final class ModelCatalog {

	/** A known model: its descriptor (without a directory) and the JSON it was read from. */
	public static final class Entry {

		private final ModelDescriptor descriptor;
		private final String json;

		Entry(ModelDescriptor descriptor, String json) {
			this.descriptor = descriptor;
			this.json = json;
		}

		public ModelDescriptor descriptor() { return descriptor; }

		/** A fresh copy of the descriptor's JSON. */
		public JsonObject json() { return JsonParser.parseString(json).getAsJsonObject(); }
	}

	private final List<Entry> entries;

	private ModelCatalog(List<Entry> entries) {
		entries.sort((a, b) -> a.descriptor.id().compareTo(b.descriptor.id()));
		this.entries = Collections.unmodifiableList(entries);
	}

	/** The descriptors bundled with the plugin (the jar's, or the class path directory's {@code models/}). */
	public static ModelCatalog bundled() throws IOException {
		URL anchor = ModelCatalog.class.getResource("/models/minisam.json");
		if (anchor == null) throw new IOException("The bundled model descriptors (models/*.json) are missing from the class path");
		if ("jar".equals(anchor.getProtocol())) return fromJar((JarURLConnection) anchor.openConnection());
		try {
			return fromDirectory(Paths.get(anchor.toURI()).getParent());
		}
		catch (URISyntaxException e) {
			throw new IOException("Cannot list the bundled model descriptors at " + anchor, e);
		}
	}

	/** The {@code *.json} descriptors of a directory. */
	public static ModelCatalog fromDirectory(Path dir) throws IOException {
		List<Entry> entries = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
			for (Path f : files)
				entries.add(entry(Files.readAllBytes(f), f.toString()));
		}
		return new ModelCatalog(entries);
	}

	private static ModelCatalog fromJar(JarURLConnection connection) throws IOException {
		connection.setUseCaches(false);
		List<Entry> entries = new ArrayList<>();
		try (JarFile jar = connection.getJarFile()) {
			for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
				JarEntry je = e.nextElement();
				String name = je.getName();
				if (!name.startsWith("models/") || !name.endsWith(".json") || name.indexOf('/', 7) >= 0) continue;
				try (InputStream in = jar.getInputStream(je)) {
					entries.add(entry(readAll(in), jar.getName() + "!/" + name));
				}
			}
		}
		return new ModelCatalog(entries);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int n; (n = in.read(buffer)) > 0;) out.write(buffer, 0, n);
		return out.toByteArray();
	}

	private static Entry entry(byte[] bytes, String origin) throws IOException {
		ModelDescriptor d = ModelDescriptorReader.read(new ByteArrayInputStream(bytes), origin);
		return new Entry(d, new String(bytes, StandardCharsets.UTF_8));
	}

	public List<Entry> entries() { return entries; }

	/** The entry with this id, or {@code null}. */
	public Entry find(String id) {
		for (Entry e : entries)
			if (e.descriptor.id().equals(id)) return e;
		return null;
	}

	/** The known ids, sorted. */
	public List<String> ids() {
		List<String> ids = new ArrayList<>();
		for (Entry e : entries) ids.add(e.descriptor.id());
		return ids;
	}
}
