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

/**
 * The SAM2 image decoder export (samexporter's {@code export_sam2.py}), interface name {@value #NAME}.
 * <p>
 * Inputs: the encoder's {@code image_embed} [1,256,64,64], {@code high_res_feats_0} [1,32,256,256] and
 * {@code high_res_feats_1} [1,64,128,128]; {@code point_coords} [1,N,2] and {@code point_labels} [1,N] in the
 * 1024 frame (the graph adds 0.5 and appends the padding point itself, so none is added here), {@code mask_input}
 * [1,1,256,256] and {@code has_mask_input} [1]. Outputs: {@code masks} [1,3,256,256], low-resolution logits of
 * the three multimask candidates (there is no single-mask output), and {@code iou_predictions} [1,3].
 * <p>
 * SAM2 stretches the image to 1024x1024; the low-resolution logits are brought to the plane size by
 * {@link MaskUpsampler} (one bilinear resize, as SAM2's {@code postprocess_masks}) and are also returned as the
 * low-resolution masks to refine with.
 */
public final class Sam2OnnxDecoder extends OnnxMaskDecoder {

	public static final String NAME = "sam2-onnx";
	public static final List<String> INPUTS = Arrays.asList("image_embed", "high_res_feats_0", "high_res_feats_1",
		"point_coords", "point_labels", "mask_input", "has_mask_input");
	public static final List<String> OUTPUTS = Arrays.asList("masks", "iou_predictions");
	/** The decoder inputs that take encoder outputs of the same names. */
	public static final List<String> EMBEDDINGS = Arrays.asList("image_embed", "high_res_feats_0", "high_res_feats_1");
	private static final int LOW_RES = 256;
	private static final int CANDIDATES = 3;

	private final MaskUpsampling upsampling;

	/** Takes ownership of {@code session}. */
	public Sam2OnnxDecoder(OrtEnvironment env, OrtSession session, Map<String, Integer> embeddingInputs,
		MaskUpsampling upsampling)
	{
		super(env, session, embeddingInputs);
		this.upsampling = upsampling;
	}

	@Override
	public int candidateCount() { return CANDIDATES; }

	@Override
	public DecoderOutput decode(ImageEmbedding embedding, ObjectPrompt prompt) {
		ResizeGeometry g = embedding.geometry();
		Outputs out = run(feeds(embedding, prompt), new LinkedHashSet<>(OUTPUTS));
		out.checkShape("masks", 1, CANDIDATES, LOW_RES, LOW_RES);
		out.checkShape("iou_predictions", 1, CANDIDATES);
		float[] lowRes = out.values("masks");
		int w = g.originalWidth(), h = g.originalHeight();
		float[] masks = new float[CANDIDATES * w * h];
		for (int c = 0; c < CANDIDATES; c++)
			System.arraycopy(MaskUpsampler.toPlane(lowRes, c * LOW_RES * LOW_RES, LOW_RES, g, upsampling), 0, masks, c *
				w * h, w * h);
		return new DecoderOutput(CANDIDATES, w, h, masks, out.values("iou_predictions"), LOW_RES, lowRes, false);
	}

	private Inputs feeds(ImageEmbedding embedding, ObjectPrompt prompt) {
		PromptEncoding points = PromptEncoding.of(prompt, embedding.geometry(), false);
		LowResMask mask = prompt.maskInput();
		if (mask != null && mask.size() != LOW_RES) throw new IllegalArgumentException("Mask prompts for " + NAME +
			" must be " + LOW_RES + "x" + LOW_RES + ", got " + mask.size());
		int n = points.count();
		return inputs(embedding).floats("point_coords", points.coords(), 1, n, 2).floats("point_labels", points
			.labels(), 1, n).floats("mask_input", mask == null ? new float[LOW_RES * LOW_RES] : mask.logits(), 1, 1,
				LOW_RES, LOW_RES).floats("has_mask_input", new float[] { mask == null ? 0 : 1 }, 1);
	}

	/** The same run without upsampling: the three low-resolution candidates as the graph returns them. */
	@Override
	public LowResOutput decodeLowResolution(ImageEmbedding embedding, ObjectPrompt prompt) {
		Outputs out = run(feeds(embedding, prompt), new LinkedHashSet<>(OUTPUTS));
		out.checkShape("masks", 1, CANDIDATES, LOW_RES, LOW_RES);
		out.checkShape("iou_predictions", 1, CANDIDATES);
		return new LowResOutput(CANDIDATES, LOW_RES, out.values("masks"), out.values("iou_predictions"), embedding
			.geometry(), false, upsampling);
	}
}
