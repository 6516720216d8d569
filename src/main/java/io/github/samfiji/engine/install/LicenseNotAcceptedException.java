package io.github.samfiji.engine.install;

import io.github.samfiji.engine.model.ModelDescriptor;

import java.io.IOException;

/**
 * A model whose licence must be accepted before download (non-commercial licences such as S-Lab 1.0) was to be
 * installed without that acceptance. Nothing was downloaded. The message names the licence and where to read it.
 */
public final class LicenseNotAcceptedException extends IOException {

	private final String modelId;

	LicenseNotAcceptedException(ModelDescriptor d) {
		super("Model '" + d.id() + "' is published under the licence " + d.license() + " (" + d.catalog().licenseUrl() +
			"), which restricts how it may be used; it must be accepted before download. Read it, then accept it: in " +
			"Fiji in the Model Manager's licence question (macro: accept_license=true), on the command line with " +
			"--accept-license. Nothing was downloaded.");
		this.modelId = d.id();
	}

	public String modelId() { return modelId; }
}
