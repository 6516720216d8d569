package io.github.samfiji.engine.refine;

import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.refine.LabeledObjects.LabeledPrompt;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Refines other tools' objects with SAM (the paper's zero-shot instance segmentation): each labelled object becomes
 * a box prompt (optionally plus an interior point) and its SAM mask keeps the object's label value, so the refined
 * label image can be compared with the original one label by label. Where refined masks overlap, the lower label
 * value keeps the pixels. One mask per object: the segmenter's multimask mode must not be {@code ALL}.
 */
public final class ObjectRefiner {

	private final PromptSegmenter segmenter;
	private final boolean withInteriorPoint;

	public ObjectRefiner(PromptSegmenter segmenter, boolean withInteriorPoint) {
		if (segmenter.options().multimask() == MultimaskMode.ALL || segmenter.options()
			.boxMultimask() == MultimaskMode.ALL) throw new IllegalArgumentException(
			"Refining keeps one mask per object: choose multimask 'single' or 'best', not 'all'");
		this.segmenter = segmenter;
		this.withInteriorPoint = withInteriorPoint;
	}

	/**
	 * Refines every object of a label image with the same plane size and count as {@code image}.
	 *
	 * @param labels planes of whole numbers (0 = background)
	 * @throws IllegalArgumentException when the sizes differ or a label value is invalid; the message says which
	 */
	@SuppressWarnings("unchecked")
	public SegmentationResult refine(PlaneSource image, PlaneSource labels, TaskMonitor monitor) {
		if (labels.width() != image.width() || labels.height() != image.height() || labels.planeCount() != image
			.planeCount()) throw new IllegalArgumentException("The label image is " + labels.width() + "x" + labels
				.height() + " with " + labels.planeCount() + " slice(s), but the image is " + image.width() + "x" + image
					.height() + " with " + image.planeCount() + ": use the label image made for this image");
		List<LabeledPrompt> prompts = new ArrayList<>();
		for (int z = 1; z <= labels.planeCount(); z++) {
			RandomAccessibleInterval<?> plane = labels.plane(z);
			if (!(plane.getType() instanceof RealType)) throw new IllegalArgumentException(
				"A label image must be a grey image (8, 16 or 32-bit), not RGB");
			prompts.addAll(LabeledObjects.prompts((RandomAccessibleInterval<? extends RealType<?>>) plane, z,
				withInteriorPoint));
		}
		return refine(image, prompts, monitor);
	}

	/**
	 * Segments the prompts and numbers each mask with its prompt's label. With no prompts the result is empty
	 * (a valid, empty label image).
	 */
	public SegmentationResult refine(PlaneSource image, List<LabeledPrompt> prompts, TaskMonitor monitor) {
		if (prompts.isEmpty()) return new SegmentationResult(image.width(), image.height(), image.planeCount(),
			new ArrayList<>(), true);
		Map<ObjectPrompt, Integer> labelOf = new IdentityHashMap<>();
		List<ObjectPrompt> plain = new ArrayList<>();
		for (LabeledPrompt p : prompts) {
			labelOf.put(p.prompt(), p.label());
			plain.add(p.prompt());
		}
		SegmentationResult result = segmenter.segment(image, plain, monitor);
		List<SegmentedObject> relabelled = new ArrayList<>();
		for (SegmentedObject o : result.objects())
			relabelled.add(o.withId(labelOf.get(o.prompt())));
		SegmentationResult refined = new SegmentationResult(image.width(), image.height(), image.planeCount(),
			relabelled, result.isComplete());
		return result.stoppedBecause() == null ? refined : refined.stoppedEarly(result.stoppedBecause(), result
			.failure());
	}
}
