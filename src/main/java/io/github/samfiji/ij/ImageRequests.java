package io.github.samfiji.ij;

import static io.github.samfiji.options.OptionTable.*;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.engine.operation.EverythingRequest;
import io.github.samfiji.engine.operation.ImageInput;
import io.github.samfiji.engine.operation.PropagateRequest;
import io.github.samfiji.engine.operation.RefineRequest;
import io.github.samfiji.engine.operation.RunResult;
import io.github.samfiji.engine.operation.RunSettings;
import io.github.samfiji.engine.operation.SegmentRequest;
import io.github.samfiji.engine.plane.PlaneAxes;
import io.github.samfiji.engine.task.TaskMonitor;
import io.github.samfiji.options.EngineSettings;
import io.github.samfiji.options.OptionValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one path from an ImageJ image and an operation's {@link OptionValues} to the engine's request and run, shared
 * by the ImageJ 1 plugins, the SciJava commands and the command line: reads the prompts or objects the values name
 * (ROI Manager, selection, files, an open label image), builds the request and runs it on the {@link SamEngine}.
 * The image, ROIs and files are only read. Blocking: call it off the event thread.
 */
public final class ImageRequests {

	private ImageRequests() {}

	/** The image as engine planes, with its channel, z and t axes (no pixels copied). */
	public static ImageInput input(ImagePlus image) {
		return new ImageInput(new ImagePlusPlanes(image), axes(image), image
			.getType() == ImagePlus.COLOR_RGB);
	}

	/** The image's channel, slice and frame axes (a plain stack has its planes as slices). */
	public static PlaneAxes axes(ImagePlus image) {
		return PlaneAxes.hyperstack(image.getNChannels(), image.getNSlices(), image.getNFrames());
	}

	/**
	 * Runs the values' operation on {@code image}.
	 *
	 * @param refineLabels for refining: the label image to refine (SciJava's input), or {@code null} to take the
	 *          objects from where the values say
	 * @throws IOException when the model, a prompt file or a label image cannot be read
	 * @throws IllegalArgumentException for bad input (no prompts, a missing plane, a wrong label image...); nothing has
	 *           run then
	 */
	public static SegmentationOutputs run(SamEngine engine, ImagePlus image, OptionValues v, ImagePlus refineLabels,
		TaskMonitor monitor) throws IOException
	{
		RunSettings settings = EngineSettings.run(v);
		RunResult result;
		switch (v.operation()) {
			case SEGMENT:
				result = engine.segment(new SegmentRequest(input(image), prompts(image, v, v.get(EVERY_PLANE)), settings),
					monitor);
				break;
			case EVERYTHING:
				result = engine.everything(everythingRequest(image, v, settings), monitor);
				break;
			case REFINE:
				result = engine.refine(refineRequest(image, v, refineLabels, settings), monitor);
				break;
			case PROPAGATE:
				result = engine.propagate(new PropagateRequest(input(image), prompts(image, v, false), EngineSettings
					.propagation(v), settings), monitor);
				break;
			default:
				throw new IllegalArgumentException(v.operation().title() + " is not run on a whole image");
		}
		return new SegmentationOutputs(result, image);
	}

	private static EverythingRequest everythingRequest(ImagePlus image, OptionValues v, RunSettings settings)
		throws IOException
	{
		List<Integer> planes = v.get(SLICES).equals("current") ? Collections.singletonList(image.getCurrentSlice())
			: Collections.emptyList();
		if (v.get(METHOD).equals("grid")) return new EverythingRequest(input(image), planes, EngineSettings.automatic(v),
			settings);
		EverythingRequest r = EverythingRequest.adaptive(input(image), planes, EngineSettings.adaptive(v), settings)
			.withDecoders(v.get(DECODERS));
		if (v.get(INSIDE_SELECTION)) r = r.withRegion(Regions.ofSelection(image));
		if (v.get(REGION) != null) r = r.withRegion(Regions.ofFile(v.get(REGION), image.getWidth(), image.getHeight()));
		if (v.get(SEED_LABELS) != null) r = r.withSeedLabels(new ImagePlusPlanes(ImageFiles.open(v.get(SEED_LABELS))));
		return r;
	}

	/**
	 * The values with the prompts or objects taken from their files ({@code prompt_file}, {@code file}): the command
	 * line's way (its only one), for the single-image command and batches alike.
	 */
	public static OptionValues fromFiles(OptionValues v) {
		switch (v.operation()) {
			case REFINE:
				return v.with(OBJECT_SOURCE, "File");
			case SEGMENT:
			case PROPAGATE:
				return v.with(PROMPT_SOURCE, "File");
			default:
				return v;
		}
	}

	private static List<io.github.samfiji.engine.prompt.ObjectPrompt> prompts(ImagePlus image, OptionValues v,
		boolean everyPlane) throws IOException
	{
		return PromptSource.parse(v.get(PROMPT_SOURCE)).read(image, v.get(PROMPT_FILE), everyPlane);
	}

	private static RefineRequest refineRequest(ImagePlus image, OptionValues v, ImagePlus labels, RunSettings settings)
		throws IOException
	{
		boolean addPoint = v.get(ADD_POINT);
		if (labels == null) switch (v.get(OBJECT_SOURCE)) {
			case "ROI Manager":
				return RefineRequest.ofPrompts(input(image), RoiObjects.labeled(RoiPrompts.roiManagerRois(), image,
					addPoint), addPoint, settings);
			case "File":
				Path file = v.get(OBJECTS_FILE);
				if (file == null) throw new IllegalArgumentException(
					"Choose the file with the objects: a label image, a RoiSet.zip or a .roi");
				String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
				if (name.endsWith(".zip") || name.endsWith(".roi")) return RefineRequest.ofPrompts(input(image), RoiObjects
					.labeled(RoiPrompts.readRois(file), image, addPoint), addPoint, settings);
				labels = openImage(file);
				break;
			default:
				labels = WindowManager.getImage(v.get(LABELS));
				if (labels == null) throw new IllegalArgumentException("No open image is titled '" + v.get(LABELS) +
					"': open the label image, or refine objects from a file");
		}
		if (labels.getType() == ImagePlus.COLOR_RGB) throw new IllegalArgumentException("'" + labels.getTitle() +
			"' is an RGB image; choose a label image (8, 16 or 32-bit, one value per object)");
		return RefineRequest.ofLabels(input(image), new ImagePlusPlanes(labels), addPoint, settings);
	}

	/**
	 * Opens an image file with ImageJ ({@link ImageFiles#open}: missing, empty, truncated or too large files are
	 * refused with one line).
	 */
	public static ImagePlus openImage(Path file) throws IOException {
		return ImageFiles.open(file);
	}
}
