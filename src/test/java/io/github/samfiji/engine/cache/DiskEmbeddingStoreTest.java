package io.github.samfiji.engine.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.model.Preprocessing;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.preprocess.ResizeGeometry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeddings on disk: exact round trip, foreign and corrupt files ignored with a warning, bounded size. */
class DiskEmbeddingStoreTest {

	@TempDir
	Path dir;

	private final List<String> warnings = new ArrayList<>();

	/** An embedding whose second tensor has a NaN (stored bit for bit, but refused by the cache's check). */
	private static ImageEmbedding embedding(int floats, float seed) {
		return embedding(floats, seed, Float.NaN);
	}

	private static ImageEmbedding embedding(int floats, float seed, float first) {
		float[] a = new float[floats], b = new float[3];
		for (int i = 0; i < floats; i++) a[i] = seed + i * 0.25f - 7;
		b[0] = first;
		b[1] = -0f;
		b[2] = Float.MAX_VALUE;
		return new ImageEmbedding("model-x", ResizeGeometry.of(300, 200, Preprocessing.samDefault()), new float[][] { a,
			b }, new long[][] { { 1, floats }, { 3 } });
	}

	private static EmbeddingKey key(String plane) {
		return new EmbeddingKey("model-x@abc", plane, "fixed:-160:240", EmbeddingKey.WHOLE_PLANE);
	}

	private DiskEmbeddingStore store(long maxBytes) {
		return new DiskEmbeddingStore(dir.resolve("cache"), maxBytes, warnings::add);
	}

	@Test
	void anEmbeddingComesBackBitForBit() {
		ImageEmbedding saved = embedding(1000, 3);
		store(1 << 20).save(key("p"), saved);
		ImageEmbedding loaded = store(1 << 20).load(key("p")).get();
		assertEquals(saved.modelId(), loaded.modelId());
		assertEquals(saved.geometry(), loaded.geometry());
		assertEquals(2, loaded.tensorCount());
		for (int t = 0; t < 2; t++) {
			assertArrayEquals(saved.shape(t), loaded.shape(t));
			assertArrayEquals(saved.tensor(t), loaded.tensor(t));
		}
		assertTrue(warnings.isEmpty(), warnings.toString());
	}

	@Test
	void aMissingKeyIsEmptyWithoutWarning() {
		assertFalse(store(1 << 20).load(key("nothing")).isPresent());
		assertTrue(warnings.isEmpty());
	}

	@Test
	void aSecondCacheOverTheSameDirectoryNeverComputes() {
		EmbeddingCache first = new EmbeddingCache(1 << 20, store(1 << 20));
		first.get(key("p"), () -> embedding(100, 1, 0.5f));
		EmbeddingCache second = new EmbeddingCache(1 << 20, store(1 << 20));
		ImageEmbedding e = second.get(key("p"), () -> {
			throw new AssertionError("must come from disk");
		});
		assertEquals(1 + 99 * 0.25f - 7, e.tensor(0)[99]);
		assertEquals(1, second.storeHits());
		assertEquals(0, second.computations());
	}

	@Test
	void corruptTruncatedAndForeignFilesAreIgnoredWithAWarning() throws IOException {
		DiskEmbeddingStore store = store(1 << 20);
		store.save(key("p"), embedding(100, 1));
		Path file = store.fileFor(key("p"));
		byte[] good = Files.readAllBytes(file);

		byte[] flipped = good.clone();
		flipped[good.length / 2] ^= 1;
		Files.write(file, flipped);
		assertFalse(store.load(key("p")).isPresent());
		assertTrue(warnings.get(0).contains("checksum"), warnings.get(0));

		Files.write(file, java.util.Arrays.copyOf(good, good.length / 3));
		assertFalse(store.load(key("p")).isPresent());
		Files.write(file, "hello, not an embedding".getBytes("UTF-8"));
		assertFalse(store.load(key("p")).isPresent());
		assertTrue(warnings.get(2).contains("not an embedding file"), warnings.get(2));
		Files.write(file, new byte[3]);
		assertFalse(store.load(key("p")).isPresent());
		assertEquals(4, warnings.size());

		store.save(key("p"), embedding(100, 1));
		Files.copy(store.fileFor(key("p")), store.fileFor(key("q")), java.nio.file.StandardCopyOption.REPLACE_EXISTING); // under another key's name
		assertFalse(store.load(key("q")).isPresent());
		assertTrue(warnings.get(4).contains("another key"), warnings.get(4));
		assertTrue(store.load(key("p")).isPresent(), "saving again replaces a bad file");
	}

