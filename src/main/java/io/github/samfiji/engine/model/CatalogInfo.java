package io.github.samfiji.engine.model;

/**
 * What the model catalogue shows about a model and how its files arrive, beyond the tensors: where its licence is
 * published and whether it must be accepted before download (non-commercial licences such as S-Lab 1.0), a rough
 * speed class, and the archive that holds its ONNX files when the publisher ships them zipped.
 */
public final class CatalogInfo {

	/** No licence link, nothing to accept, speed unknown, loose files. */
	public static final CatalogInfo NONE = new CatalogInfo(null, false, SpeedClass.UNKNOWN, null);

	private final String licenseUrl;
	private final boolean licenseAcceptance;
	private final SpeedClass speed;
	private final ModelFile archive;

	/**
	 * @param licenseUrl where the licence text is published, or {@code null}
	 * @param licenseAcceptance whether a user must accept the licence before the files are downloaded
	 * @param archive the zip file that holds the model's files (entries matched by file name), or {@code null}
	 */
	public CatalogInfo(String licenseUrl, boolean licenseAcceptance, SpeedClass speed, ModelFile archive) {
		if (licenseAcceptance && licenseUrl == null) throw new IllegalArgumentException(
			"A licence that must be accepted needs its address (licenseUrl), so that users can read it");
		this.licenseUrl = licenseUrl;
		this.licenseAcceptance = licenseAcceptance;
		this.speed = speed == null ? SpeedClass.UNKNOWN : speed;
		this.archive = archive;
	}

	/** Where the licence text is published, or {@code null}. */
	public String licenseUrl() { return licenseUrl; }

	/** Whether the licence must be accepted before download (it restricts use, e.g. to non-commercial). */
	public boolean licenseAcceptance() { return licenseAcceptance; }

	public SpeedClass speed() { return speed; }

	/** The published zip that holds the ONNX files, or {@code null} when they are published as loose files. */
	public ModelFile archive() { return archive; }
}
