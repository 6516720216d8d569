package io.github.samfiji.options;

import static io.github.samfiji.options.OptionTable.*;

import io.github.samfiji.engine.auto.AdaptiveOptions;
import io.github.samfiji.engine.auto.AutomaticOptions;
import io.github.samfiji.engine.decode.MultimaskMode;
import io.github.samfiji.engine.detect.NucleusDetector;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.operation.RunSettings;
import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;
import io.github.samfiji.engine.segment.SegmentationOptions;

/**
 * Turns parsed {@link OptionValues} into the engine's typed option records, the one place where a table entry
 * meets the engine. Values the operation does not take keep the records' defaults.
 */
public final class EngineSettings {

	private EngineSettings() {}

	/** What every operation takes: model, threads and device, intensity, multimask, encoding, cache, channels. */
	public static RunSettings run(OptionValues v) {
		return RunSettings.of(v.get(MODEL)).withEngine(engine(v)).withSegmentation(segmentation(v)).withCacheDirectory(v
			.get(CACHE_DIRECTORY)).withChannels(takes(v, CHANNEL) ? v.get(CHANNEL) : ChannelChoice.all());
	}

	/** Threads and device. */
	public static EngineOptions engine(OptionValues v) {
		return EngineOptions.defaults().withThreads(v.get(THREADS)).withDevice(EngineOptions.Device.parse(v.get(
			DEVICE))).withAllCandidates(v.get(CANDIDATE_MASKS).equals("all"));
	}

	/** Intensity mapping, multimask choice and encoding. */
	public static SegmentationOptions segmentation(OptionValues v) {
		SegmentationOptions s = SegmentationOptions.defaults().withIntensityMapping(v.get(INTENSITY)).withEncoding(
			encoding(v));
		if (takes(v, MULTIMASK)) s = s.withMultimask(MultimaskMode.parse(v.get(MULTIMASK)));
		return takes(v, BOX_MULTIMASK) ? s.withBoxMultimask(MultimaskMode.parse(v.get(BOX_MULTIMASK))) : s;
	}

	/** Encoding mode, tile size and halo, crop margin (checked together). */
	public static EncodingOptions encoding(OptionValues v) {
		EncodingOptions d = EncodingOptions.defaults();
		return EncodingOptions.of(EncodingMode.parse(v.get(ENCODING)), v.get(TILE_SIZE), v.get(TILE_HALO), takes(v,
			CROP_MARGIN) ? v.get(CROP_MARGIN) : d.cropMargin());
	}

	/** The parameters of SAM's automatic mask generator. */
	public static AutomaticOptions automatic(OptionValues v) {
		return AutomaticOptions.defaults().withPointsPerSide(v.get(POINTS_PER_SIDE)).withIouThreshold(v.get(
			PRED_IOU_THRESH)).withStabilityThreshold(v.get(STABILITY_SCORE_THRESH)).withStabilityOffset(v.get(
				STABILITY_SCORE_OFFSET)).withBoxNmsThreshold(v.get(BOX_NMS_THRESH)).withCropLayers(v.get(CROP_N_LAYERS))
			.withCropOverlapRatio(v.get(CROP_OVERLAP_RATIO)).withCropNmsThreshold(v.get(CROP_NMS_THRESH))
			.withCropPointsDownscale(v.get(CROP_N_POINTS_DOWNSCALE_FACTOR)).withMinRegionArea(v.get(
				MIN_MASK_REGION_AREA)).withCandidatesPerPoint(v.get(CANDIDATES_PER_POINT));
	}

	/** The settings of adaptive prompting. */
	public static AdaptiveOptions adaptive(OptionValues v) {
		return AdaptiveOptions.defaults().withSeedPrompt(AdaptiveOptions.SeedPrompt.parse(v.get(SEED_PROMPT)))
			.withRefineBelow(v.get(REFINE_BELOW)).withCoverage(v.get(COVERAGE).equals("on")).withGridPointsPerSide(v.get(
				COARSE_GRID)).withIouThreshold(v.get(PRED_IOU_THRESH)).withStabilityThreshold(v.get(SEED_STABILITY_THRESH))
			.withStabilityOffset(v.get(STABILITY_SCORE_OFFSET)).withMaxObjectFraction(v.get(MAX_OBJECT_FRACTION))
			.withMinArea(v.get(MIN_AREA)).withMaxArea(v.get(MAX_AREA)).withOverlapLimit(v.get(OVERLAP_LIMIT))
			.withPolarity(NucleusDetector.Polarity.valueOf(v.get(POLARITY).toUpperCase(java.util.Locale.ROOT)))
			.withLocalContrast(v.get(LOCAL_CONTRAST).equals("on")).withDropEnclosing(v.get(ENCLOSING).equals("drop"));
	}

	/** Axis, propagation prompt and stop rules. */
	public static PropagationOptions propagation(OptionValues v) {
		return PropagationOptions.defaults().withAxis(v.get(AXIS)).withPromptMode(PropagationOptions.PromptMode.parse(v
			.get(PROPAGATION_PROMPT))).withBoxMargin(v.get(BOX_MARGIN)).withMinPredictedIou(v.get(MIN_IOU))
			.withMaxAreaChange(v.get(MAX_AREA_CHANGE)).withMinStepIou(v.get(MIN_STEP_IOU)).withMaxPlanes(v.get(
				MAX_PLANES)).withCandidateChoice(PropagationOptions.CandidateChoice.parse(v.get(CANDIDATE)))
			.withBoxMultimask(MultimaskMode.parse(v.get(BOX_MULTIMASK)));
	}

	private static boolean takes(OptionValues v, Option<?> option) {
		return option.isTakenBy(v.operation());
	}
}
