package io.github.samfiji.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.github.samfiji.engine.TinyModels;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Model descriptors: all fields read, file names resolved next to the descriptor, errors name file and field. */
class ModelDescriptorReaderTest {

	@TempDir
	Path dir;

	private Path write(String name, String text) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, text.getBytes(StandardCharsets.UTF_8));
		return file;
	}

	private String readFails(Path file) {
		IOException e = assertThrows(IOException.class, () -> ModelDescriptorReader.read(file));
		return e.getMessage();
	}

	@Test
	void tinyBoxDescriptorIsReadCompletely() throws IOException {
		Path file = TinyModels.resource(TinyModels.BOX);
		ModelDescriptor d = ModelDescriptorReader.read(file);
		assertEquals("tiny-box", d.id());
		assertEquals("Tiny analytic SAM stand-in (single mask)", d.name());
		assertEquals("MIT", d.license());
		assertEquals(Arrays.asList("point", "box", "mask"), d.promptTypes());
		assertEquals("tiny_encoder.onnx", d.encoder().fileName());
		assertNull(d.encoder().sha256()); // the tiny descriptors carry no checksums, so the models can be regenerated
		assertEquals(Arrays.asList("input"), d.encoder().inputs());
		assertEquals(Arrays.asList("output"), d.encoder().outputs());
		assertEquals("sam-onnx", d.decoderInterface());
		assertFalse(d.multimask());
		assertEquals(Arrays.asList("image_embeddings", "point_coords", "point_labels", "mask_input", "has_mask_input",
			"orig_im_size"), d.decoder().inputs());
		assertEquals(Arrays.asList("masks", "iou_predictions", "low_res_masks"), d.decoder().outputs());
		assertEquals(1024, d.preprocessing().inputSize());
		assertEquals(Preprocessing.ResizeRule.LONGEST_SIDE, d.preprocessing().resizeRule());
		assertArrayEquals(new float[] { 123.675f, 116.28f, 103.53f }, d.preprocessing().pixelMean());
		assertArrayEquals(new float[] { 58.395f, 57.12f, 57.375f }, d.preprocessing().pixelStd());
		assertEquals(file.getParent(), d.directory());
		assertEquals(file.getParent().resolve("tiny_encoder.onnx"), d.encoderPath());
		assertEquals(file.getParent().resolve("tiny_decoder_box.onnx"), d.decoderPath());
	}

	@Test
	void multimaskFlagIsRead() throws IOException {
		assertTrue(TinyModels.descriptor(TinyModels.MULTIMASK).multimask());
	}

	@Test
	void optionalFieldsGetDefaults() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		for (String key : new String[] { "description", "license", "source", "promptTypes" })
			json.remove(key);
		json.getAsJsonObject("decoder").remove("multimask");
		json.getAsJsonObject("decoder").remove("sha256");
		json.getAsJsonObject("preprocessing").addProperty("resize", "stretch");
		ModelDescriptor d = ModelDescriptorReader.read(TinyModels.writeDescriptor(dir, "d.json", json));
		assertEquals("", d.description());
		assertEquals("unknown", d.license());
		assertEquals("", d.source());
		assertTrue(d.promptTypes().isEmpty());
		assertFalse(d.multimask());
		assertNull(d.decoder().sha256());
		assertEquals(Preprocessing.ResizeRule.STRETCH, d.preprocessing().resizeRule());
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "name", "encoder", "decoder", "preprocessing", "encoder.file", "encoder.inputs",
		"encoder.outputs", "decoder.file", "decoder.interface", "decoder.inputs", "decoder.outputs",
		"preprocessing.inputSize", "preprocessing.resize", "preprocessing.pixelMean", "preprocessing.pixelStd" })
	void missingFieldIsNamed(String field) throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		String[] path = field.split("\\.");
		(path.length == 1 ? json : json.getAsJsonObject(path[0])).remove(path[path.length - 1]);
		Path file = TinyModels.writeDescriptor(dir, "broken.json", json);
		assertEquals(file + ": missing field \"" + field + "\"", readFails(file));
	}

	@Test
	void nullFieldCountsAsMissing() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.add("id", com.google.gson.JsonNull.INSTANCE);
		Path file = TinyModels.writeDescriptor(dir, "null.json", json);
		assertEquals(file + ": missing field \"id\"", readFails(file));
	}

	@Test
	void malformedJsonIsReportedWithTheFile() throws IOException {
		Path file = write("bad.json", "{ \"id\": \"x\", \"name\": ");
		String m = readFails(file);
		assertTrue(m.startsWith(file + ": not valid JSON ("), m);
	}

	@Test
	void jsonThatIsNotAnObjectIsRefused() throws IOException {
		Path file = write("array.json", "[1, 2, 3]");
		assertEquals(file + ": a model descriptor must be a JSON object", readFails(file));
	}

	@Test
	void emptyStringFieldIsRefused() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.addProperty("id", "");
		Path file = TinyModels.writeDescriptor(dir, "empty-id.json", json);
		assertEquals(file + ": field \"id\" must be a non-empty string", readFails(file));
	}

	@Test
	void emptyTensorListIsRefused() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.getAsJsonObject("encoder").add("outputs", new JsonArray());
		Path file = TinyModels.writeDescriptor(dir, "no-outputs.json", json);
		assertEquals(file + ": field \"encoder.outputs\" must not be empty", readFails(file));
	}

	@Test
	void unknownResizeRuleIsRefused() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.getAsJsonObject("preprocessing").addProperty("resize", "bilinear");
		Path file = TinyModels.writeDescriptor(dir, "resize.json", json);
		assertEquals(file + ": preprocessing.resize must be \"longest-side\" or \"stretch\", not \"bilinear\"",
			readFails(file));
	}

	@Test
	void nonIntegerInputSizeIsRefused() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.getAsJsonObject("preprocessing").addProperty("inputSize", "large");
		Path file = TinyModels.writeDescriptor(dir, "size.json", json);
		assertEquals(file + ": field \"preprocessing.inputSize\" must be an integer", readFails(file));
	}

	@Test
	void fractionalInputSizeIsRefusedRatherThanTruncated() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.getAsJsonObject("preprocessing").addProperty("inputSize", 1024.5);
		Path file = TinyModels.writeDescriptor(dir, "size.json", json);
		assertEquals(file + ": field \"preprocessing.inputSize\" must be an integer", readFails(file));
	}

	@Test
	void multimaskThatIsNotABooleanIsRefused() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.getAsJsonObject("decoder").addProperty("multimask", "yes");
		Path file = TinyModels.writeDescriptor(dir, "multimask.json", json);
		assertEquals(file + ": field \"decoder.multimask\" must be true or false", readFails(file));
		json.getAsJsonObject("decoder").add("multimask", new JsonObject());
		TinyModels.writeDescriptor(dir, "multimask.json", json);
		assertEquals(file + ": field \"decoder.multimask\" must be true or false", readFails(file));
	}

	@Test
	void tensorListWithANonStringIsRefused() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.getAsJsonObject("encoder").getAsJsonArray("inputs").add(new JsonObject());
		Path file = TinyModels.writeDescriptor(dir, "inputs.json", json);
		assertEquals(file + ": field \"encoder.inputs\" must be an array of strings", readFails(file));
	}

	@Test
	void optionalTextFieldThatIsAnObjectIsRefused() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.add("license", new JsonObject());
		Path file = TinyModels.writeDescriptor(dir, "license.json", json);
		assertEquals(file + ": field \"license\" must be a string", readFails(file));
	}

	@Test
	void pixelMeanWithTwoValuesIsRefused() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		JsonArray mean = new JsonArray();
		mean.add(1);
		mean.add(2);
		json.getAsJsonObject("preprocessing").add("pixelMean", mean);
		Path file = TinyModels.writeDescriptor(dir, "mean.json", json);
		assertEquals(file + ": field \"preprocessing.pixelMean\" must hold three numbers (R, G, B), not [1.0, 2.0]",
			readFails(file));
	}

	@Test
	void zeroPixelStdIsRefused() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		JsonArray std = new JsonArray();
		std.add(1);
		std.add(0);
		std.add(1);
		json.getAsJsonObject("preprocessing").add("pixelStd", std);
		Path file = TinyModels.writeDescriptor(dir, "std.json", json);
		assertEquals(file + ": field \"preprocessing.pixelStd\" must hold three numbers above 0 (R, G, B), not [1.0, " +
			"0.0, 1.0]", readFails(file));
	}

	@Test
	void missingDescriptorFileIsNamed() {
		Path file = dir.resolve("nothing-here.json");
		assertEquals("Model descriptor not found: " + file, readFails(file));
	}

	@Test
	void descriptorFromAStreamHasNoDirectory() throws IOException {
		byte[] bytes = Files.readAllBytes(TinyModels.resource(TinyModels.BOX));
		ModelDescriptor d = ModelDescriptorReader.read(new ByteArrayInputStream(bytes), "bundled:tiny-box");
		assertNull(d.directory());
		IllegalStateException e = assertThrows(IllegalStateException.class, d::encoderPath);
		assertEquals("Model 'tiny-box' has no directory: install it first", e.getMessage());
		assertEquals(dir.resolve("tiny_encoder.onnx"), d.withDirectory(dir).encoderPath());
	}

	@Test
	void streamErrorsNameTheOrigin() {
		IOException e = assertThrows(IOException.class, () -> ModelDescriptorReader.read(new ByteArrayInputStream(
			"{}".getBytes(StandardCharsets.UTF_8)), "bundled:empty"));
		assertEquals("bundled:empty: missing field \"decoder\"", e.getMessage());
	}

	@Test
	void familyFieldsAreRead() throws IOException {
		ModelDescriptor medsam = ModelDescriptorReader.read(java.nio.file.Paths.get("models", "medsam.json"));
		assertEquals(Preprocessing.Normalization.MIN_MAX, medsam.preprocessing().normalization());
		assertEquals(Preprocessing.ResizeRule.STRETCH, medsam.preprocessing().resizeRule());
		assertEquals(ModelDescriptor.MaskUpsampling.PROBABILITIES, medsam.maskUpsampling());
		assertEquals(Arrays.asList("box"), medsam.promptTypes());
		ModelDescriptor vitH = ModelDescriptorReader.read(java.nio.file.Paths.get("models", "sam-vit-h.json"));
		assertEquals("https://dl.fbaipublicfiles.com/segment_anything/sam_vit_h_4b8939.pth", vitH.checkpointUrl());
		assertEquals("encoder.onnx.data", vitH.encoder().externalData().fileName());
		assertEquals(Arrays.asList("encoder.onnx", "encoder.onnx.data", "decoder.onnx"), vitH.files().stream().map(
			ModelFile::fileName).collect(java.util.stream.Collectors.toList()));
		assertFalse(vitH.downloadable());
		ModelDescriptor tiny = TinyModels.descriptor(TinyModels.BOX);
		assertEquals(Preprocessing.Normalization.MEAN_STD, tiny.preprocessing().normalization());
		assertEquals(ModelDescriptor.MaskUpsampling.LOGITS, tiny.maskUpsampling());
		assertNull(tiny.checkpointUrl());
		assertNull(tiny.encoder().file().url());
	}

	@Test
	void downloadUrlsAndChecksumsMakeADescriptorDownloadable() throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		String sha = "ab".repeat(32);
		for (String part : new String[] { "encoder", "decoder" }) {
			json.getAsJsonObject(part).addProperty("url", "https://example.org/" + part + ".onnx");
			json.getAsJsonObject(part).addProperty("sha256", sha);
		}
		ModelDescriptor d = ModelDescriptorReader.read(TinyModels.writeDescriptor(dir, "d.json", json));
		assertTrue(d.downloadable());
		assertEquals("https://example.org/decoder.onnx", d.decoder().file().url());
	}

	@ParameterizedTest
	@ValueSource(strings = { "url=ftp://host/x.onnx", "sha256=abc", "file=/abs/x.onnx", "normalization=z-score",
		"upsample=nearest", "url=http://example.org/x.onnx", "file=../x.onnx", "file=sub/x.onnx", "file=..",
		"file=C:x.onnx" })
	void badFamilyFieldsAreNamed(String change) throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		String key = change.split("=")[0], value = change.split("=")[1];
		JsonObject target = key.equals("normalization") ? json.getAsJsonObject("preprocessing") : json.getAsJsonObject(
			"decoder");
		target.addProperty(key, value);
		Path file = TinyModels.writeDescriptor(dir, "bad.json", json);
		String expected;
		switch (key) {
			case "url": expected = "field \"decoder.url\" must be an https:// URL, not \"" + value + "\""; break;
			case "sha256": expected = "field \"decoder.sha256\" must be 64 hexadecimal digits"; break;
			case "file": expected = "field \"decoder.file\" must be a file name beside the descriptor (no folder, no " +
				"'..'), not \"" + value + "\""; break;
			case "normalization": expected = "field \"preprocessing.normalization\" must be one of \"mean-std\", \"min-max\", not \"z-score\""; break;
			default: expected = "field \"decoder.upsample\" must be one of \"logits\", \"probabilities\", not \"nearest\"";
		}
		assertEquals(file + ": " + expected, readFails(file));
	}

	@Test
	void everyBundledDescriptorIsValid() throws IOException {
		for (Path f : io.github.samfiji.engine.FamilyTwins.bundledDescriptors()) {
			ModelDescriptor d = ModelDescriptorReader.read(f);
			assertEquals(f.getFileName().toString(), d.id() + ".json", "file name = id");
			assertFalse(d.license().equals("unknown"), d.id() + " states its licence");
			assertFalse(d.source().isEmpty(), d.id() + " states its source");
			assertFalse(d.promptTypes().isEmpty(), d.id() + " states its prompts");
		}
	}
	@Test
	void catalogFieldsAreRead() throws IOException {
		ModelDescriptor edge = ModelDescriptorReader.read(java.nio.file.Paths.get("models", "edgesam.json"));
		assertTrue(edge.catalog().licenseAcceptance());
		assertEquals("https://github.com/chongzhou96/EdgeSAM/blob/master/LICENSE", edge.catalog().licenseUrl());
		assertEquals(SpeedClass.FAST, edge.catalog().speed());
		assertEquals(22098300L, edge.encoder().file().size());
		assertEquals(22098300L + 15937006L, edge.downloadSize());
		assertNull(edge.catalog().archive());
		assertEquals(edge.files(), edge.downloads());

		ModelDescriptor zip = ModelDescriptorReader.read(java.nio.file.Paths.get("models", "mobilesam-anylabeling.json"));
		ModelFile archive = zip.catalog().archive();
		assertEquals("mobile_sam_20230629.zip", archive.fileName());
		assertEquals(java.util.Collections.singletonList(archive), zip.downloads());
		assertTrue(zip.downloadable(), "the archive's URL and checksum suffice");
		assertEquals(-1, zip.downloadSize(), "the zip's size is not published");
		assertNull(zip.encoder().sha256());
		assertFalse(zip.fullSizeMasks());
		assertEquals(Preprocessing.InputLayout.RESIZED_HWC, zip.preprocessing().layout());

		ModelDescriptor esam = ModelDescriptorReader.read(java.nio.file.Paths.get("models", "efficientsam-ti-labelme.json"));
		assertEquals(Preprocessing.InputLayout.ORIGINAL, esam.preprocessing().layout());
		ModelDescriptor tiny = TinyModels.descriptor(TinyModels.BOX);
		assertTrue(tiny.fullSizeMasks());
		assertFalse(tiny.catalog().licenseAcceptance());
		assertNull(tiny.catalog().licenseUrl());
		assertEquals(SpeedClass.UNKNOWN, tiny.catalog().speed());
		assertEquals(Preprocessing.InputLayout.PADDED, tiny.preprocessing().layout());
		assertEquals(-1, tiny.encoder().file().size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=-2", "size=1.5", "speed=instant", "layout=hwc", "layout=resized-hwc",
		"licenseAcceptance=true", "archive=a/b.zip" })
	void badCatalogFieldsAreNamed(String change) throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		String key = change.split("=")[0], value = change.split("=")[1];
		String expected;
		switch (key) {
			case "size":
				json.getAsJsonObject("encoder").addProperty("size", Double.parseDouble(value));
				expected = "field \"encoder.size\" must be a size in bytes (an integer, at least 0)";
				break;
			case "speed":
				json.addProperty("speed", value);
				expected = "field \"speed\" must be one of \"fast\", \"medium\", \"slow\", \"very-slow\", \"unknown\", " +
					"not \"instant\"";
				break;
			case "layout":
				json.getAsJsonObject("preprocessing").addProperty("layout", value);
				if (value.equals("resized-hwc")) json.getAsJsonObject("preprocessing").addProperty("resize", "stretch");
				expected = value.equals("hwc") ? "field \"preprocessing.layout\" must be one of \"padded\", " +
					"\"resized-hwc\", \"original\", not \"hwc\"" : "layout resized-hwc needs resize longest-side (the graph " +
						"pads the resized image)";
				break;
			case "licenseAcceptance":
				json.addProperty("licenseAcceptance", true);
				expected = "A licence that must be accepted needs its address (licenseUrl), so that users can read it";
				break;
			default:
				JsonObject archive = new JsonObject();
				archive.addProperty("file", value);
				json.add("archive", archive);
				expected = "field \"archive.file\" must be a file name beside the descriptor (no folder, no '..'), not \"a/b.zip\"";
		}
		Path file = TinyModels.writeDescriptor(dir, "bad.json", json);
		assertEquals(file + ": " + expected, readFails(file));
	}

	/** Sets {@code preprocessing.KEY} to the JSON {@code value} and returns the reader's message. */
	private String preprocessingRefused(String key, String value) throws IOException {
		JsonObject json = TinyModels.descriptorJson(TinyModels.BOX);
		json.getAsJsonObject("preprocessing").add(key, com.google.gson.JsonParser.parseString(value));
		Path file = TinyModels.writeDescriptor(dir, "pre.json", json);
		return readFails(file).substring(file.toString().length() + 2);
	}

	@Test
	void inputSizeIsBounded() throws IOException {
		// 65536 gave a NegativeArraySizeException (3 x 65536^2 floats); 0 and negative sizes divided by zero
		for (String size : new String[] { "65536", "4097", "63", "0", "-1024" })
			assertEquals("field \"preprocessing.inputSize\" must be 64 to 4096, not " + size, preprocessingRefused(
				"inputSize", size), size);
	}

	@Test
	void meanAndStdMustBeFiniteAndStdPositive() throws IOException {
		assertEquals("field \"preprocessing.pixelMean\" must hold finite numbers, not [NaN, 1.0, 1.0]",
			preprocessingRefused("pixelMean", "[NaN, 1, 1]"));
		assertEquals("field \"preprocessing.pixelMean\" must hold finite numbers, not [Infinity, 1.0, 1.0]",
			preprocessingRefused("pixelMean", "[1e39, 1, 1]"));
		assertEquals("field \"preprocessing.pixelStd\" must hold finite numbers, not [1.0, Infinity, 1.0]",
			preprocessingRefused("pixelStd", "[1, Infinity, 1]"));
		assertEquals("field \"preprocessing.pixelStd\" must hold three numbers above 0 (R, G, B), not [1.0, 0.0, 1.0]",
			preprocessingRefused("pixelStd", "[1, 0, 1]"));
		assertEquals("field \"preprocessing.pixelStd\" must hold three numbers above 0 (R, G, B), not [-58.0, 1.0, 1.0]",
			preprocessingRefused("pixelStd", "[-58, 1, 1]"));
		assertEquals("field \"preprocessing.pixelMean\" must hold three numbers (R, G, B), not [1.0, 2.0]",
			preprocessingRefused("pixelMean", "[1, 2]"));
	}

	@Test
	void truncatedJsonIsNamedWithoutAnExceptionClass() throws IOException {
		Path file = write("cut.json", "{ \"id\": \"x\", ");
		assertEquals(file + ": not valid JSON (End of input at line 1 column 14 path $.id)", readFails(file));
	}
}
