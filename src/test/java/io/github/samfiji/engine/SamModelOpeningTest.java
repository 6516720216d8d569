package io.github.samfiji.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.sam.SamModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a model checks checksums, file format and tensor names, and says clearly what is wrong. */
class SamModelOpeningTest {

	@TempDir
	Path dir;
	private JsonObject json;

	@BeforeEach
	void copyTinyModelWithChecksums() throws IOException {
		TinyModels.copyTo(dir, TinyModels.ENCODER_FILE, TinyModels.BOX_DECODER_FILE, TinyModels.WRONG_NAMES_FILE);
		json = TinyModels.descriptorJson(TinyModels.BOX);
		encoder().addProperty("sha256", sha256Hex(dir.resolve(TinyModels.ENCODER_FILE)));
		decoder().addProperty("sha256", sha256Hex(dir.resolve(TinyModels.BOX_DECODER_FILE)));
	}

	/** SHA-256 computed here with the JDK, independently of the engine's Checksums. */
	private static String sha256Hex(Path file) throws IOException {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
			StringBuilder hex = new StringBuilder();
			for (byte b : digest)
				hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
			return hex.toString();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private JsonObject decoder() { return json.getAsJsonObject("decoder"); }

	private JsonObject encoder() { return json.getAsJsonObject("encoder"); }

	private String openFails() throws IOException {
		Path file = TinyModels.writeDescriptor(dir, "model.json", json);
		IOException e = assertThrows(IOException.class, () -> SamModel.open(ModelDescriptorReader.read(file),
			EngineOptions.defaults()).close());
		return e.getMessage();
	}

	@Test
	void validDescriptorWithChecksumsOpens() throws IOException {
		Path file = TinyModels.writeDescriptor(dir, "model.json", json);
		try (SamModel model = SamModel.open(ModelDescriptorReader.read(file), EngineOptions.defaults().withThreads(1))) {
			assertEquals("tiny-box", model.descriptor().id());
			assertEquals(1, model.decoder().candidateCount());
			assertEquals(0, model.encoder().runCount());
		}
	}

	@Test
	void upperCaseChecksumIsAccepted() throws IOException {
		decoder().addProperty("sha256", decoder().get("sha256").getAsString().toUpperCase());
		Path file = TinyModels.writeDescriptor(dir, "model.json", json);
		SamModel.open(ModelDescriptorReader.read(file), EngineOptions.defaults()).close();
	}

	@Test
	void decoderWithWrongTensorNamesNamesTheFileAndTheExpectedTensors() throws IOException {
		decoder().addProperty("file", TinyModels.WRONG_NAMES_FILE);
		decoder().remove("sha256");
		String m = openFails();
		assertTrue(m.startsWith(dir.resolve(TinyModels.WRONG_NAMES_FILE).toString()), m);
		assertTrue(m.contains("has inputs [coords, embeddings, labels] and outputs [out]"), m);
		assertTrue(m.contains("expects inputs [image_embeddings, point_coords, point_labels, mask_input, " +
			"has_mask_input, orig_im_size] and outputs [masks, iou_predictions, low_res_masks]"), m);
	}

	@Test
	void fileThatIsNotOnnxIsRefusedByName() throws IOException {
		Files.write(dir.resolve("garbage.onnx"), "this is not a protobuf\n\0\1\2\3".getBytes(StandardCharsets.UTF_8));
		encoder().addProperty("file", "garbage.onnx");
		encoder().remove("sha256");
		String m = openFails();
		assertTrue(m.startsWith(dir.resolve("garbage.onnx") + " is not a valid ONNX model"), m);
		assertTrue(m.contains("Expected inputs [input] and outputs [output]"), m);
	}

	@Test
	void checksumMismatchIsRefusedWithBothChecksums() throws IOException {
		String wrong = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
		decoder().addProperty("sha256", wrong);
		String actual = sha256Hex(dir.resolve(TinyModels.BOX_DECODER_FILE));
		String m = openFails();
		assertEquals("Checksum mismatch for " + dir.resolve(TinyModels.BOX_DECODER_FILE) + ": expected SHA-256 " +
			wrong + " but the file has " + actual +
			". The file is corrupt or is not the model its descriptor names; reinstall the model.", m);
	}

	@Test
	void missingModelFileIsNamed() throws IOException {
		encoder().addProperty("file", "absent.onnx");
		assertEquals("Model file not found: " + dir.resolve("absent.onnx"), openFails());
		encoder().remove("sha256");
		assertEquals("Model file not found: " + dir.resolve("absent.onnx"), openFails());
	}

	@Test
	void unknownDecoderInterfaceIsRefused() throws IOException {
		decoder().addProperty("interface", "sam2-hiera");
		assertEquals("Model 'tiny-box' uses decoder interface 'sam2-hiera', which this version does not know. " +
			"Known: sam-onnx, sam2-onnx, efficientsam-onnx, sam2-osam, edgesam-onnx, efficientvit-sam-onnx", openFails());
	}

	@Test
	void descriptorContradictingTheDecoderInterfaceIsRefused() throws IOException {
		JsonArray outputs = new JsonArray();
		outputs.add("masks");
		outputs.add("scores");
		decoder().add("outputs", outputs);
		String m = openFails();
		assertTrue(m.startsWith("Model 'tiny-box': decoder interface sam-onnx needs inputs"), m);
		assertTrue(m.contains("[masks, scores]"), m);
	}

	@Test
	void encoderDescriptorWithTwoInputsIsRefused() throws IOException {
		encoder().getAsJsonArray("inputs").add("extra");
		assertEquals("Model 'tiny-box': the encoder must have exactly one input, the descriptor lists [input, extra]",
			openFails());
	}

	@Test
	void encoderOutputMissingFromTheFileIsRefused() throws IOException {
		JsonArray outputs = new JsonArray();
		outputs.add("image_embeddings");
		encoder().add("outputs", outputs);
		String m = openFails();
		assertTrue(m.startsWith(dir.resolve(TinyModels.ENCODER_FILE) + " has inputs [input] and outputs [output]"), m);
		assertTrue(m.contains("expects inputs [input] and outputs [image_embeddings]"), m);
	}
}
