package io.github.samfiji.engine.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

/** Candidate selection on synthetic decoder outputs, and the decoder output container. */
class MultimaskModeTest {

	private static DecoderOutput output(float... iou) {
		int k = iou.length;
		return new DecoderOutput(k, 1, 1, new float[k], iou, 1, new float[k]);
	}

	@Test
	void singleKeepsCandidateZero() {
		assertEquals(Collections.singletonList(0), MultimaskMode.SINGLE.select(output(0.5f, 0.6f, 0.9f, 0.7f)));
	}

	@Test
	void bestKeepsTheMultimaskCandidateWithTheHighestIou() {
		assertEquals(Collections.singletonList(2), MultimaskMode.BEST.select(output(0.5f, 0.6f, 0.9f, 0.7f)));
		// candidate 0 is never chosen by BEST, even with the highest score
		assertEquals(Collections.singletonList(3), MultimaskMode.BEST.select(output(0.99f, 0.1f, 0.2f, 0.3f)));
	}

	@Test
	void allKeepsCandidatesOneToThreeByDecreasingIou() {
		assertEquals(Arrays.asList(2, 3, 1), MultimaskMode.ALL.select(output(0.5f, 0.6f, 0.9f, 0.7f)));
		// ties keep candidate order
		assertEquals(Arrays.asList(1, 2, 3), MultimaskMode.ALL.select(output(0.5f, 0.8f, 0.8f, 0.8f)));
	}

	@Test
	void singleCandidateIsKeptByEveryMode() {
		for (MultimaskMode m : MultimaskMode.values())
			assertEquals(Collections.singletonList(0), m.select(output(0.3f)), m.name());
	}

	/** Candidates of 1x2 pixels with the given positive pixel counts (0-2) and IoUs. */
	private static DecoderOutput sized(int[] areas, float... iou) {
		float[] masks = new float[2 * iou.length];
		for (int k = 0; k < iou.length; k++)
			for (int i = 0; i < 2; i++) masks[2 * k + i] = i < areas[k] ? 1 : -1;
		return new DecoderOutput(iou.length, 2, 1, masks, iou, 1, new float[iou.length]);
	}

	@Test
	void smallestAndLargestChooseByAreaAmongTheMultimaskCandidatesTiesByIou() {
		DecoderOutput out = sized(new int[] { 0, 2, 1, 1 }, 0.5f, 0.6f, 0.7f, 0.9f);
		assertEquals(Collections.singletonList(3), MultimaskMode.SMALLEST.select(out)); // 2 and 3 tie: higher IoU
		assertEquals(Collections.singletonList(1), MultimaskMode.LARGEST.select(out));
		assertEquals(Collections.singletonList(3), MultimaskMode.BEST.select(out));
	}

	@Test
	void aBoxOrSeveralPointsTakeTheBoxModeByDefaultTheSingleMaskToken() {
		ObjectPrompt box = ObjectPrompt.builder().box(0, 0, 1, 1).build();
		ObjectPrompt boxAndPoint = ObjectPrompt.builder().box(0, 0, 1, 1).point(0.5, 0.5, true).build();
		ObjectPrompt twoPoints = ObjectPrompt.builder().point(0.5, 0.5, true).point(0.5, 0.5, false).build();
		ObjectPrompt onePoint = ObjectPrompt.builder().point(0.5, 0.5, false).build();
		SegmentationOptions d = SegmentationOptions.defaults().withMultimask(MultimaskMode.LARGEST);
		assertEquals(MultimaskMode.SINGLE, d.modeFor(box));
		assertEquals(MultimaskMode.SINGLE, d.modeFor(boxAndPoint));
		assertEquals(MultimaskMode.SINGLE, d.modeFor(twoPoints));
		assertEquals(MultimaskMode.LARGEST, d.modeFor(onePoint));
		assertEquals(MultimaskMode.BEST, d.withBoxMultimask(MultimaskMode.BEST).modeFor(box));
		assertEquals(MultimaskMode.BEST, SegmentationOptions.defaults().multimask());
	}

	@Test
	void rankingPutsTheModesChoiceFirstThenTheOthersByIou() {
		DecoderOutput out = output(0.5f, 0.6f, 0.9f, 0.7f);
		assertEquals(Arrays.asList(2, 3, 1, 0), MultimaskMode.BEST.ranking(out));
		assertEquals(Arrays.asList(2, 3, 1, 0), MultimaskMode.ALL.ranking(out));
		assertEquals(Arrays.asList(0, 2, 3, 1), MultimaskMode.SINGLE.ranking(out));
		assertEquals(Collections.singletonList(0), MultimaskMode.BEST.ranking(output(0.3f)));
	}

	@Test
	void parseAcceptsAnyCase() {
		assertEquals(MultimaskMode.ALL, MultimaskMode.parse(" All "));
		assertEquals(MultimaskMode.SINGLE, MultimaskMode.parse("single"));
		assertEquals(MultimaskMode.BEST, MultimaskMode.parse("BEST"));
	}

	@Test
	void parseRefusesUnknownModes() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultimaskMode.parse("most"));
		assertEquals("Unknown multimask mode 'most': use single, best, smallest, largest or all", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> MultimaskMode.parse(null));
	}

	@Test
	void decoderOutputGivesEachCandidateItsSlices() {
		float[] masks = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }; // 2 candidates of 3x2
		float[] lowRes = { 1, 2, 3, 4, 5, 6, 7, 8 }; // 2 candidates of 2x2
		DecoderOutput out = new DecoderOutput(2, 3, 2, masks, new float[] { 0.1f, 0.2f }, 2, lowRes);
		assertEquals(6, out.maskOffset(1));
		assertEquals(0.2f, out.predictedIou(1), 0f);
		assertArrayEquals(new float[] { 5, 6, 7, 8 }, out.lowRes(1).logits());
		assertNotSame(out.lowRes(0).logits(), out.lowRes(0).logits());
		out.lowRes(1).logits()[0] = 99;
		assertEquals(5f, lowRes[4], 0f);
	}

	@Test
	void decoderOutputWithInconsistentSizesIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DecoderOutput(2, 3, 2,
			new float[11], new float[2], 2, new float[8]));
		assertEquals("Decoder output sizes do not match 2 masks of 3x2", e.getMessage());
	}

	@Test
	void withoutASingleMaskOutputSingleAndBestKeepTheBestAndAllKeepsEveryCandidate() {
		DecoderOutput out = new DecoderOutput(3, 1, 1, new float[3], new float[] { 0.6f, 0.9f, 0.7f }, 1, null, false);
		assertEquals(Collections.singletonList(1), MultimaskMode.SINGLE.select(out));
		assertEquals(Collections.singletonList(1), MultimaskMode.BEST.select(out));
		assertEquals(Arrays.asList(1, 2, 0), MultimaskMode.ALL.select(out));
		assertEquals(null, out.lowRes(0));
	}
}
