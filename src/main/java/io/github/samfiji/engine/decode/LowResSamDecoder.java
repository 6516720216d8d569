package io.github.samfiji.engine.decode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.model.ModelDescriptor.MaskUpsampling;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SAM decoders exported with points only: no mask input, no {@code orig_im_size}, low-resolution logits out. Two
 * published layouts share it and differ only in output names:
 * <ul>
 * <li>{@value #EDGESAM} (chongzhou96/EdgeSAM {@code scripts/export_onnx_model.py}, module
 * {@code edge_sam/utils/coreml.py} {@code SamCoreMLModel}): outputs {@code scores} [1,4] and {@code masks}
 * [1,4,256,256];</li>
 * <li>{@value #EFFICIENTVIT} (mit-han-lab/efficientvit
 * {@code applications/efficientvit_sam/deployment/onnx/export_decoder.py}): outputs {@code masks} [1,K,256,256] and
 * {@code iou_predictions} [1,K], K = 4, or 1 when exported with {@code --return-single-mask}.</li>
 * </ul>
 * Inputs: {@code image_embeddings} [1,256,64,64]; {@code point_coords} [1,N,2] in the {@value #FRAME} frame of
 * SAM's longest-side resize, also for EfficientViT-SAM L0/L1 whose encoder sees 512x512 (the decoders' reference
 * callers, {@code run_efficientvit_sam_onnx.py} and {@code predictor_onnx.py}, scale to 1024); the graph adds 0.5;
 * {@code point_labels} [1,N]. Neither graph appends SAM's padding point: it is appended here when there is no box,
 * as both models' PyTorch prompt encoders do ({@code pad = boxes is None}). With four candidates, candidate 0 is
 * the single-mask output. Masks are brought to the plane by {@link MaskUpsampler} (SAM's
 * {@code postprocess_masks}: to 1024, crop, to the plane). A mask prompt is refused: these graphs have no mask
 * input, so their outputs carry no low-resolution masks to feed back.
 */
public final class LowResSamDecoder extends OnnxMaskDecoder {

	public static final String EDGESAM = "edgesam-onnx";
	public static final String EFFICIENTVIT = "efficientvit-sam-onnx";
	public static final List<String> INPUTS = Arrays.asList("image_embeddings", "point_coords", "point_labels");
	public static final List<String> EDGESAM_OUTPUTS = Arrays.asList("scores", "masks");
	public static final List<String> EFFICIENTVIT_OUTPUTS = Arrays.asList("masks", "iou_predictions");
	public static final List<String> EMBEDDINGS = Collections.singletonList("image_embeddings");
	/** Side of the square frame the prompts and the low-resolution masks refer to. */
	public static final int FRAME = 1024;
	private static final int LOW_RES = 256;

	private final String name;
	private final String masks;
	private final String scores;
	private final Set<String> outputs;
	private final int candidates;

	/**
	 * Takes ownership of {@code session}.
	 *
	 * @param name the interface name, for messages
	 * @param masks the output holding the low-resolution logits
	 * @param scores the output holding the predicted IoU
	 * @param multimask whether the export returns all four mask tokens (else one); the outputs' shape decides each
	 *          run, this only answers {@link #candidateCount()}
	 */
	public LowResSamDecoder(OrtEnvironment env, OrtSession session, Map<String, Integer> embeddingInputs, String name,
		String masks, String scores, boolean multimask)
	{
		super(env, session, embeddingInputs);
		this.candidates = multimask ? 4 : 1;
		this.name = name;
		this.masks = masks;
		this.scores = scores;
		this.outputs = new LinkedHashSet<>(Arrays.asList(masks, scores));
	}

	/** 4 for the EdgeSAM export and EfficientViT-SAM's default export (every mask token), else 1. */
	@Override
	public int candidateCount() { return candidates; }

	@Override
	public DecoderOutput decode(ImageEmbedding embedding, ObjectPrompt prompt) {
		LowResOutput low = decodeLowResolution(embedding, prompt);
		ResizeGeometry g = embedding.geometry();
		int w = g.originalWidth(), h = g.originalHeight(), k = low.count();
		float[] full = new float[k * w * h];
		float[] iou = new float[k];
		for (int c = 0; c < k; c++) {
			System.arraycopy(low.fullResolution(c), 0, full, c * w * h, w * h);
			iou[c] = low.predictedIou(c);
		}
		return new DecoderOutput(k, w, h, full, iou, 0, null, low.hasSingleMask());
	}

	@Override
	public LowResOutput decodeLowResolution(ImageEmbedding embedding, ObjectPrompt prompt) {
		String what = prompt.name() == null ? "A prompt" : "Prompt '" + prompt.name() + "'";
		if (prompt.maskInput() != null) throw new IllegalArgumentException(what + " has a mask input, which this " +
			"model's decoder (" + name + ") does not take: use points or a box");
		ResizeGeometry frame = embedding.geometry().withInputSize(FRAME);
		PromptEncoding points = PromptEncoding.of(prompt, frame, true);
		int n = points.count();
		Outputs out = run(inputs(embedding).floats("point_coords", points.coords(), 1, n, 2).floats("point_labels",
			points.labels(), 1, n), outputs);
		int k = (int) out.checkShape(masks, 1, -1, LOW_RES, LOW_RES)[1];
		out.checkShape(scores, 1, k);
		return new LowResOutput(k, LOW_RES, out.values(masks), out.values(scores), frame, k > 1,
			MaskUpsampling.LOGITS);
	}
}
