package io.github.samfiji.engine;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.Preprocessing;
import io.github.samfiji.engine.preprocess.ResizeGeometry;
import io.github.samfiji.engine.prompt.ObjectPrompt;

/** The mask a family's interface twin gives for a prompt with the default multimask mode (best candidate). */
public final class FamilyTwinsExpectations {

	private FamilyTwinsExpectations() {}

	/** Row-major expected mask of the plane that {@code g} describes. */
	public static boolean[] mask(ModelDescriptor d, ObjectPrompt p, ResizeGeometry g) {
		int w = g.originalWidth(), h = g.originalHeight();
		boolean stretched = d.preprocessing().resizeRule() == Preprocessing.ResizeRule.STRETCH;
		switch (d.decoderInterface()) {
			case "sam-onnx":
				if (stretched || !d.fullSizeMasks()) return FamilyTwins.upsampled(FamilyTwins.lowRes(p, g, FamilyTwins.R2_SINGLE), g, d
					.maskUpsampling());
				return AnalyticMasks.mask(w, h, p, d.multimask() ? AnalyticMasks.R2_MULTI[2] : AnalyticMasks.R2_SINGLE);
			case "sam2-onnx":
				return FamilyTwins.upsampled(FamilyTwins.lowRes(p, g, FamilyTwins.R2_MULTI[1]), g, d.maskUpsampling());
			case "efficientsam-onnx":
				return FamilyTwins.atPixelCentres(p, w, h, FamilyTwins.R2_MULTI[1]);
			case "sam2-osam":
				return FamilyTwins.atPixelCentres(p, w, h, FamilyTwins.R2_QUAD[FamilyTwins.defaultQuadCandidate(p)]);
			case "edgesam-onnx":
			case "efficientvit-sam-onnx":
				ResizeGeometry frame = g.withInputSize(1024);
				return FamilyTwins.upsampled(FamilyTwins.lowRes(p, frame, FamilyTwins.R2_QUAD[FamilyTwins
					.defaultQuadCandidate(p)]), frame, ModelDescriptor.MaskUpsampling.LOGITS);
			default:
				throw new IllegalArgumentException(d.decoderInterface());
		}
	}
}
