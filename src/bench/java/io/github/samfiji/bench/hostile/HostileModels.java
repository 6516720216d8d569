package io.github.samfiji.bench.hostile;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Broken model descriptors (each in its own directory, the installed model's ONNX files hard-linked beside it) and
 * crafted embedding cache files (a real cache file changed and given a valid checksum again).
 */
final class HostileModels {

	private HostileModels() {}

	/** Descriptor variants of the installed model in {@code modelDir}; returns name -> descriptor path. */
	static Map<String, Path> descriptors(Path modelDir, Path into) throws IOException {
		JsonObject good = JsonParser.parseString(Files.readString(modelDir.resolve("model.json"))).getAsJsonObject();
		String encoder = good.getAsJsonObject("encoder").get("file").getAsString();
		Map<String, Consumer<JsonObject>> edits = new LinkedHashMap<>();
		edits.put("input-size-65536", j -> pre(j).addProperty("inputSize", 65536));
		edits.put("input-size-0", j -> pre(j).addProperty("inputSize", 0));
		edits.put("input-size-negative", j -> pre(j).addProperty("inputSize", -1024));
		edits.put("input-size-fraction", j -> pre(j).addProperty("inputSize", 1024.5));
		edits.put("std-zero", j -> pre(j).add("pixelStd", numbers(0, 0, 0)));
		edits.put("std-negative", j -> pre(j).add("pixelStd", numbers(-58, 57, 57)));
		edits.put("mean-huge", j -> pre(j).add("pixelMean", numbers(1e39, 1, 1)));
		edits.put("mean-two-channels", j -> pre(j).add("pixelMean", numbers(123, 116)));
		edits.put("encoder-parent-path", j -> j.getAsJsonObject("encoder").addProperty("file", "../good/" + encoder));
		edits.put("encoder-absolute-path", j -> j.getAsJsonObject("encoder").addProperty("file", modelDir.resolve(encoder)
			.toAbsolutePath().toString()));
		edits.put("encoder-missing", j -> j.getAsJsonObject("encoder").addProperty("file", "absent.onnx"));
		edits.put("encoder-wrong-sha", j -> j.getAsJsonObject("encoder").addProperty("sha256", "0".repeat(64)));
		edits.put("decoder-is-encoder", j -> {
			j.getAsJsonObject("decoder").addProperty("file", encoder);
			j.getAsJsonObject("decoder").remove("sha256");
		});
		edits.put("interface-unknown", j -> j.getAsJsonObject("decoder").addProperty("interface", "bogus"));
		edits.put("http-url", j -> j.getAsJsonObject("encoder").addProperty("url", "http://example.invalid/e.onnx"));
		edits.put("outputs-empty", j -> j.getAsJsonObject("encoder").add("outputs", new JsonArray()));
		Map<String, Path> made = new LinkedHashMap<>();
		made.put("good", write(into.resolve("good"), modelDir, good.toString()));
		for (Map.Entry<String, Consumer<JsonObject>> e : edits.entrySet()) {
			JsonObject copy = good.deepCopy();
			e.getValue().accept(copy);
			made.put(e.getKey(), write(into.resolve(e.getKey()), modelDir, new GsonBuilder().setPrettyPrinting().create()
				.toJson(copy)));
		}
		made.put("mean-nan", write(into.resolve("mean-nan"), modelDir, good.toString().replaceFirst(
			"\"pixelMean\":\\[[^\\]]*\\]", "\"pixelMean\":[NaN,116.28,103.53]")));
		made.put("not-json", write(into.resolve("not-json"), modelDir, "{ \"id\": \"x\", "));
		made.put("empty", write(into.resolve("empty"), modelDir, ""));
		Path truncated = write(into.resolve("truncated-encoder"), modelDir, good.toString());
		Path link = truncated.resolveSibling(encoder);
		Files.delete(link);
		byte[] head = new byte[1 << 20];
		try (var in = Files.newInputStream(modelDir.resolve(encoder))) {
			in.readNBytes(head, 0, head.length);
		}
		Files.write(link, head);
		JsonObject noSha = good.deepCopy();
		noSha.getAsJsonObject("encoder").remove("sha256");
		Files.writeString(truncated, noSha.toString());
		made.put("truncated-encoder", truncated);
		return made;
	}

	private static JsonObject pre(JsonObject j) { return j.getAsJsonObject("preprocessing"); }

	private static JsonArray numbers(double... values) {
		JsonArray a = new JsonArray();
		for (double v : values) a.add(v);
		return a;
	}

	/** Writes {@code dir/model.json} and hard-links the model's other files beside it. */
	private static Path write(Path dir, Path modelDir, String json) throws IOException {
		Files.createDirectories(dir);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(modelDir)) {
			for (Path f : files)
				if (!f.getFileName().toString().equals("model.json")) Files.createLink(dir.resolve(f.getFileName()), f);
		}
		Path descriptor = dir.resolve("model.json");
		Files.write(descriptor, json.getBytes(StandardCharsets.UTF_8));
		return descriptor;
	}

	/**
	 * Variants of a real cache directory holding one {@code .samemb} file: each a copy with the file truncated,
	 * corrupted, or changed with a valid checksum (NaN values, another tensor shape, another geometry, another model
	 * id). Returns name -> cache directory.
	 */
	static Map<String, Path> caches(Path realCache, Path into) throws IOException {
		Path file;
		try (var list = Files.list(realCache)) {
			file = list.filter(p -> p.toString().endsWith(".samemb")).findFirst().orElseThrow(() -> new IOException(
				"No embedding file in " + realCache));
		}
		byte[] bytes = Files.readAllBytes(file);
		Map<String, byte[]> variants = new LinkedHashMap<>();
		variants.put("truncated", Arrays.copyOf(bytes, bytes.length / 2));
		byte[] flipped = bytes.clone();
		flipped[bytes.length / 2] ^= 0x55;
		variants.put("bad-checksum", flipped);
		EmbeddingLayout layout = new EmbeddingLayout(bytes);
		variants.put("nan-values", layout.withCrc(b -> b.putFloat(layout.firstValue + 400, Float.NaN)));
		variants.put("wrong-shape", layout.withCrc(b -> b.putLong(layout.firstShape + 8, 32)));
		variants.put("wrong-geometry", layout.withCrc(b -> b.putInt(layout.geometry, 999)));
		variants.put("wrong-input-size", layout.withCrc(b -> b.putInt(layout.geometry + 8, 512)));
		variants.put("wrong-model-id", layout.withModelId("othermodel"));
		Map<String, Path> made = new LinkedHashMap<>();
		for (Map.Entry<String, byte[]> v : variants.entrySet()) {
			Path dir = Files.createDirectories(into.resolve(v.getKey()));
			Files.write(dir.resolve(file.getFileName()), v.getValue());
			made.put(v.getKey(), dir);
		}
		return made;
	}

	/** Offsets in an embedding file (format of engine/cache/EmbeddingFiles, version 1). */
	private static final class EmbeddingLayout {

		final byte[] bytes;
		final int keyStart;
		final int modelStart;
		final int geometry;
		final int firstShape;
		final int firstValue;

		EmbeddingLayout(byte[] bytes) {
			this.bytes = bytes;
			ByteBuffer b = ByteBuffer.wrap(bytes);
			keyStart = 11 + 4;
			modelStart = keyStart + 4 + b.getInt(keyStart);
			geometry = modelStart + 4 + b.getInt(modelStart);
			int count = geometry + 21;
			int rank = b.getInt(count + 4);
			firstShape = count + 8;
			firstValue = firstShape + 8 * rank + 4;
		}

		byte[] withCrc(Consumer<ByteBuffer> edit) {
			ByteBuffer b = ByteBuffer.wrap(bytes.clone());
			edit.accept(b);
			return sealed(b.array());
		}

		byte[] withModelId(String id) {
			byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
			List<byte[]> parts = new ArrayList<>();
			parts.add(Arrays.copyOfRange(bytes, 0, modelStart));
			parts.add(ByteBuffer.allocate(4).putInt(idBytes.length).array());
			parts.add(idBytes);
			parts.add(Arrays.copyOfRange(bytes, geometry, bytes.length));
			ByteBuffer b = ByteBuffer.allocate(parts.stream().mapToInt(p -> p.length).sum());
			parts.forEach(b::put);
			return sealed(b.array());
		}

		private static byte[] sealed(byte[] file) {
			CRC32 crc = new CRC32();
			crc.update(file, 0, file.length - 8);
			ByteBuffer.wrap(file).putLong(file.length - 8, crc.getValue());
			return file;
		}
	}
}
