package io.github.samfiji.engine.cache;

import io.github.samfiji.engine.onnx.ImageEmbedding;

/** Test access to the package-private file format, to craft files with a valid checksum. */
public final class EmbeddingFilesAccess {

	private EmbeddingFilesAccess() {}

	public static byte[] encode(EmbeddingKey key, ImageEmbedding embedding) {
		return EmbeddingFiles.encode(key, embedding);
	}
}
