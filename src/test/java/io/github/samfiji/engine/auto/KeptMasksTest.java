package io.github.samfiji.engine.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.ObjectMask;

import org.junit.jupiter.api.Test;

/** Kept objects own their pixels: later proposals get the free part, or are dropped past the overlap limit. */
class KeptMasksTest {

	private static final int W = 10, H = 1;

	private static Proposal row(int from, int to) {
		boolean[] m = new boolean[W * H];
		for (int x = from; x < to; x++) m[x] = true;
		return new Proposal(ObjectPrompt.builder().point(from + 0.5, 0.5, true).build(), ObjectMask.of(m, W, H), 0.9f, 1f,
			0);
	}

	@Test
	void aLaterProposalGetsOnlyTheFreePixels() {
		KeptMasks kept = new KeptMasks(W, H, 0.5, 1);
		assertTrue(kept.offer(row(0, 4)));
		assertTrue(kept.offer(row(2, 8))); // 2 of 6 pixels taken: 1/3 <= 0.5
		assertEquals(2, kept.objects().size());
		ObjectMask second = kept.objects().get(1).mask;
		assertEquals(4, second.area());
		assertEquals(4, second.boundsX());
		assertTrue(kept.covers(7, 0));
		assertFalse(kept.covers(8, 0));
	}

	@Test
	void moreThanTheLimitTakenDropsTheProposal() {
		KeptMasks kept = new KeptMasks(W, H, 0.5, 1);
		kept.offer(row(0, 6));
		assertFalse(kept.offer(row(3, 8)), "3 of 5 pixels taken"); // 0.6 > 0.5
		assertTrue(kept.offer(row(4, 8)), "2 of 4 pixels taken: exactly the limit");
		assertEquals(2, kept.objects().size());
	}

	@Test
	void whatIsLeftMustReachTheMinimumArea() {
		KeptMasks kept = new KeptMasks(W, H, 0.9, 3);
		kept.offer(row(0, 6));
		assertFalse(kept.offer(row(4, 8)), "2 free pixels < 3");
		assertTrue(kept.offer(row(4, 9)));
	}
}
