package io.github.samfiji.batch;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelFile;
import io.github.samfiji.options.Front;
import io.github.samfiji.options.Option;
import io.github.samfiji.options.OptionValues;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a batch records with each image's outputs ({@value #FILE} in its folder): the work (the SHA-256 of the image
 * and of its prompt or object file, the operation, every option that changes results, the model's files) and what
 * it gave (objects, encoder runs, seconds, the run's notes). A rerun skips an image whose folder holds a complete set
 * with a record of the same work ({@link #sameWork}). Immutable.
 */
final class ImageRecord {

	static final String FILE = "batch.json";
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
		.setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

	private String image;
	private String imageSha256;
	private LinkedHashMap<String, String> inputSha256 = new LinkedHashMap<>();
	private String operation;
	private String options;
	private String model;
	private int objects;
	private long encoderRuns;
	private double seconds;
	private List<String> notes = new ArrayList<>();

	private ImageRecord() {}

	/**
	 * The work of one image.
	 *
	 * @param inputs the SHA-256 of the image's own files, by flag (e.g. {@code prompts})
	 * @param values the values it runs with
	 * @param model its model's descriptor
	 */
	static ImageRecord of(String image, String imageSha256, Map<String, String> inputs, OptionValues values,
		ModelDescriptor model)
	{
		ImageRecord r = new ImageRecord();
		r.image = image;
		r.imageSha256 = imageSha256;
		r.inputSha256 = new LinkedHashMap<>(inputs);
		r.operation = values.operation().key();
		r.options = options(values);
		r.model = model(model);
		return r;
	}

	/** The same work with what it gave. */
	ImageRecord withResults(int objectCount, long encoded, double time, List<String> runNotes) {
		ImageRecord r = copy();
		r.objects = objectCount;
		r.encoderRuns = encoded;
		r.seconds = time;
		r.notes = new ArrayList<>(runNotes);
		return r;
	}

	/** Whether {@code other} records the same work: same input bytes, operation, result-changing options and model. */
	boolean sameWork(ImageRecord other) {
		return other != null && Objects.equals(imageSha256, other.imageSha256) && Objects.equals(inputSha256,
			other.inputSha256) && Objects.equals(operation, other.operation) && Objects.equals(options, other.options) &&
			Objects.equals(model, other.model);
	}

	int objects() { return objects; }

	long encoderRuns() { return encoderRuns; }

	double seconds() { return seconds; }

	/**
	 * The options that change what is computed, as {@code name=value} in the table's order: those of the command line
	 * but the image's own files (recorded by their SHA-256) and the neutral ones (threads, cache, output directory...).
	 */
	static String options(OptionValues values) {
		StringBuilder s = new StringBuilder();
		for (Option<?> o : values.options())
			if (o.isOn(Front.CLI) && !o.isPerImage() && !o.isNeutral()) s.append(s.length() == 0 ? "" : " ").append(o.name()).append('=')
				.append(text(values, o));
		return s.toString();
	}

	/** The model's id and its files, each by its SHA-256 where the descriptor gives one, else by its size. */
	static String model(ModelDescriptor d) {
		StringBuilder s = new StringBuilder(d.id());
		for (ModelFile f : d.files()) {
			String size;
			try {
				size = String.valueOf(Files.size(d.path(f)));
			}
			catch (IOException e) {
				size = "missing";
			}
			s.append(' ').append(f.fileName()).append(':').append(f.sha256() != null ? f.sha256() : "size " + size);
		}
		return s.toString();
	}

	/** Writes the record into {@code dir}. */
	void write(Path dir) throws IOException {
		try (Writer w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
			GSON.toJson(this, w);
		}
	}

	/** The record in {@code dir}, or {@code null} when there is none or it cannot be read. */
	static ImageRecord read(Path dir) {
		Path file = dir.resolve(FILE);
		if (!Files.isRegularFile(file)) return null;
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return GSON.fromJson(r, ImageRecord.class);
		}
		catch (IOException | JsonParseException e) {
			return null;
		}
	}

	private static <T> String text(OptionValues values, Option<T> o) {
		T value = values.get(o);
		return value == null ? "" : o.format(value);
	}

	private ImageRecord copy() {
		ImageRecord r = new ImageRecord();
		r.image = image;
		r.imageSha256 = imageSha256;
		r.inputSha256 = new LinkedHashMap<>(inputSha256);
		r.operation = operation;
		r.options = options;
		r.model = model;
		r.objects = objects;
		r.encoderRuns = encoderRuns;
		r.seconds = seconds;
		r.notes = new ArrayList<>(notes);
		return r;
	}
}
