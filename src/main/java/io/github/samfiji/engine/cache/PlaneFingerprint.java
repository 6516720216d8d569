package io.github.samfiji.engine.cache;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * A content fingerprint of a 2D plane: the SHA-256 of its size, its pixel type and its values in row-major order.
 * Two planes with the same fingerprint give the same model input, whatever image or file they came from, so the
 * fingerprint keys cached embeddings; editing a pixel changes it. Costs one pass over the plane (a few
 * milliseconds per megapixel), far less than an encoder run.
 */
public final class PlaneFingerprint {

	private static final int CHUNK = 8192;

	private PlaneFingerprint() {}

	/**
	 * @param plane a 2D interval of {@code RealType} or {@code ARGBType}; only read
	 * @return 64 lower-case hex digits
	 * @throws IllegalArgumentException for another dimensionality or pixel type
	 */
	public static String of(RandomAccessibleInterval<?> plane) {
		if (plane.numDimensions() != 2) throw new IllegalArgumentException("A fingerprint needs a 2D plane, got " +
			plane.numDimensions() + " dimensions");
		Object type = plane.getType();
		MessageDigest digest = sha256();
		ByteBuffer buffer = ByteBuffer.allocate(CHUNK * 8);
		buffer.putLong(plane.dimension(0)).putLong(plane.dimension(1));
		digest.update(type.getClass().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Cursor<?> cursor = Views.flatIterable(plane).cursor();
		if (type instanceof ARGBType) {
			while (cursor.hasNext()) {
				if (buffer.remaining() < 8) flush(digest, buffer);
				buffer.putInt(((ARGBType) cursor.next()).get());
			}
		}
		else if (type instanceof RealType) {
			while (cursor.hasNext()) {
				if (buffer.remaining() < 8) flush(digest, buffer);
				buffer.putDouble(((RealType<?>) cursor.next()).getRealDouble());
			}
		}
		else throw new IllegalArgumentException("Unsupported pixel type " + type.getClass().getSimpleName() +
			": use 8, 16 or 32-bit grey or RGB images");
		flush(digest, buffer);
		StringBuilder hex = new StringBuilder(64);
		for (byte b : digest.digest())
			hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
		return hex.toString();
	}

	private static void flush(MessageDigest digest, ByteBuffer buffer) {
		digest.update(buffer.array(), 0, buffer.position());
		buffer.clear();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
