package io.github.samfiji.engine.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import io.github.samfiji.engine.io.AtomicFiles;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelDescriptorReader;
import io.github.samfiji.engine.model.ModelStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A model being installed: a hidden directory in the store ({@code .staging-ID-*}) that receives the files and
 * the descriptor, and replaces the installed model only when complete ({@link #commit()}). Until then the
 * installed model, if any, is untouched and usable; closing without committing deletes the staging directory.
 */
final class StagedModel implements AutoCloseable {

	private final ModelStore store;
	private final String id;
	private final Path dir;
	private boolean committed;

	private StagedModel(ModelStore store, String id, Path dir) {
		this.store = store;
		this.id = id;
		this.dir = dir;
	}

	/** @throws IllegalArgumentException for an id that cannot be a directory name */
	static StagedModel create(ModelStore store, String id) throws IOException {
		store.modelDirectory(id); // validates the id
		Files.createDirectories(store.root());
		return new StagedModel(store, id, Files.createTempDirectory(store.root(), ".staging-" + id + "-"));
	}

	/**
	 * Where a file of the descriptor goes; refuses names that would leave the model directory.
	 *
	 * @throws IOException naming the file
	 */
	Path file(String name) throws IOException {
		Path p = dir.resolve(name).normalize();
		if (!p.startsWith(dir) || p.equals(dir)) throw new IOException("Model '" + id + "': the file name '" + name +
			"' points outside the model directory; a descriptor to install must name files inside it");
		Files.createDirectories(p.getParent());
		return p;
	}

	/** Writes {@code model.json} and returns the staged descriptor (file names resolved in the staging directory). */
	ModelDescriptor writeDescriptor(JsonObject json) throws IOException {
		byte[] text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json).getBytes(
			StandardCharsets.UTF_8);
		Path file = dir.resolve(ModelStore.DESCRIPTOR_NAME);
		AtomicFiles.write(file, out -> out.write(text));
		return ModelDescriptorReader.read(file);
	}

	/**
	 * Replaces the installed model (if any) with the staged one: the old directory is renamed aside, the staged
	 * one renamed into place, then the old one deleted. If the second rename fails the old model is put back.
	 *
	 * @return the installed descriptor
	 */
	ModelDescriptor commit() throws IOException {
		Path target = store.modelDirectory(id);
		Path old = null;
		if (Files.exists(target)) {
			old = Files.createTempDirectory(store.root(), ".old-" + id + "-");
			Files.delete(old);
			move(target, old);
		}
		try {
			move(dir, target);
		}
		catch (IOException e) {
			if (old != null) move(old, target);
			throw new IOException("Could not move the new model into " + target + " (" + e.getMessage() +
				"); the previous installation is unchanged", e);
		}
		committed = true;
		if (old != null) deleteTree(old);
		return ModelDescriptorReader.read(target.resolve(ModelStore.DESCRIPTOR_NAME));
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to);
		}
	}

	@Override
	public void close() throws IOException {
		if (!committed) deleteTree(dir);
	}

	/** Deletes a directory and everything in it (symbolic links are removed, not followed). */
	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) return;
		Files.walkFileTree(root, new SimpleFileVisitor<Path>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
				if (e != null) throw e;
				Files.delete(d);
				return FileVisitResult.CONTINUE;
			}
		});
	}
}
