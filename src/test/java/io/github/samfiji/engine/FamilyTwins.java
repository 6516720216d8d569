package io.github.samfiji.engine;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.samfiji.engine.decode.MaskUpsampler;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.model.ModelFile;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.model.Preprocessing;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The interface twins of the model families ({@code scripts/make_family_twins.py}, files in
 * {@code src/test/resources/twins}, plus the tiny SAM models): which twin stands in for a descriptor's files, a
 * model store in which a real descriptor of {@code models/} is installed with its twins, and the twins' frame rule
 * evaluated independently of the engine.
 */
public final class FamilyTwins {

	/** Frame-rule box margin, in the 1024 frame. */
	public static final double MARGIN = 1.0;
	public static final double[] R2_MULTI = { 256, 64, 1024 };
	public static final double R2_SINGLE = 256;
	public static final float[] IOU_MULTI = { 0.6f, 0.9f, 0.7f };
	/** Squared radii of the four-candidate twins of scripts/make_layout_twins.py (candidate 0: single mask). */
	public static final double[] R2_QUAD = { 256, 64, 576, 1024 };
	public static final float[] IOU_QUAD = { 0.5f, 0.6f, 0.9f, 0.7f };
	private static final double GUARD = 1e-3;

	private FamilyTwins() {}

	/** A twin file on disk. */
	public static Path twin(String name) {
		try {
			return Paths.get(FamilyTwins.class.getResource("/twins/" + name).toURI());
		}
		catch (URISyntaxException | NullPointerException e) {
			throw new IllegalStateException("Test resource /twins/" + name + " is missing", e);
		}
	}

