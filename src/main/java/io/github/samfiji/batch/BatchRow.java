package io.github.samfiji.batch;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One job of a batch: an image, its own input files (prompts or objects, by the flag that names them) and the name
 * of its output folder. Locations are absolute paths or URIs (a Hadoop file system's, e.g. {@code hdfs://...}), so
 * that any machine of a cluster reads the same files. Immutable and serializable (it travels to Spark executors).
 */
public final class BatchRow implements Serializable {

	private static final long serialVersionUID = 1L;

	private final int number;
	private final String image;
	private final LinkedHashMap<String, String> inputs;
	private final String name;

	/**
	 * @param number the row's 1-based number in the manifest (or the folder listing), for messages
	 * @param image the image's absolute path or URI
	 * @param inputs the image's own files by flag without dashes (e.g. {@code prompts}), absolute paths or URIs
	 * @param name the output folder's name (a plain file name)
	 */
	public BatchRow(int number, String image, Map<String, String> inputs, String name) {
		this.number = number;
		this.image = image;
		this.inputs = new LinkedHashMap<>(inputs);
		this.name = name;
	}

	public int number() { return number; }

	/** The image's location as the manifest gave it, made absolute. */
	public String image() { return image; }

	/** The image's own input files by flag, e.g. {@code prompts -> /data/a.csv}. */
	public Map<String, String> inputs() { return Collections.unmodifiableMap(inputs); }

	/** The name of the image's output folder under the batch's output directory. */
	public String name() { return name; }

	@Override
	public String toString() { return "row " + number + " (" + image + ")"; }
}
