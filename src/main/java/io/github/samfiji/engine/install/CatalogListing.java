package io.github.samfiji.engine.install;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.SpeedClass;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue as users see it in the Model Manager, the "model missing" dialog and {@code sam models list}: one
 * row per known model with its download size, licence, speed class and whether it is installed, in one text format
 * for all of them.
 */
public final class CatalogListing {

	/** One known model. */
	public static final class Row {

		private final ModelDescriptor descriptor;
		private final boolean installed;

		Row(ModelDescriptor descriptor, boolean installed) {
			this.descriptor = descriptor;
			this.installed = installed;
		}

		public ModelDescriptor descriptor() { return descriptor; }

		public String id() { return descriptor.id(); }

		public boolean installed() { return installed; }

		/** Whether the Model Manager can download it (else it is exported from a checkpoint and imported). */
		public boolean downloadable() { return descriptor.downloadable(); }

		/** Whether its licence must be accepted before download. */
		public boolean licenseAcceptance() { return descriptor.catalog().licenseAcceptance(); }

		/** The download size, e.g. {@code 38 MB}, or {@code ? MB} when not published. */
		public String size() { return megabytes(descriptor.downloadSize()); }

		/**
		 * A table line: id, size, licence (marked {@code must be accepted} where it is), speed, state, e.g.
		 * {@code edgesam  38 MB  S-Lab-1.0 (non-commercial), must be accepted  fast  installed}.
		 */
		public String line() {
			return String.format(Locale.ROOT, "%-28s %7s  %-46s %-9s %s", id(), downloadable() ? size() : "-", descriptor
				.license() + (licenseAcceptance() ? ", must be accepted" : ""), descriptor.catalog().speed().label(),
				installed ? "installed" : downloadable() ? "not installed" : "export + import");
		}
	}

	private CatalogListing() {}

	/** The column titles of {@link Row#line()}. */
	public static String header() {
		return String.format(Locale.ROOT, "%-28s %7s  %-46s %-9s %s", "model", "size", "licence", "speed", "state");
	}

	/** Every catalogue model, downloadable ones first, each group sorted by id. */
	public static List<Row> rows(ModelManager manager) throws IOException {
		List<Row> rows = new ArrayList<>();
		List<String> installed = manager.store().installedIds();
		for (ModelCatalog.Entry e : manager.catalog().entries())
			rows.add(new Row(e.descriptor(), installed.contains(e.descriptor().id())));
		rows.sort(Comparator.comparing((Row r) -> !r.downloadable()).thenComparing(Row::id));
		return rows;
	}

	/**
	 * The model to suggest when a command's model is missing: that model when it can be downloaded, else the
	 * downloadable one that suits the most uses (no licence to accept, point, box and mask prompts, fastest).
	 *
	 * @return its id, or {@code null} when nothing can be downloaded
	 */
	public static String suggestion(List<Row> rows, String missingId) {
		Row best = null;
		for (Row r : rows) {
			if (!r.downloadable()) continue;
			if (r.id().equals(missingId)) return r.id();
			if (best == null || rank(r) < rank(best)) best = r;
		}
		return best == null ? null : best.id();
	}

	private static int rank(Row r) {
		ModelDescriptor d = r.descriptor();
		int speed = d.catalog().speed() == SpeedClass.UNKNOWN ? SpeedClass.values().length : d.catalog().speed()
			.ordinal();
		return (r.licenseAcceptance() ? 100 : 0) + (d.promptTypes().contains("mask") ? 0 : 10) + speed;
	}

	/** Bytes as whole megabytes (10^6), {@code ? MB} for -1. */
	public static String megabytes(long bytes) {
		if (bytes < 0) return "? MB";
		return Math.max(1, Math.round(bytes / 1e6)) + " MB";
	}
}
