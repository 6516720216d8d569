package io.github.samfiji.engine.decode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The EfficientSAM decoder export (yformer/EfficientSAM {@code export_to_onnx.py}), interface name {@value #NAME}.
 * <p>
 * Inputs: {@code image_embeddings} [1,256,64,64]; {@code batched_point_coords} [1,1,N,2] in ORIGINAL pixels (the
 * graph scales them by {@code 1024 / orig_im_size} and adds 0.5, so a continuous position {@code c} is fed as
 * {@code c - 0.5 / scale}); {@code batched_point_labels} [1,1,N] (1 positive, 2 and 3 box corners; the graph pads
 * with -1 up to its maximum of {@value #MAX_POINTS} points); {@code orig_im_size} int64 [2] (H, W). Outputs:
 * {@code output_masks} [1,1,3,H,W], logits of three multimask candidates already at the plane size, and
 * {@code iou_predictions} [1,1,3].
 * <p>
 * EfficientSAM has no mask input and no learned embedding for negative points, and ignores points beyond the
 * first {@value #MAX_POINTS}: such prompts are refused with a message rather than silently changed.
 */
public final class EfficientSamDecoder extends OnnxMaskDecoder {

	public static final String NAME = "efficientsam-onnx";
	public static final List<String> INPUTS = Arrays.asList("image_embeddings", "batched_point_coords",
		"batched_point_labels", "orig_im_size");
	public static final List<String> OUTPUTS = Arrays.asList("output_masks", "iou_predictions");
	public static final List<String> EMBEDDINGS = Collections.singletonList("image_embeddings");
	/** Points per object the graph takes (a box counts as two). */
	public static final int MAX_POINTS = 6;
	private static final int CANDIDATES = 3;

	/** Takes ownership of {@code session}. */
	public EfficientSamDecoder(OrtEnvironment env, OrtSession session, Map<String, Integer> embeddingInputs) {
		super(env, session, embeddingInputs);
	}

	@Override
	public int candidateCount() { return CANDIDATES; }

	@Override
	public DecoderOutput decode(ImageEmbedding embedding, ObjectPrompt prompt) {
		ResizeGeometry g = embedding.geometry();
		PromptEncoding points = PromptEncoding.of(prompt, g, false);
		String what = prompt.name() == null ? "A prompt" : "Prompt '" + prompt.name() + "'";
		if (prompt.maskInput() != null) throw new IllegalArgumentException(what +
			" has a mask input, which EfficientSAM does not take: use points or a box");
		if (points.has(0)) throw new IllegalArgumentException(what +
			" has negative points, which EfficientSAM was not trained with: remove them or use another model");
		if (points.count() > MAX_POINTS) throw new IllegalArgumentException(what + " has " + points.count() +
			" points (a box counts as two), but EfficientSAM takes at most " + MAX_POINTS);
		PromptEncoding original = points.dividedBy(g.scaleX(), g.scaleY());
		int n = original.count(), w = g.originalWidth(), h = g.originalHeight();
		Inputs in = inputs(embedding).floats("batched_point_coords", original.coords(), 1, 1, n, 2).floats(
			"batched_point_labels", original.labels(), 1, 1, n).longs("orig_im_size", new long[] { h, w }, 2);
		Outputs out = run(in, new LinkedHashSet<>(OUTPUTS));
		out.checkShape("output_masks", 1, 1, CANDIDATES, h, w);
		out.checkShape("iou_predictions", 1, 1, CANDIDATES);
		return new DecoderOutput(CANDIDATES, w, h, out.values("output_masks"), out.values("iou_predictions"), 0, null,
			false);
	}
}
