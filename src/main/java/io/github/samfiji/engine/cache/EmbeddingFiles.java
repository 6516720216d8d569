package io.github.samfiji.engine.cache;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;

/**
 * The file format of {@link DiskEmbeddingStore}, big-endian:
 * <pre>
 * magic "SAMFIJI-EMB" (11 bytes), format version (int, {@value #VERSION})
 * key (int length + UTF-8 bytes: model, plane fingerprint, intensity mapping and region, one per line)
 * model id (int length + UTF-8)
 * geometry: original width, original height, input size, scaled width, scaled height (5 ints), stretched (1 byte)
 * tensor count (int); per tensor: rank (int), shape (rank longs), value count (int), values (floats)
 * CRC-32 of all preceding bytes (long)
 * </pre>
 * The key is stored in full, so a file is only ever used for the key it was written for.
 */
final class EmbeddingFiles {

	static final int VERSION = 1;
	private static final byte[] MAGIC = "SAMFIJI-EMB".getBytes(StandardCharsets.US_ASCII);

	private EmbeddingFiles() {}

	/** The whole key as text; equal keys, equal text. */
	static String keyText(EmbeddingKey key) {
		return key.modelId() + "\n" + key.planeFingerprint() + "\n" + key.intensityMapping() + "\n" + key.region();
	}

	/** SHA-256 of the key text, 64 hex digits. */
	static String fileName(EmbeddingKey key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyText(key).getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder(64);
			for (byte b : digest)
				hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
			return hex.toString();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	static byte[] encode(EmbeddingKey key, ImageEmbedding embedding) {
		byte[] keyBytes = keyText(key).getBytes(StandardCharsets.UTF_8);
		byte[] model = embedding.modelId().getBytes(StandardCharsets.UTF_8);
		long size = MAGIC.length + 4 + 4 + keyBytes.length + 4 + model.length + 5 * 4 + 1 + 4 + 8;
		for (int t = 0; t < embedding.tensorCount(); t++)
			size += 4 + 8L * embedding.shape(t).length + 4 + 4L * embedding.tensor(t).length;
		if (size > Integer.MAX_VALUE) throw new IllegalArgumentException("Embedding too large for one file: " + size +
			" bytes");
		ByteBuffer b = ByteBuffer.allocate((int) size);
		b.put(MAGIC).putInt(VERSION);
		b.putInt(keyBytes.length).put(keyBytes).putInt(model.length).put(model);
		ResizeGeometry g = embedding.geometry();
		b.putInt(g.originalWidth()).putInt(g.originalHeight()).putInt(g.inputSize()).putInt(g.scaledWidth()).putInt(g
			.scaledHeight()).put((byte) (g.stretched() ? 1 : 0));
		b.putInt(embedding.tensorCount());
		for (int t = 0; t < embedding.tensorCount(); t++) {
			long[] shape = embedding.shape(t);
			b.putInt(shape.length);
			for (long d : shape)
				b.putLong(d);
			float[] values = embedding.tensor(t);
			b.putInt(values.length);
			b.asFloatBuffer().put(values);
			b.position(b.position() + 4 * values.length);
		}
		CRC32 crc = new CRC32();
		crc.update(b.array(), 0, b.position());
		b.putLong(crc.getValue());
		return b.array();
	}

	/** @throws UnreadableException naming what is wrong with the file */
	static ImageEmbedding decode(byte[] bytes, EmbeddingKey expected) throws UnreadableException {
		ByteBuffer b = ByteBuffer.wrap(bytes);
		try {
			byte[] magic = new byte[MAGIC.length];
			b.get(magic);
			if (!java.util.Arrays.equals(magic, MAGIC)) throw new UnreadableException("not an embedding file");
			int version = b.getInt();
			if (version != VERSION) throw new UnreadableException("format version " + version + ", this version reads " +
				VERSION);
			CRC32 crc = new CRC32();
			crc.update(bytes, 0, bytes.length - 8);
			if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) throw new UnreadableException(
				"corrupt (checksum mismatch)");
			String key = string(b);
			if (!key.equals(keyText(expected))) throw new UnreadableException("written for another key");
			String modelId = string(b);
			ResizeGeometry g = ResizeGeometry.restore(b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(), b
				.get() != 0);
			int count = b.getInt();
			if (count < 1 || count > 64) throw new UnreadableException("bad tensor count " + count);
			float[][] tensors = new float[count][];
			long[][] shapes = new long[count][];
			for (int t = 0; t < count; t++) {
				int rank = b.getInt();
				if (rank < 0 || rank > 8) throw new UnreadableException("bad tensor rank " + rank);
				shapes[t] = new long[rank];
				for (int d = 0; d < rank; d++)
					shapes[t][d] = b.getLong();
				int n = b.getInt();
				if (n < 0 || 4L * n > b.remaining()) throw new UnreadableException("truncated");
				tensors[t] = new float[n];
				b.asFloatBuffer().get(tensors[t]);
				b.position(b.position() + 4 * n);
			}
			if (b.remaining() != 8) throw new UnreadableException("unexpected trailing bytes");
			return new ImageEmbedding(modelId, g, tensors, shapes);
		}
		catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
			throw new UnreadableException("truncated or malformed (" + e.getClass().getSimpleName() + ")");
		}
	}

	private static String string(ByteBuffer b) throws UnreadableException {
		int n = b.getInt();
		if (n < 0 || n > b.remaining()) throw new UnreadableException("truncated");
		byte[] s = new byte[n];
		b.get(s);
		return new String(s, StandardCharsets.UTF_8);
	}

	/** A file that cannot be used; the message says why. */
	static final class UnreadableException extends Exception {

		UnreadableException(String message) {
			super(message);
		}
	}
}
