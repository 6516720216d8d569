package io.github.samfiji.engine.decode.rewrite;

import ai.onnxruntime.OrtEnvironment;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.github.samfiji.engine.io.AtomicFiles;
import io.github.samfiji.engine.model.Checksums;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The rewritten twin of a single-mask decoder file ({@link SingleMaskRewrite}), made once and kept beside it: for
 * {@code sam.onnx}, {@code sam.candidates.onnx} and a record {@code sam.candidates.json} holding the original's and
 * the twin's SHA-256 (or, for a graph the rewrite does not recognise, the reason, so that it is not parsed again).
 * The original file is never changed. The twin is checked ({@link RewriteCheck}) before it is written, atomically,
 * and its checksum is verified whenever it is used; a twin that no longer matches its record, or a record of
 * another original, is made again.
 */
public final class CandidateDecoderFile {

	private static final String SUFFIX = ".candidates";

	private CandidateDecoderFile() {}

	/**
	 * The rewritten decoder for {@code original}, made now if needed.
	 *
	 * @param originalSha256 the original's SHA-256 as already verified, or {@code null} to compute it
	 * @return the rewritten file, or empty when the original has no single-mask selection to undo
	 * @throws IOException when the original cannot be read, or the twin or its record cannot be written beside it
	 */
	public static Optional<Path> prepare(OrtEnvironment env, Path original, String originalSha256) throws IOException {
		String sourceSha = originalSha256 != null ? originalSha256 : Checksums.sha256(original);
		Path twin = twinOf(original), record = recordOf(original);
		JsonObject known = read(record);
		if (known != null && sourceSha.equalsIgnoreCase(string(known, "sourceSha256"))) {
			if (known.has("unsupported")) return Optional.empty();
			if (Files.isRegularFile(twin) && matches(twin, string(known, "sha256"))) return Optional.of(twin);
		}
		JsonObject made = new JsonObject();
		made.addProperty("source", original.getFileName().toString());
		made.addProperty("sourceSha256", sourceSha);
		Optional<Path> result;
		try {
			byte[] rewritten = SingleMaskRewrite.rewrite(Files.readAllBytes(original));
			RewriteCheck.check(env, rewritten);
			AtomicFiles.write(twin, out -> out.write(rewritten));
			made.addProperty("sha256", Checksums.sha256(twin));
			made.addProperty("outputs", String.join(",", SingleMaskRewrite.OUTPUTS));
			result = Optional.of(twin);
		}
		catch (UnsupportedGraphException e) {
			made.addProperty("unsupported", e.getMessage());
			result = Optional.empty();
		}
		AtomicFiles.write(record, out -> out.write(made.toString().getBytes(StandardCharsets.UTF_8)));
		return result;
	}

	/** Where the rewritten twin of {@code original} lives: {@code NAME.candidates.onnx} beside it. */
	public static Path twinOf(Path original) {
		return original.resolveSibling(stem(original) + SUFFIX + ".onnx");
	}

	/** The record of the twin: {@code NAME.candidates.json} beside the original. */
	public static Path recordOf(Path original) {
		return original.resolveSibling(stem(original) + SUFFIX + ".json");
	}

	private static String stem(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
	}

	private static boolean matches(Path twin, String sha) {
		try {
			Checksums.verify(twin, sha);
			return sha != null;
		}
		catch (IOException e) {
			return false; // altered or truncated: made again below
		}
	}

	private static JsonObject read(Path record) {
		if (!Files.isRegularFile(record)) return null;
		try {
			return JsonParser.parseString(new String(Files.readAllBytes(record), StandardCharsets.UTF_8))
				.getAsJsonObject();
		}
		catch (IOException | JsonParseException | IllegalStateException e) {
			return null; // unreadable record: the twin is made again and the record rewritten
		}
	}

	private static String string(JsonObject o, String key) {
		return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
	}
}
