package io.github.samfiji.engine.cache;

import java.util.Objects;

/**
 * Identifies an embedding: the model that computed it, the content of the plane ({@link PlaneFingerprint}), the
 * intensity mapping that turned it into the model input, and the region of the plane that was encoded
 * ({@link #WHOLE_PLANE}, or e.g. a crop or tile written as {@code "crop:x,y,w,h"}). Equal keys give identical
 * embeddings. Immutable.
 */
public final class EmbeddingKey {

	/** The region name of an embedding of the whole plane. */
	public static final String WHOLE_PLANE = "whole";

	private final String modelId;
	private final String planeFingerprint;
	private final String intensityMapping;
	private final String region;

	public EmbeddingKey(String modelId, String planeFingerprint, String intensityMapping, String region) {
		this.modelId = Objects.requireNonNull(modelId, "modelId");
		this.planeFingerprint = Objects.requireNonNull(planeFingerprint, "planeFingerprint");
		this.intensityMapping = Objects.requireNonNull(intensityMapping, "intensityMapping");
		this.region = Objects.requireNonNull(region, "region");
	}

	public String modelId() { return modelId; }

	public String planeFingerprint() { return planeFingerprint; }

	public String intensityMapping() { return intensityMapping; }

	public String region() { return region; }

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof EmbeddingKey)) return false;
		EmbeddingKey k = (EmbeddingKey) o;
		return modelId.equals(k.modelId) && planeFingerprint.equals(k.planeFingerprint) && intensityMapping.equals(
			k.intensityMapping) && region.equals(k.region);
	}

	@Override
	public int hashCode() {
		return Objects.hash(modelId, planeFingerprint, intensityMapping, region);
	}

	@Override
	public String toString() {
		return modelId + "/" + planeFingerprint.substring(0, Math.min(12, planeFingerprint.length())) + "/" +
			intensityMapping + "/" + region;
	}
}
