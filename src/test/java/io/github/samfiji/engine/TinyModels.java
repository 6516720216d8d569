package io.github.samfiji.engine;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.sam.SamModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * Access to the tiny analytic stand-in models in {@code src/test/resources/tiny} (see its README.md): their
 * descriptors, opened models, and modified copies of the descriptors for error tests.
 */
public final class TinyModels {

	/** Single-mask decoder: box mask, or point discs of radius 4.5; iou 0.9 (box) / 0.8 (points). */
	public static final String BOX = "tiny-box.json";
	/** Four-mask decoder: radii 4.5, 2.5, 4.5, 6.5; iou 0.5, 0.6, 0.9, 0.7. */
	public static final String MULTIMASK = "tiny-multimask.json";

	/**
	 * Single-mask decoder whose mask is the box / point rule of {@link #BOX} where the image is bright (pooled value
	 * above 123.675; on a 64x64 image every pixel is one embedding cell); iou = mask pixels / rule pixels.
	 */
	public static final String CONTENT = "tiny-content.json";

	public static final String ENCODER_FILE = "tiny_encoder.onnx";
	public static final String BOX_DECODER_FILE = "tiny_decoder_box.onnx";
	public static final String MULTIMASK_DECODER_FILE = "tiny_decoder_multimask.onnx";
	public static final String WRONG_NAMES_FILE = "tiny_decoder_wrong_names.onnx";

	private TinyModels() {}

	/** A file of the tiny resource directory on disk (test resources are on the class path as files). */
	public static Path resource(String name) {
		URL url = TinyModels.class.getResource("/tiny/" + name);
		if (url == null) throw new IllegalStateException("Test resource /tiny/" + name + " is missing");
		try {
			return Paths.get(url.toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	public static ModelDescriptor descriptor(String name) throws IOException {
		return ModelDescriptorReader.read(resource(name));
	}

	public static SamModel open(String name) throws IOException {
		return SamModel.open(descriptor(name), EngineOptions.defaults());
	}

	/** The descriptor's JSON, to modify and write with {@link #writeDescriptor}. */
	public static JsonObject descriptorJson(String name) {
		try {
			return JsonParser.parseString(new String(Files.readAllBytes(resource(name)), StandardCharsets.UTF_8))
				.getAsJsonObject();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Copies tiny resource files into {@code dir}. */
	public static void copyTo(Path dir, String... names) throws IOException {
		for (String n : names)
			Files.copy(resource(n), dir.resolve(n), StandardCopyOption.REPLACE_EXISTING);
	}

	/** Writes {@code json} as {@code dir/fileName} and returns the path. */
	public static Path writeDescriptor(Path dir, String fileName, JsonObject json) throws IOException {
		Gson gson = new GsonBuilder().setPrettyPrinting().create();
		Path file = dir.resolve(fileName);
		Files.write(file, gson.toJson(json).getBytes(StandardCharsets.UTF_8));
		return file;
	}
}
