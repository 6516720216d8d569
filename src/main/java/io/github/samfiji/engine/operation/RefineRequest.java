package io.github.samfiji.engine.operation;

import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.refine.LabeledObjects.LabeledPrompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Refine other tools' objects: either the objects of a label image (planes like the image's after the channel
 * choice; one whole-number value per object) or labelled prompts (e.g. from ROIs: the box of each, on the image's
 * stack index), each re-segmented from its box (plus its pixel nearest the centroid with {@code addPoint}); each
 * mask keeps its label. Immutable.
 */
public final class RefineRequest {

	private final ImageInput image;
	private final PlaneSource labels;
	private final List<LabeledPrompt> prompts;
	private final boolean addPoint;
	private final RunSettings settings;

	private RefineRequest(ImageInput image, PlaneSource labels, List<LabeledPrompt> prompts, boolean addPoint,
		RunSettings settings)
	{
		this.image = image;
		this.labels = labels;
		this.prompts = prompts;
		this.addPoint = addPoint;
		this.settings = settings;
	}

	/** The objects of a label image. */
	public static RefineRequest ofLabels(ImageInput image, PlaneSource labels, boolean addPoint, RunSettings settings) {
		return new RefineRequest(image, labels, null, addPoint, settings);
	}

	/** Labelled prompts (e.g. made from ROIs), numbered by their labels. */
	public static RefineRequest ofPrompts(ImageInput image, List<LabeledPrompt> prompts, boolean addPoint,
		RunSettings settings)
	{
		return new RefineRequest(image, null, Collections.unmodifiableList(new ArrayList<>(prompts)), addPoint,
			settings);
	}

	public ImageInput image() { return image; }

	/** The label image, or {@code null} when the objects are given as prompts. */
	public PlaneSource labels() { return labels; }

	/** The labelled prompts, or {@code null} when the objects are a label image. */
	public List<LabeledPrompt> prompts() { return prompts; }

	public boolean addPoint() { return addPoint; }

	public RunSettings settings() { return settings; }
}
