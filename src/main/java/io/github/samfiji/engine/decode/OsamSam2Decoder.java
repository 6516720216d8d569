package io.github.samfiji.engine.decode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.model.ModelDescriptor.MaskUpsampling;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SAM 2.1 decoder that osam publishes ({@code sam2.1_*.onnx}, written by ryouchinsa/sam-cpp-macos
 * {@code export_onnx.py}), interface name {@value #NAME}.
 * <p>
 * Inputs: the encoder's {@code image_embeddings} [1,256,64,64], {@code high_res_features1} [1,32,256,256] and
 * {@code high_res_features2} [1,64,128,128]; {@code point_coords} [1,N,2] in the stretched 1024 frame (x * 1024 / W,
 * y * 1024 / H, as osam's {@code _decoding.py} scales them; the graph adds 0.5 and appends the padding point
 * itself); {@code point_labels} [1,N]; {@code mask_input} [1,1,256,256]; {@code has_mask_input} [1];
 * {@code orig_im_size} int64 [2] (H, W). Outputs: {@code masks} [1,4,H,W], the logits bilinearly resized by the
 * graph straight from 256x256 to the plane size (SAM 2's stretched post-processing); {@code iou_predictions}
 * [1,4]; {@code low_res_masks} [1,4,256,256], clamped to +-32. The exporter returns all four mask tokens of
 * {@code predict_masks} unselected: candidate 0 is the single-mask output, 1-3 the multimask candidates.
 */
public final class OsamSam2Decoder extends OnnxMaskDecoder {

	public static final String NAME = "sam2-osam";
	public static final List<String> INPUTS = Arrays.asList("image_embeddings", "high_res_features1",
		"high_res_features2", "point_coords", "point_labels", "mask_input", "has_mask_input", "orig_im_size");
	public static final List<String> OUTPUTS = Arrays.asList("masks", "iou_predictions", "low_res_masks");
	/** The decoder inputs that take encoder outputs of the same names. */
	public static final List<String> EMBEDDINGS = Arrays.asList("image_embeddings", "high_res_features1",
		"high_res_features2");
	private static final int LOW_RES = 256;
	private static final int CANDIDATES = 4;
	private static final Set<String> FULL = new LinkedHashSet<>(OUTPUTS);
	private static final Set<String> LOW_RES_ONLY = new LinkedHashSet<>(Arrays.asList("iou_predictions",
		"low_res_masks"));

	/** Takes ownership of {@code session}. */
	public OsamSam2Decoder(OrtEnvironment env, OrtSession session, Map<String, Integer> embeddingInputs) {
		super(env, session, embeddingInputs);
	}

	@Override
	public int candidateCount() { return CANDIDATES; }

	@Override
	public DecoderOutput decode(ImageEmbedding embedding, ObjectPrompt prompt) {
		ResizeGeometry g = embedding.geometry();
		int w = g.originalWidth(), h = g.originalHeight();
		Outputs out = run(feeds(embedding, prompt), FULL);
		out.checkShape("masks", 1, CANDIDATES, h, w);
		out.checkShape("iou_predictions", 1, CANDIDATES);
		out.checkShape("low_res_masks", 1, CANDIDATES, LOW_RES, LOW_RES);
		return new DecoderOutput(CANDIDATES, w, h, out.values("masks"), out.values("iou_predictions"), LOW_RES, out
			.values("low_res_masks"), true);
	}

	/** The same run reading only the low-resolution candidates (the graph's full-size masks are not requested). */
	@Override
	public LowResOutput decodeLowResolution(ImageEmbedding embedding, ObjectPrompt prompt) {
		Outputs out = run(feeds(embedding, prompt), LOW_RES_ONLY);
		out.checkShape("iou_predictions", 1, CANDIDATES);
		out.checkShape("low_res_masks", 1, CANDIDATES, LOW_RES, LOW_RES);
		return new LowResOutput(CANDIDATES, LOW_RES, out.values("low_res_masks"), out.values("iou_predictions"),
			embedding.geometry(), true, MaskUpsampling.LOGITS);
	}

	private Inputs feeds(ImageEmbedding embedding, ObjectPrompt prompt) {
		ResizeGeometry g = embedding.geometry();
		PromptEncoding points = PromptEncoding.of(prompt, g, false);
		LowResMask mask = prompt.maskInput();
		if (mask != null && mask.size() != LOW_RES) throw new IllegalArgumentException("Mask prompts for " + NAME +
			" must be " + LOW_RES + "x" + LOW_RES + ", got " + mask.size());
		int n = points.count();
		return inputs(embedding).floats("point_coords", points.coords(), 1, n, 2).floats("point_labels", points
			.labels(), 1, n).floats("mask_input", mask == null ? new float[LOW_RES * LOW_RES] : mask.logits(), 1, 1,
				LOW_RES, LOW_RES).floats("has_mask_input", new float[] { mask == null ? 0 : 1 }, 1).longs("orig_im_size",
					new long[] { g.originalHeight(), g.originalWidth() }, 2);
	}
}