	/** The descriptors of {@code models/} in the project directory, sorted by file name. */
	public static List<Path> bundledDescriptors() throws IOException {
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> dir = Files.newDirectoryStream(Paths.get("models"), "*.json")) {
			for (Path f : dir) files.add(f);
		}
		files.sort(null);
		return files;
	}

	/** The twin that has the tensors of the descriptor's encoder (its input name, outputs, layout and size). */
	public static Path encoderTwin(ModelDescriptor d) {
		Preprocessing p = d.preprocessing();
		boolean oneOutput = d.encoder().outputs().size() == 1;
		switch (d.encoder().inputs().get(0)) {
			case "input": return oneOutput ? TinyModels.resource(TinyModels.ENCODER_FILE) : twin(
				"published/osam_sam2_encoder.onnx");
			case "x": return twin("published/sam_x_encoder.onnx");
			case "input_image":
				if (p.layout() == Preprocessing.InputLayout.RESIZED_HWC) return twin("published/samexporter_hwc_encoder.onnx");
				return p.inputSize() == 512 ? twin("published/efficientvit_encoder.onnx") : twin("sam_encoder.onnx");
			case "image": return oneOutput ? twin("published/edgesam_encoder.onnx") : twin("sam2_encoder.onnx");
			case "batched_images": return p.layout() == Preprocessing.InputLayout.ORIGINAL ? twin(
				"published/efficientsam_hw_encoder.onnx") : twin("efficientsam_encoder.onnx");
			default: throw new IllegalArgumentException("No twin for encoder input " + d.encoder().inputs());
		}
	}

	/** The twin decoder of the descriptor's interface (and, for the SAM export, its resize rule and mask count). */
	public static Path decoderTwin(ModelDescriptor d) {
		switch (d.decoderInterface()) {
			case "sam-onnx":
				if (d.preprocessing().resizeRule() == Preprocessing.ResizeRule.STRETCH || !d.fullSizeMasks()) return twin(
					"sam_frame_decoder.onnx");
				return TinyModels.resource(d.multimask() ? TinyModels.MULTIMASK_DECODER_FILE : TinyModels.BOX_DECODER_FILE);
			case "sam2-onnx": return twin("sam2_decoder.onnx");
			case "efficientsam-onnx": return twin("efficientsam_decoder.onnx");
			case "sam2-osam": return twin("published/osam_sam2_decoder.onnx");
			case "edgesam-onnx": return twin("published/edgesam_decoder.onnx");
			case "efficientvit-sam-onnx": return twin("published/efficientvit_decoder.onnx");
			default: throw new IllegalArgumentException("No twin for interface " + d.decoderInterface());
		}
	}

	/**
	 * Installs the real descriptor {@code json} in a store under {@code root}, with the twins copied under the
	 * descriptor's file names (checksums removed, as the twins are not the real files) and a placeholder for any
	 * external-data file. Returns the installed descriptor.
	 */
	public static ModelDescriptor installWithTwins(Path json, Path root) throws IOException {
		ModelDescriptor real = ModelDescriptorReader.read(json);
		JsonObject o = JsonParser.parseString(new String(Files.readAllBytes(json), StandardCharsets.UTF_8))
			.getAsJsonObject();
		for (String part : new String[] { "encoder", "decoder" }) {
			o.getAsJsonObject(part).remove("sha256");
			if (o.getAsJsonObject(part).has("externalData")) o.getAsJsonObject(part).getAsJsonObject("externalData")
				.remove("sha256");
		}
		Path dir = Files.createDirectories(root.resolve(real.id()));
		Files.copy(encoderTwin(real), dir.resolve(real.encoder().fileName()));
		Files.copy(decoderTwin(real), dir.resolve(real.decoder().fileName()));
		for (ModelFile f : real.files())
			if (!Files.exists(dir.resolve(f.fileName()))) Files.write(dir.resolve(f.fileName()), new byte[] { 0 });
		TinyModels.writeDescriptor(dir, ModelStore.DESCRIPTOR_NAME, o);
		return new ModelStore(root).resolve(real.id());
	}

	/**
	 * Which of a four-candidate twin's candidates (single mask first, predicted IoU {@link #IOU_QUAD}) the default
	 * multimask modes keep first for {@code prompt} (a box: the single mask; one point: the best).
	 */
	public static int defaultQuadCandidate(io.github.samfiji.engine.prompt.ObjectPrompt prompt) {
		io.github.samfiji.engine.decode.DecoderOutput out = new io.github.samfiji.engine.decode.DecoderOutput(4, 1, 1,
			new float[4], IOU_QUAD.clone(), 0, null, true);
		return SegmentationOptions.defaults().modeFor(prompt).select(out).get(0);
	}

	/** Whether the 1024-frame position {@code (fx, fy)} is inside the object under the frame rule. */
	public static boolean inside(double fx, double fy, ObjectPrompt prompt, double sx, double sy, double r2) {
		PromptBox b = prompt.box();
		if (b != null) {
			double[] xs = AnalyticMasks.boxCorners(b.x(), b.maxX()), ys = AnalyticMasks.boxCorners(b.y(), b.maxY());
			double left = xs[0] * sx - MARGIN, right = xs[1] * sx + MARGIN;
			double top = ys[0] * sy - MARGIN, bottom = ys[1] * sy + MARGIN;
			for (double d : new double[] { fx - left, fx - right, fy - top, fy - bottom })
				guard(d);
			return left <= fx && fx <= right && top <= fy && fy <= bottom;
		}
		boolean pos = false, neg = false;
		for (PromptPoint p : prompt.points()) {
			double d2 = (fx - p.x() * sx) * (fx - p.x() * sx) + (fy - p.y() * sy) * (fy - p.y() * sy);
			guard(d2 - r2);
			if (d2 < r2) {
				if (p.positive()) pos = true;
				else neg = true;
			}
		}
		return pos && !neg;
	}

	/** The rule's +1/-1 logits on the 256 grid (cell centres {@code (u + 0.5) * 4}). */
	public static float[] lowRes(ObjectPrompt prompt, ResizeGeometry g, double r2) {
		float[] l = new float[256 * 256];
		for (int v = 0; v < 256; v++)
			for (int u = 0; u < 256; u++)
				l[v * 256 + u] = inside((u + 0.5) * 4, (v + 0.5) * 4, prompt, g.scaleX(), g.scaleY(), r2) ? 1f : -1f;
		return l;
	}

	/** The plane mask that {@link #lowRes} becomes when upsampled as the reference does (threshold 0). */
	public static boolean[] upsampled(float[] lowRes, ResizeGeometry g, ModelDescriptor.MaskUpsampling mode) {
		float[] plane = MaskUpsampler.toPlane(lowRes, 0, 256, g, mode);
		boolean[] m = new boolean[plane.length];
		for (int i = 0; i < m.length; i++) m[i] = plane[i] > 0;
		return m;
	}

	/** The rule at the plane's pixel centres mapped into the stretched 1024 frame (EfficientSAM's full-size output). */
	public static boolean[] atPixelCentres(ObjectPrompt prompt, int w, int h, double r2) {
		double sx = 1024.0 / w, sy = 1024.0 / h;
		boolean[] m = new boolean[w * h];
		for (int j = 0; j < h; j++)
			for (int i = 0; i < w; i++)
				m[j * w + i] = inside((i + 0.5) * sx, (j + 0.5) * sy, prompt, sx, sy, r2);
		return m;
	}

	private static void guard(double d) {
		if (Math.abs(d) < GUARD) throw new IllegalStateException("Test input lies on a decision boundary (" + d +
			"): choose another position");
	}
}
