package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.propagate.ObjectPropagator;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.engine.propagate.PropagationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImagePlusPlanes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Propagation quality on the real stacks of {@code ../shared/data}, with the standard prompts (tight ground-truth
 * box on the object's central slice, the middle of its z extent):
 * <ul>
 * <li>{@code mri-brain/brain1.tif}: the tumour of {@code brain1_tumour.tif}, one box; 3D Dice;</li>
 * <li>{@code stardist/img3d.tif}: every nucleus of {@code mask3d.tif}, one box each, all propagated in one run;
 * mean 3D IoU (each nucleus's own masks, before label composition).</li>
 * </ul>
 * Shared by the real-model test and the benchmark report.
 */
final class StackEvaluation {

	private StackEvaluation() {}

	/** A stack and its ground-truth labels (one value per object, 0 background). */
	static final class Stack {

		final ImagePlus image;
		final ImageStack truth;

		Stack(Path image, Path truth) throws IOException {
			this.image = open(image);
			this.truth = open(truth).getStack();
		}

		private static ImagePlus open(Path p) throws IOException {
			ImagePlus i = IJ.openImage(p.toString());
			if (i == null) throw new IOException("Cannot read " + p);
			return i;
		}

		int label(int x, int y, int z) {
			return (int) truth.getVoxel(x, y, z - 1);
		}
	}

	/** One object's voxels as "z x y" keys, from ground truth. */
	static Map<Integer, List<int[]>> truthVoxels(Stack s) {
		Map<Integer, List<int[]>> voxels = new TreeMap<>();
		for (int z = 1; z <= s.truth.getSize(); z++)
			for (int y = 0; y < s.truth.getHeight(); y++)
				for (int x = 0; x < s.truth.getWidth(); x++) {
					int v = s.label(x, y, z);
					if (v > 0) voxels.computeIfAbsent(v, k -> new ArrayList<>()).add(new int[] { x, y, z });
				}
		return voxels;
	}

	/** The tight box of an object on its central slice (middle of its z extent), named after its label. */
	static ObjectPrompt centralBox(int label, List<int[]> voxels) {
		return boxAt(label, voxels, 0.5);
	}

	/**
	 * The tight box of an object on the slice at {@code fraction} of its z extent (0: first slice, 0.5: central, 1:
	 * last; rounded down), named after its label.
	 */
	static ObjectPrompt boxAt(int label, List<int[]> voxels, double fraction) {
		int zMin = Integer.MAX_VALUE, zMax = 0;
		for (int[] v : voxels) {
			zMin = Math.min(zMin, v[2]);
			zMax = Math.max(zMax, v[2]);
		}
		int z = zMin + (int) Math.floor(fraction * (zMax - zMin));
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
		for (int[] v : voxels)
			if (v[2] == z) {
				x0 = Math.min(x0, v[0]);
				y0 = Math.min(y0, v[1]);
				x1 = Math.max(x1, v[0]);
				y1 = Math.max(y1, v[1]);
			}
		return ObjectPrompt.builder().box(x0, y0, x1 - x0 + 1, y1 - y0 + 1).slice(z).name(String.valueOf(label)).build();
	}

	/** Per prompted object (by prompt name = ground-truth label): overlap counts of prediction and truth. */
	static final class Overlap {

		long predicted;
		long truth;
		long both;

		double iou() { return both / (double) (predicted + truth - both); }

		double dice() { return 2.0 * both / (predicted + truth); }
	}

	static Map<Integer, Overlap> evaluate(Stack s, PromptSegmenter segmenter, PropagationOptions options,
		List<ObjectPrompt> prompts)
	{
		PropagationResult r = new ObjectPropagator(segmenter, options, false).propagate(new ImagePlusPlanes(s.image),
			PlaneAxes.zStack(s.image.getStackSize()), prompts, TaskMonitor.NONE);
		Map<Integer, Integer> labelOfId = new HashMap<>();
		for (PropagationResult.Track t : r.tracks())
			labelOfId.put(t.id(), Integer.parseInt(t.name()));
		Map<Integer, Overlap> overlaps = new TreeMap<>();
		Map<Integer, List<int[]>> truth = truthVoxels(s);
		for (ObjectPrompt p : prompts) {
			int label = Integer.parseInt(p.name());
			overlaps.computeIfAbsent(label, k -> new Overlap()).truth = truth.get(label).size();
		}
		for (SegmentedObject o : r.segmentation().objects()) {
			int label = labelOfId.get(o.id());
			Overlap ov = overlaps.get(label);
			o.mask().forEachPixel((x, y) -> {
				ov.predicted++;
				if (s.label(x, y, o.slice()) == label) ov.both++;
			});
		}
		return overlaps;
	}

	/**
	 * The ceiling for propagation: each object segmented on every plane it occupies from the tight ground-truth box of
	 * that plane (no propagation, no stopping), with the same overlap counts as {@link #evaluate}.
	 */
	static Map<Integer, Overlap> boxOnEveryPlane(Stack s, PromptSegmenter segmenter, int onlyLabel) {
		ImagePlusPlanes planes = new ImagePlusPlanes(s.image);
		Map<Integer, Overlap> overlaps = new TreeMap<>();
		for (Map.Entry<Integer, List<int[]>> e : truthVoxels(s).entrySet()) {
			int label = e.getKey();
			if (onlyLabel > 0 && label != onlyLabel) continue;
			Overlap ov = new Overlap();
			ov.truth = e.getValue().size();
			overlaps.put(label, ov);
			Map<Integer, int[]> boxes = new TreeMap<>();
			for (int[] v : e.getValue())
				boxes.merge(v[2], new int[] { v[0], v[1], v[0], v[1] }, (a, b) -> new int[] { Math.min(a[0], b[0]), Math
					.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3]) });
			for (Map.Entry<Integer, int[]> b : boxes.entrySet()) {
				int z = b.getKey();
				int[] box = b.getValue();
				ObjectPrompt prompt = ObjectPrompt.builder().box(box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1)
					.slice(z).name(String.valueOf(label)).build();
				for (SegmentedObject o : segmenter.segment(planes, java.util.Collections.singletonList(prompt),
					io.github.samfiji.engine.task.TaskMonitor.NONE).objects())
					o.mask().forEachPixel((x, y) -> {
						ov.predicted++;
						if (s.label(x, y, z) == label) ov.both++;
					});
			}
		}
		return overlaps;
	}

	static double mean(Map<Integer, Overlap> overlaps, boolean dice) {
		double sum = 0;
		for (Overlap o : overlaps.values())
			sum += dice ? o.dice() : o.iou();
		return sum / overlaps.size();
	}

	/**
	 * Two annotations per object, on the slices at a quarter and three quarters of its z extent (one slice for objects
	 * of one or two slices); the prompts of an object share its name, so each object is one track.
	 */
	static List<ObjectPrompt> twoBoxes(Stack s, int onlyLabel) {
		List<ObjectPrompt> prompts = new ArrayList<>();
		for (Map.Entry<Integer, List<int[]>> e : truthVoxels(s).entrySet())
			if (onlyLabel <= 0 || e.getKey() == onlyLabel) {
				ObjectPrompt low = boxAt(e.getKey(), e.getValue(), 0.25), high = boxAt(e.getKey(), e.getValue(), 0.75);
				prompts.add(low);
				if (high.slice() != low.slice()) prompts.add(high);
			}
		return prompts;
	}

	/** Prompts for every ground-truth object (or only {@code onlyLabel} when > 0). */
	static List<ObjectPrompt> prompts(Stack s, int onlyLabel) {
		List<ObjectPrompt> prompts = new ArrayList<>();
		for (Map.Entry<Integer, List<int[]>> e : truthVoxels(s).entrySet())
			if (onlyLabel <= 0 || e.getKey() == onlyLabel) prompts.add(centralBox(e.getKey(), e.getValue()));
		return prompts;
	}
}