	@Test
	void anotherFormatVersionIsIgnored() throws IOException {
		DiskEmbeddingStore store = store(1 << 20);
		store.save(key("p"), embedding(10, 1));
		byte[] bytes = Files.readAllBytes(store.fileFor(key("p")));
		bytes[14] = 9; // last byte of the version int after the 11-byte magic
		Files.write(store.fileFor(key("p")), bytes);
		assertFalse(store.load(key("p")).isPresent());
		assertTrue(warnings.get(0).contains("format version 9"), warnings.get(0));
	}

	@Test
	void theDirectoryStaysUnderItsBoundDroppingLeastRecentlyUsedFiles() throws IOException {
		DiskEmbeddingStore probe = store(1 << 20);
		probe.save(key("size"), embedding(1000, 0));
		long one = probe.sizeInBytes();
		Files.delete(probe.fileFor(key("size")));

		DiskEmbeddingStore store = store(3 * one + one / 2); // room for three
		long t = System.currentTimeMillis() - 100_000;
		for (String p : new String[] { "a", "b", "c" }) {
			store.save(key(p), embedding(1000, 0));
			Files.setLastModifiedTime(store.fileFor(key(p)), FileTime.fromMillis(t += 1000));
		}
		assertTrue(store.load(key("a")).isPresent()); // a becomes the most recently used
		store.save(key("d"), embedding(1000, 0));
		assertEquals(3, store.size());
		assertTrue(store.sizeInBytes() <= store.maxBytes());
		assertFalse(Files.exists(store.fileFor(key("b"))), "b was the least recently used");
		assertTrue(Files.exists(store.fileFor(key("a"))));
		assertTrue(Files.exists(store.fileFor(key("d"))));
	}

	@Test
	void noTemporaryFilesAreLeftBehind() throws IOException {
		DiskEmbeddingStore store = store(1 << 20);
		for (int i = 0; i < 5; i++)
			store.save(key("p" + i), embedding(50, i));
		try (Stream<Path> files = Files.list(store.directory())) {
			files.forEach(f -> assertTrue(f.getFileName().toString().endsWith(DiskEmbeddingStore.SUFFIX), f.toString()));
		}
	}

	@Test
	void aFailedWriteIsAWarningNotAFailure() throws IOException {
		Path notADirectory = dir.resolve("file");
		DiskEmbeddingStore store = new DiskEmbeddingStore(notADirectory, 1 << 20, warnings::add);
		Files.write(notADirectory, new byte[1]); // after the store was made (a file at once is refused, see below)
		EmbeddingCache cache = new EmbeddingCache(1 << 20, store);
		assertEquals(10, cache.get(key("p"), () -> embedding(10, 0)).tensor(0).length);
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).contains("could not write"), warnings.get(0));
		assertEquals(Optional.empty(), store.load(key("p")));
	}

	@Test
	void aFileInPlaceOfTheFolderIsRefusedAtOnce() throws IOException {
		Path file = Files.write(dir.resolve("cache"), new byte[] { 1 });
		IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
			() -> store(1 << 20));
		assertEquals("The embedding cache folder " + file + " is a file: give a folder (it is created when missing)", e
			.getMessage());
	}

	@Test
	void aFailedWriteIsReportedWithoutAnExceptionClass() throws IOException {
		DiskEmbeddingStore store = store(1 << 20);
		Files.createDirectories(store.fileFor(key("p")).resolve("in-the-way"));
		store.save(key("p"), embedding(10, 1, 0.5f));
		assertEquals(1, warnings.size());
		assertTrue(warnings.get(0).startsWith("Embedding cache: could not write " + store.fileFor(key("p")) + " ("),
			warnings.get(0));
		assertFalse(warnings.get(0).contains("Exception"), warnings.get(0));
	}
}
