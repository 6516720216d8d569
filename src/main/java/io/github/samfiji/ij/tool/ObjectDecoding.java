package io.github.samfiji.ij.tool;

import ij.ImagePlus;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.operation.ChosenPlanes;
import io.github.samfiji.engine.operation.ImageInput;
import io.github.samfiji.engine.plane.PlaneSource;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.PlaneRegions;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.ij.ImageRequests;
import io.github.samfiji.options.EngineSettings;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;

import java.io.IOException;
import java.util.List;

/**
 * How the tool and the {@value ObjectMacro#COMMAND} macro command turn one object's prompt into candidate masks, so
 * that a recorded macro gets exactly the mask the user accepted.
 */
public final class ObjectDecoding {

	private ObjectDecoding() {}

	/**
	 * The segmenter that gives every candidate mask of a prompt, the multimask mode's choice first, then the others
	 * by predicted IoU ({@link MultimaskMode#ranking}), so that M cycles through all of them: four for a SAM decoder
	 * (a 4-mask export, or a single-mask export rewritten to expose its candidates), three for SAM2, one for a
	 * single-mask decoder.
	 */
	static PromptSegmenter ranked(PromptSegmenter segmenter, MultimaskMode multimask) {
		MultimaskMode mode = multimask == MultimaskMode.ALL ? MultimaskMode.BEST : multimask;
		if (segmenter.options().multimask() == mode && segmenter.options().rankedCandidates()) return segmenter;
		return new PromptSegmenter(segmenter.model(), segmenter.options().withMultimask(mode).withRankedCandidates(true),
			segmenter.cache());
	}

	/**
	 * What {@value ObjectMacro#COMMAND} does: segments the object that {@link Operation#OBJECT} values describe on
	 * {@code image} with the model they name (leased from the engine, embeddings from its cache for their cache
	 * directory), on the regions their encoding gives, and accepts it into the image's {@link AcceptedObjects}.
	 * Blocking.
	 *
	 * @return the object as accepted (numbered)
	 * @throws IOException when the model cannot be opened
	 * @throws IllegalArgumentException for unsupported images, bad slices or prompts outside the image
	 */
	public static SegmentedObject segmentAndAccept(SamEngine engine, ToolSessions tools, ImagePlus image,
		OptionValues values, TaskMonitor monitor) throws IOException
	{
		ObjectMacro macro = ObjectMacro.of(values);
		SegmenterAccess access = SegmenterAccess.of(engine, macro.model(), EngineSettings.engine(values),
			SegmentationOptions.defaults().withIntensityMapping(macro.intensity()).withBoxMultimask(macro.boxMultimask())
				.withEncoding(macro.encoding()), values
				.get(OptionTable.CACHE_DIRECTORY), monitor::warn);
		SegmentedObject object = access.apply(segmenter -> segment(segmenter, ImageRequests.input(image), macro,
			monitor));
		return tools.accepted(image).add(object);
	}

	/**
	 * Completes the editor's chain of decodings on one plane, one decoding per prompt not yet decoded, each
	 * refining the mask shown at the step before.
	 *
	 * @param ranks the candidate (1-based) to show after each prompt, as a macro recorded it; {@code null} for the
	 *          best each time
	 */
	static void complete(PlaneSteps steps, ObjectEditor editor, int slice, List<Integer> ranks) {
		for (ObjectEditor.Request r; (r = editor.next(slice)) != null;) {
			editor.apply(r, steps.candidates(r), steps.mode());
			if (ranks != null) editor.choose(ranks.get(r.index));
		}
	}

	/**
	 * The object a macro describes: its prompts decoded in order as the tool decoded them, on the regions of the
	 * plane that the macro's encoding gives ({@link PlaneSteps}; {@code base}'s encoding options do not matter), the
	 * chosen candidates shown.
	 *
	 * @throws IllegalArgumentException when the slice is not in the image, a prompt lies outside it, or the model
	 *           has fewer candidates than a rank names
	 */
	static SegmentedObject segment(PromptSegmenter base, ImageInput image, ObjectMacro macro, TaskMonitor monitor) {
		PromptSegmenter segmenter = new PromptSegmenter(base.model(), base.options().withEncoding(macro.encoding())
			.withBoxMultimask(macro.boxMultimask()), base.cache());
		if (macro.slice() < 1 || macro.slice() > image.planes().planeCount()) throw new IllegalArgumentException(
			"Slice " + macro.slice() + " is not in the image: it has slices 1-" + image.planes().planeCount());
		ChosenPlanes chosen = ChosenPlanes.of(image, macro.channels(), macro.intensity());
		PlaneSource planes = chosen.planes();
		int viewed = chosen.plane(macro.slice());
		ObjectEditor editor = ObjectEditor.of(macro.prompts());
		ObjectPrompt.builder().points(editor.points()).box(editor.box()).build().checkInside(planes.width(), planes
			.height(), "The object");
		PlaneSteps steps = new PlaneSteps(segmenter, macro.multimask(), s -> new PlaneRegions(s, planes.plane(viewed)),
			() -> segmenter.encode(planes.plane(viewed), monitor), monitor);
		complete(steps, editor, macro.slice(), macro.ranks());
		return editor.shown();
	}
}
