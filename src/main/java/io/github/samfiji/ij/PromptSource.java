package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.gui.Roi;

import io.github.samfiji.engine.io.PromptCsv;
import io.github.samfiji.engine.prompt.ObjectPrompt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where prompts come from: the ROI Manager, the image's active selection, or a file ({@code .csv} in the
 * {@link PromptCsv} format, or an ImageJ {@code RoiSet.zip} / {@code .roi}). Prompts without a slice are put on
 * the image's current slice (ROIs; hyperstack ROI positions are honoured) or slice 1 (CSV rows without a slice).
 */
public enum PromptSource {

	ROI_MANAGER("ROI Manager"), SELECTION("Active selection"), FILE("File");

	private final String label;

	PromptSource(String label) {
		this.label = label;
	}

	/** The label shown in dialogs and recorded in macros. */
	public String label() { return label; }

	/** The dialog labels, in order. */
	public static String[] labels() {
		PromptSource[] all = values();
		String[] labels = new String[all.length];
		for (int i = 0; i < all.length; i++) labels[i] = all[i].label;
		return labels;
	}

	/** Parses a label ({@code ROI Manager}) or a name ({@code roi_manager}), case-insensitive. */
	public static PromptSource parse(String text) {
		for (PromptSource s : values())
			if (s.label.equalsIgnoreCase(text.trim()) || s.name().equalsIgnoreCase(text.trim().replace(' ', '_')))
				return s;
		throw new IllegalArgumentException("Unknown prompt source '" + text + "': use ROI Manager, Active selection or File");
	}

	/**
	 * Reads the prompts.
	 *
	 * @param file the prompt file, for {@link #FILE}
	 * @throws IllegalArgumentException when the source holds no prompts; the message says how to add some
	 */
	public List<ObjectPrompt> read(ImagePlus image, Path file) throws IOException {
		return read(image, file, false);
	}

	/**
	 * Reads the prompts; with {@code unpositionedOnEveryPlane}, prompts without a position (ROIs without a stack
	 * position, CSV rows without a slice) are on every plane instead of the current slice or slice 1.
	 */
	public List<ObjectPrompt> read(ImagePlus image, Path file, boolean unpositionedOnEveryPlane) throws IOException {
		switch (this) {
			case ROI_MANAGER: {
				Roi[] rois = RoiPrompts.roiManagerRois();
				if (rois.length == 0) throw new IllegalArgumentException(
					"The ROI Manager is empty: add rectangles (boxes) or points with [t], or choose another prompt source");
				return RoiPrompts.fromRois(rois, image, unpositionedOnEveryPlane);
			}
			case SELECTION: {
				Roi roi = image.getRoi();
				if (roi == null) throw new IllegalArgumentException("'" + image.getTitle() +
					"' has no selection: draw a rectangle or click points, or choose another prompt source");
				return RoiPrompts.fromRois(new Roi[] { roi }, image, unpositionedOnEveryPlane);
			}
			default: {
				if (file == null) throw new IllegalArgumentException("Choose a prompt file (.csv or RoiSet.zip)");
				String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
				if (name.endsWith(".csv")) return PromptCsv.read(file, unpositionedOnEveryPlane);
				if (name.endsWith(".zip") || name.endsWith(".roi")) return RoiPrompts.fromRoiFile(file, image,
					unpositionedOnEveryPlane);
				throw new IllegalArgumentException("Unknown prompt file type: " + file +
					" (use a .csv with header " + PromptCsv.HEADER + ", a RoiSet.zip or a .roi)");
			}
		}
	}
}
