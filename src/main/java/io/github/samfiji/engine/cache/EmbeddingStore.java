package io.github.samfiji.engine.cache;

import io.github.samfiji.engine.onnx.ImageEmbedding;

import java.util.Optional;

/**
 * A second-level store behind an {@link EmbeddingCache}, e.g. files on disk that survive the session.
 * Implementations must be thread-safe and must never return a partly written embedding.
 */
public interface EmbeddingStore {

	/** The stored embedding for {@code key}, or empty when there is none (or it is unreadable). */
	Optional<ImageEmbedding> load(EmbeddingKey key);

	/**
	 * The stored embedding for {@code key} that passes {@code check}, or empty (an embedding that fails it is
	 * treated as missing, and replaced by the next {@link #save}).
	 */
	default Optional<ImageEmbedding> load(EmbeddingKey key, EmbeddingCheck check) {
		return load(key).filter(e -> check.problem(e) == null);
	}

	/** Stores {@code embedding} under {@code key}; failures are reported, never half-written. */
	void save(EmbeddingKey key, ImageEmbedding embedding);
}
