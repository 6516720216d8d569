package io.github.samfiji.engine.install;

import com.google.gson.JsonObject;

import io.github.samfiji.engine.model.ModelFile;

/**
 * Writes files' SHA-256 into a descriptor's JSON, so that an installed model whose descriptor gave none (imported
 * exports, files taken out of an archive) detects later corruption when it is opened.
 */
final class DescriptorChecksums {

	private DescriptorChecksums() {}

	/** Sets {@code sha256} on the encoder, decoder or external-data entry whose file is {@code f}. */
	static void record(JsonObject json, ModelFile f, String sha256) {
		for (String part : new String[] { "encoder", "decoder" }) {
			JsonObject o = json.getAsJsonObject(part);
			if (f.fileName().equals(o.get("file").getAsString())) o.addProperty("sha256", sha256);
			JsonObject data = o.getAsJsonObject("externalData");
			if (data != null && f.fileName().equals(data.get("file").getAsString())) data.addProperty("sha256", sha256);
		}
	}
}
