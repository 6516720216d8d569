package io.github.samfiji.engine.model;

import java.util.Arrays;

/**
 * How a model wants its input image: the square input size (at most {@value #MAX_INPUT_SIZE}; descriptors need at
 * least {@value #MIN_INPUT_SIZE}, tests use smaller ones), how the image is fitted into it, and how pixel values (RGB, 0-255) are normalised (finite means, finite positive
 * standard deviations). Each SAM family is one such profile; see {@code MODEL-INTERFACES.md}.
 */
public final class Preprocessing {

	/** How the image is fitted into the square model input. */
	public enum ResizeRule {
		/** Longest side scaled to the input size, aspect kept, zero padding bottom-right (SAM, MobileSAM). */
		LONGEST_SIDE,
		/** Both sides stretched to the input size, aspect not kept (SAM2, MedSAM). */
		STRETCH
	}

	/** How the resized RGB values (0-255) are scaled before the per-channel {@code (v - mean) / std}. */
	public enum Normalization {
		/** Values used as they are: {@code (v - mean) / std} on 0-255 (SAM, SAM2, EfficientSAM with std 255). */
		MEAN_STD,
		/**
		 * Values first stretched linearly so that the resized image's minimum becomes 0 and its maximum 1 (over all
		 * channels, padding excluded; a constant image becomes 0), as MedSAM does; then {@code (v - mean) / std}.
		 */
		MIN_MAX
	}

	/**
	 * How the resized, normalised RGB values are laid out in the encoder's input tensor, i.e. which part of the
	 * preprocessing the encoder graph does itself. The geometry (how prompts and masks map) is the same for all.
	 */
	public enum InputLayout {
		/**
		 * {@code [1, 3, S, S]}, resized by the resize rule and zero-padded bottom-right to the square input: the
		 * encoder graph does no preprocessing (official SAM, SAM 2, MobileSAM, EdgeSAM, EfficientViT-SAM exports).
		 */
		PADDED,
		/**
		 * {@code [h, w, 3]}, channels last, resized (longest side to S) but not padded: the graph normalises and pads
		 * itself (samexporter's {@code export_encoder.py --use-preprocess}, the AnyLabeling zips). The descriptor's
		 * mean and std are normally 0 and 1, so that the graph receives RGB 0-255.
		 */
		RESIZED_HWC,
		/**
		 * {@code [1, 3, H, W]} at the plane's own size, not resized: the graph resizes (EfficientSAM's
		 * {@code batched_images}, RGB / 255 with mean 0 and std 255).
		 */
		ORIGINAL
	}

	/** The smallest square input a model may take (SAM's embedding grid is the input size / 16). */
	public static final int MIN_INPUT_SIZE = 64;
	/** The largest (4096: 200 MB of float input; every SAM family uses 1024). */
	public static final int MAX_INPUT_SIZE = 4096;

	private final int inputSize;
	private final ResizeRule resizeRule;
	private final InputLayout layout;
	private final Normalization normalization;
	private final float[] pixelMean;
	private final float[] pixelStd;

	/** A {@link Normalization#MEAN_STD} profile. */
	public Preprocessing(int inputSize, ResizeRule resizeRule, float[] pixelMean, float[] pixelStd) {
		this(inputSize, resizeRule, Normalization.MEAN_STD, pixelMean, pixelStd);
	}

	/**
	 * @param pixelMean per-channel mean subtracted from the (possibly min-max scaled) values
	 * @param pixelStd per-channel standard deviation the centred values are divided by
	 */
	public Preprocessing(int inputSize, ResizeRule resizeRule, Normalization normalization, float[] pixelMean,
		float[] pixelStd)
	{
		this(inputSize, resizeRule, normalization, pixelMean, pixelStd, InputLayout.PADDED);
	}

	/** @param layout how the values are arranged in the encoder input (what the encoder graph does itself) */
	public Preprocessing(int inputSize, ResizeRule resizeRule, Normalization normalization, float[] pixelMean,
		float[] pixelStd, InputLayout layout)
	{
		if (inputSize <= 0 || inputSize > MAX_INPUT_SIZE) throw new IllegalArgumentException("inputSize must be 1 to " +
			MAX_INPUT_SIZE + ", not " + inputSize);
		if (pixelMean.length != 3 || pixelStd.length != 3) throw new IllegalArgumentException(
			"pixelMean and pixelStd need three values (R, G, B)");
		for (float m : pixelMean)
			if (!Float.isFinite(m)) throw new IllegalArgumentException("pixelMean values must be finite: " + Arrays
				.toString(pixelMean));
		for (float s : pixelStd)
			if (!(s > 0) || !Float.isFinite(s)) throw new IllegalArgumentException("pixelStd values must be finite and " +
				"positive: " + Arrays.toString(pixelStd));
		this.inputSize = inputSize;
		this.resizeRule = resizeRule;
		this.normalization = normalization;
		if (layout == InputLayout.RESIZED_HWC && resizeRule != ResizeRule.LONGEST_SIDE) throw new IllegalArgumentException(
			"layout resized-hwc needs resize longest-side (the graph pads the resized image)");
		if (layout == InputLayout.ORIGINAL && resizeRule != ResizeRule.STRETCH) throw new IllegalArgumentException(
			"layout original needs resize stretch (the graph stretches the plane to its input size)");
		this.layout = layout;
		this.pixelMean = pixelMean.clone();
		this.pixelStd = pixelStd.clone();
	}

	/** SAM's own profile: 1024, longest side, ImageNet mean/std on 0-255 RGB. */
	public static Preprocessing samDefault() {
		return new Preprocessing(1024, ResizeRule.LONGEST_SIDE, new float[] { 123.675f, 116.28f, 103.53f },
			new float[] { 58.395f, 57.12f, 57.375f });
	}

	public int inputSize() { return inputSize; }

	public ResizeRule resizeRule() { return resizeRule; }

	public Normalization normalization() { return normalization; }

	public InputLayout layout() { return layout; }

	public float[] pixelMean() { return pixelMean.clone(); }

	public float[] pixelStd() { return pixelStd.clone(); }
}
