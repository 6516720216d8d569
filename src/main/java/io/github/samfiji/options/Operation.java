package io.github.samfiji.options;

import java.util.Locale;

/**
 * The operations a user can run, each with its own set of options in the {@link OptionTable}. The key names the
 * operation on the command line ({@code sam segment}); the title is its Fiji menu entry.
 */
public enum Operation {

	/** Objects from point, box and mask prompts (ROIs or a prompt file). */
	SEGMENT("segment", "Segment with Prompts", "objects from point, box and mask prompts (ROIs or a prompt file)."),
	/** Automatic segmentation of every plane, without prompts. */
	EVERYTHING("everything", "Segment Everything", "every object of every plane, without prompts (SAM's automatic mask generator)."),
	/** The objects of a label image or ROI set, each re-segmented from its box. */
	REFINE("refine", "Refine with SAM", "the objects of a label image or ROI set, each segmented again from its box; labels are kept."),
	/** Annotated objects followed through a stack along z or t. */
	PROPAGATE("propagate", "Propagate through Stack", "objects annotated on some planes, followed through the stack along z or t."),
	/** The interactive tool's options ("SAM Options..."). */
	TOOL("tool", "SAM Options", "the interactive SAM tool's options (and the defaults its objects are recorded with)."),
	/** One object from textual prompts, as the tool records it ("Segment Object"). */
	OBJECT("object", "Segment Object", "one object from prompts given as text, as the SAM tool records it."),
	/** A segmentation scored against a ground truth. */
	EVALUATE("evaluate", "Evaluate Segmentation", "a label image scored against a ground-truth label image (precision, recall, F1, SA@0.5, mSA, mean matched IoU)."),
	/**
	 * One of the command line's operations over many images ({@code sam batch OP}): its own options (where the images
	 * are, where the outputs go, where it runs) plus the operation's, which apply to every image.
	 */
	BATCH("batch", "Batch", "an operation over many images (a manifest or a folder), in this process or on Apache Spark; resumable.");

	private final String key;
	private final String title;
	private final String description;

	Operation(String key, String title, String description) {
		this.key = key;
		this.title = title;
		this.description = description;
	}

	/** What the operation does, in one line. */
	public String description() { return description; }

	/** The command-line name, e.g. {@code segment}. */
	public String key() { return key; }

	/** The menu title, e.g. {@code Segment with Prompts}. */
	public String title() { return title; }

	/** The operation named {@code key} on the command line, or {@code null}. */
	public static Operation byKey(String key) {
		for (Operation o : values())
			if (o.key.equals(key.toLowerCase(Locale.ROOT))) return o;
		return null;
	}
}
