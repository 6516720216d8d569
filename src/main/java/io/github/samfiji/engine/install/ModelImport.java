package io.github.samfiji.engine.install;

import com.google.gson.JsonObject;

import io.github.samfiji.engine.model.Checksums;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.model.ModelFile;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.task.TaskMonitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Installs local ONNX files under a descriptor: copies them into a staged model, checks the descriptor's
 * checksums (and records the files' SHA-256 where it gives none), opens the staged model to check every tensor
 * against the descriptor and its decoder interface, and only then swaps it in.
 */
final class ModelImport {

	private final ModelStore store;
	private final JsonObject json;

	ModelImport(ModelStore store, JsonObject json) {
		this.store = store;
		this.json = json;
	}

	ModelDescriptor run(Path fromDir, TaskMonitor monitor) throws IOException {
		ModelDescriptor d = ModelDescriptorReader.read(new ByteArrayInputStream(json.toString().getBytes(
			StandardCharsets.UTF_8)), "descriptor").withDirectory(fromDir.toAbsolutePath());
		try (StagedModel staged = StagedModel.create(store, d.id())) {
			int i = 0;
			for (ModelFile f : d.files()) {
				Path source = d.path(f);
				if (!Files.isRegularFile(source)) throw new IOException("Cannot import model '" + d.id() + "': " + source +
					" is missing. The descriptor names the files " + d.files() + ", expected in " + fromDir);
				monitor.checkCancelled();
				monitor.progress("Copying " + f.fileName(), i++, d.files().size());
				String actual = Checksums.sha256(source);
				if (f.sha256() != null && !f.sha256().equals(actual)) throw new IOException("Cannot import model '" + d
					.id() + "': " + source + " has SHA-256 " + actual + ", but the descriptor expects " + f.sha256() +
					". It is another export or a corrupt copy.");
				DescriptorChecksums.record(json, f, actual);
				Files.copy(source, staged.file(f.fileName()));
			}
			ModelDescriptor stagedDescriptor = staged.writeDescriptor(json);
			monitor.progress("Checking the ONNX files of " + d.id(), i, d.files().size());
			try (SamModel opened = SamModel.open(stagedDescriptor, EngineOptions.defaults())) {
				// opening checks files, checksums, tensor names and the decoder interface
			}
			catch (IOException e) {
				throw new IOException("Cannot import model '" + d.id() + "': " + e.getMessage(), e);
			}
			return staged.commit();
		}
	}
}
