package io.github.samfiji.engine.decode;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;

/**
 * Turns an embedding and one object's prompts into candidate masks. One implementation per decoder tensor layout
 * ({@code sam-onnx}, ...), chosen from the model descriptor by {@link DecoderInterfaces}; nothing else in the
 * engine knows the layout.
 * <p>
 * {@link #decode} blocks for one model run. Implementations may be called from several threads at once
 * (onnxruntime sessions are thread-safe).
 */
public interface MaskDecoder extends AutoCloseable {

	/**
	 * @param prompt in original pixel coordinates of the embedded plane; its mask input, if any, must come from
	 *          this decoder
	 * @throws InferenceException when the model run fails
	 */
	DecoderOutput decode(ImageEmbedding embedding, ObjectPrompt prompt);

	/**
	 * The same run, returning only the low-resolution candidates, so that callers who discard most masks do not
	 * pay for full-resolution output. Implementations whose model can skip the full-resolution step override it;
	 * the default runs {@link #decode} and keeps its low-resolution part.
	 */
	default LowResOutput decodeLowResolution(ImageEmbedding embedding, ObjectPrompt prompt) {
		return decode(embedding, prompt).lowResOutput(embedding.geometry());
	}

	/** Number of candidate masks per run (1 or 4 for {@code sam-onnx}). */
	int candidateCount();

	/** Releases the native session. */
	@Override
	void close();
}
