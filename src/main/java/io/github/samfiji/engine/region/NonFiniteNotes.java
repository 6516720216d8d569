package io.github.samfiji.engine.region;

import io.github.samfiji.engine.preprocess.NonFinitePixels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.imglib2.RandomAccessibleInterval;

/**
 * Collects the NaN and infinite pixels of the planes a run encodes ({@link NonFinitePixels}) and says so in one log
 * line, e.g. {@code "25600 of 76800 pixels on slice(s) 1-3 are NaN or infinite: the intensity mapping left them out
 * (NaN and -Infinity show as black, +Infinity as white)"}. Not thread-safe.
 */
public final class NonFiniteNotes {

	private final Map<Integer, Long> counts = new TreeMap<>();
	private long pixels;

	/** Counts plane {@code slice} (once per slice; later calls for the same slice are ignored). */
	public void add(int slice, RandomAccessibleInterval<?> plane) {
		if (counts.containsKey(slice)) return;
		long n = NonFinitePixels.count(plane);
		counts.put(slice, n);
		if (n > 0) pixels += plane.dimension(0) * plane.dimension(1);
	}

	/** One line when a plane counted had such pixels, else none. */
	public List<String> lines() {
		List<Integer> slices = new ArrayList<>();
		long bad = 0;
		for (Map.Entry<Integer, Long> e : counts.entrySet())
			if (e.getValue() > 0) {
				slices.add(e.getKey());
				bad += e.getValue();
			}
		if (slices.isEmpty()) return Collections.emptyList();
		return Collections.singletonList(bad + " of " + pixels + " pixels on slice(s) " + EncodingNotes.ranges(slices) +
			" are NaN or infinite: the intensity mapping left them out (NaN and -Infinity show as black, +Infinity as " +
			"white)");
	}
}
