package io.github.samfiji.engine.auto;

/**
 * Parameters of "segment everything", with the defaults of SAM's {@code SamAutomaticMaskGenerator} (the paper's
 * settings): a 32x32 point grid, predicted IoU above 0.88, stability score above 0.95 with offset 1.0, box
 * non-maximum suppression at IoU 0.7, no crop layers (crop overlap 512/1500, crop NMS at 0.7, same grid in every
 * layer) and no small-region removal. Immutable; each {@code with...} validates its value and returns a copy.
 */
public final class AutomaticOptions {

	private int pointsPerSide = 32;
	private double iouThreshold = 0.88;
	private double stabilityThreshold = 0.95;
	private double stabilityOffset = 1.0;
	private double boxNmsThreshold = 0.7;
	private int cropLayers = 0;
	private double cropOverlapRatio = 512 / 1500.0;
	private double cropNmsThreshold = 0.7;
	private int cropPointsDownscale = 1;
	private int minRegionArea = 0;
	private int candidatesPerPoint = 3;

	private AutomaticOptions() {}

	public static AutomaticOptions defaults() { return new AutomaticOptions(); }

	private AutomaticOptions copy() {
		AutomaticOptions c = new AutomaticOptions();
		c.pointsPerSide = pointsPerSide;
		c.iouThreshold = iouThreshold;
		c.stabilityThreshold = stabilityThreshold;
		c.stabilityOffset = stabilityOffset;
		c.boxNmsThreshold = boxNmsThreshold;
		c.cropLayers = cropLayers;
		c.cropOverlapRatio = cropOverlapRatio;
		c.cropNmsThreshold = cropNmsThreshold;
		c.cropPointsDownscale = cropPointsDownscale;
		c.minRegionArea = minRegionArea;
		c.candidatesPerPoint = candidatesPerPoint;
		return c;
	}

	/** Grid points per side of the whole plane (the grid has {@code n x n} points); 1-256. */
	public AutomaticOptions withPointsPerSide(int n) {
		if (n < 1 || n > 256) throw new IllegalArgumentException("Points per side must be 1-256, got " + n);
		AutomaticOptions c = copy();
		c.pointsPerSide = n;
		return c;
	}

	/** Keep masks whose predicted IoU is above this (0-1). */
	public AutomaticOptions withIouThreshold(double t) {
		AutomaticOptions c = copy();
		c.iouThreshold = unit("Predicted IoU threshold", t);
		return c;
	}

	/** Keep masks whose stability score is above this (0-1). */
	public AutomaticOptions withStabilityThreshold(double t) {
		AutomaticOptions c = copy();
		c.stabilityThreshold = unit("Stability score threshold", t);
		return c;
	}

	/** Logit offset of the stability score (the mask thresholded at +offset and -offset); >= 0. */
	public AutomaticOptions withStabilityOffset(double offset) {
		if (!(offset >= 0)) throw new IllegalArgumentException("The stability offset must be >= 0, got " + offset);
		AutomaticOptions c = copy();
		c.stabilityOffset = offset;
		return c;
	}

	/** Of two masks whose boxes overlap with IoU above this, the lower-scored one is dropped (0-1). */
	public AutomaticOptions withBoxNmsThreshold(double t) {
		AutomaticOptions c = copy();
		c.boxNmsThreshold = unit("Box NMS threshold", t);
		return c;
	}

	/** Crop layers: layer {@code i} cuts the plane into {@code 2^i x 2^i} overlapping crops, each re-encoded; 0-3. */
	public AutomaticOptions withCropLayers(int layers) {
		if (layers < 0 || layers > 3) throw new IllegalArgumentException("Crop layers must be 0-3, got " + layers);
		AutomaticOptions c = copy();
		c.cropLayers = layers;
		return c;
	}

	/** Overlap of neighbouring crops as a fraction of the plane's shorter side, for the first crop layer; 0-1. */
	public AutomaticOptions withCropOverlapRatio(double ratio) {
		if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException("Crop overlap ratio must be in [0, 1), got " +
			ratio);
		AutomaticOptions c = copy();
		c.cropOverlapRatio = ratio;
		return c;
	}

	/** Box NMS threshold between masks from different crops (0-1); masks from smaller crops win. */
	public AutomaticOptions withCropNmsThreshold(double t) {
		AutomaticOptions c = copy();
		c.cropNmsThreshold = unit("Crop NMS threshold", t);
		return c;
	}

	/** Crop layer {@code i} uses {@code pointsPerSide / factor^i} points per side; >= 1. */
	public AutomaticOptions withCropPointsDownscale(int factor) {
		if (factor < 1) throw new IllegalArgumentException("Crop points downscale must be >= 1, got " + factor);
		AutomaticOptions c = copy();
		c.cropPointsDownscale = factor;
		return c;
	}

	/** Disconnected regions and holes smaller than this many pixels are removed from each mask; 0 disables. */
	public AutomaticOptions withMinRegionArea(int area) {
		if (area < 0) throw new IllegalArgumentException("Minimum region area must be >= 0, got " + area);
		AutomaticOptions c = copy();
		c.minRegionArea = area;
		return c;
	}

	/**
	 * How many of a grid point's multimask candidates go on to the IoU and stability filters and NMS: the {@code n}
	 * with the highest predicted IoU, 1-3 (SAM's generator keeps all 3, the default). A decoder that gives one mask
	 * per point gives that one whatever the value.
	 */
	public AutomaticOptions withCandidatesPerPoint(int n) {
		if (n < 1 || n > 3) throw new IllegalArgumentException("Candidates per point must be 1-3, got " + n);
		AutomaticOptions c = copy();
		c.candidatesPerPoint = n;
		return c;
	}

	private static double unit(String what, double t) {
		if (!(t >= 0 && t <= 1)) throw new IllegalArgumentException(what + " must be in 0-1, got " + t);
		return t;
	}

	public int pointsPerSide() { return pointsPerSide; }

	public double iouThreshold() { return iouThreshold; }

	public double stabilityThreshold() { return stabilityThreshold; }

	public double stabilityOffset() { return stabilityOffset; }

	public double boxNmsThreshold() { return boxNmsThreshold; }

	public int cropLayers() { return cropLayers; }

	public double cropOverlapRatio() { return cropOverlapRatio; }

	public double cropNmsThreshold() { return cropNmsThreshold; }

	public int cropPointsDownscale() { return cropPointsDownscale; }

	public int minRegionArea() { return minRegionArea; }

	/** Multimask candidates kept per grid point before the filters (see {@link #withCandidatesPerPoint}). */
	public int candidatesPerPoint() { return candidatesPerPoint; }

	/** Points per side in crop layer {@code layer} (at least 1). */
	public int pointsPerSide(int layer) {
		return Math.max(1, (int) (pointsPerSide / Math.pow(cropPointsDownscale, layer)));
	}

	@Override
	public String toString() {
		return pointsPerSide + "x" + pointsPerSide + " points, predicted IoU above " + iouThreshold + ", stability above " +
			stabilityThreshold + " (offset " + stabilityOffset + "), box NMS " + boxNmsThreshold + ", " + cropLayers +
			" crop layer(s) (overlap " + cropOverlapRatio + ", NMS " + cropNmsThreshold + ", points downscale " +
			cropPointsDownscale + "), minimum region " + minRegionArea + " pixels, " +
			candidatesPerPoint + " candidate(s) per point";
	}
}
