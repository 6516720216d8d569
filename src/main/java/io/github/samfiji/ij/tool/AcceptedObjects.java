package io.github.samfiji.ij.tool;

import ij.ImagePlus;

import io.github.samfiji.engine.result.LabelComposer;
import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.ij.SegmentationOutputs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The objects accepted on one image, by the interactive tool or by the "Segment Object" macro command, numbered 1,
 * 2, ... in order of acceptance; {@link #removeLast()} undoes the last one. After every change the outputs of all
 * objects are composed again exactly as "Segment with Prompts" composes them ({@link SegmentationOutputs}: label
 * image, where overlapping pixels keep the lower label, ROIs named after their label value, results table), so a
 * macro that replays the same prompts gives the same labels. {@link ToolSessions#accepted} keeps one per open
 * image. The source image is only read. Thread-safe.
 */
public final class AcceptedObjects {

	private final ImagePlus image;
	private final ObjectDisplay display;
	private final List<SegmentedObject> objects = new ArrayList<>();
	private SegmentationOutputs outputs;

	public AcceptedObjects(ImagePlus image, ObjectDisplay display) {
		this.image = image;
		this.display = display;
		this.outputs = compose();
	}

	public ImagePlus image() { return image; }

	/**
	 * Accepts an object: it gets the next label value, and the outputs are composed again and shown.
	 *
	 * @return the object as accepted (numbered)
	 * @throws IllegalArgumentException when its mask is empty, or its plane is not in the image
	 * @throws IllegalStateException when the 16-bit label image is full
	 */
	public synchronized SegmentedObject add(SegmentedObject candidate) {
		if (candidate.mask().isEmpty()) throw new IllegalArgumentException(
			"The mask is empty: prompt inside the object");
		if (candidate.slice() > image.getStackSize()) throw new IllegalArgumentException("Slice " + candidate.slice() +
			" is not in '" + image.getTitle() + "' (" + image.getStackSize() + " slices)");
		if (objects.size() >= LabelComposer.MAX_LABEL) throw new IllegalStateException("The label image is full (" +
			LabelComposer.MAX_LABEL + " objects)");
		SegmentedObject added = candidate.withId(objects.size() + 1);
		objects.add(added);
		outputs = compose();
		display.added(outputs, added);
		return added;
	}

	/** Removes the last accepted object; returns it, or {@code null} when there is none. */
	public synchronized SegmentedObject removeLast() {
		if (objects.isEmpty()) return null;
		SegmentedObject removed = objects.remove(objects.size() - 1);
		outputs = compose();
		display.removed(outputs, removed);
		return removed;
	}

	/** The accepted objects, in label order. */
	public synchronized List<SegmentedObject> objects() {
		return Collections.unmodifiableList(new ArrayList<>(objects));
	}

	public synchronized int size() { return objects.size(); }

	/** The outputs of all accepted objects (a label image of zeros when there are none). */
	public synchronized SegmentationOutputs outputs() { return outputs; }

	private SegmentationOutputs compose() {
		return new SegmentationOutputs(new SegmentationResult(image.getWidth(), image.getHeight(), image
			.getStackSize(), objects, true), image);
	}
}
