package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Regions of interest as engine masks (row-major {@code width x height} pixels of a plane): an image's area
 * selection, ROI files (the union of their areas) or a mask image (its non-zero pixels). Sources are only read.
 */
public final class Regions {

	private Regions() {}

	/**
	 * The image's area selection.
	 *
	 * @throws IllegalArgumentException when the image has no area selection
	 */
	public static boolean[] ofSelection(ImagePlus image) {
		Roi roi = image.getRoi();
		if (roi == null || !roi.isArea()) throw new IllegalArgumentException("'" + image.getTitle() +
			"' has no area selection: draw the region to segment in, or leave inside_selection off");
		return union(new Roi[] { roi }, image.getWidth(), image.getHeight());
	}

	/**
	 * A region file for an image of this size: a {@code .roi} or {@code RoiSet.zip} (the union of its areas), or a
	 * mask image of the same size (non-zero pixels of its first plane).
	 *
	 * @throws IOException when the file cannot be read
	 * @throws IllegalArgumentException for ROIs that are not areas or a mask of another size
	 */
	public static boolean[] ofFile(Path file, int width, int height) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".roi") || name.endsWith(".zip")) return union(RoiPrompts.readRois(file), width, height);
		ImagePlus mask = ImageFiles.open(file);
		if (mask.getWidth() != width || mask.getHeight() != height) throw new IllegalArgumentException("The region mask " +
			file + " is " + mask.getWidth() + "x" + mask.getHeight() + ", but the image is " + width + "x" + height);
		ImageProcessor ip = mask.getProcessor();
		boolean[] region = new boolean[width * height];
		for (int i = 0; i < region.length; i++)
			region[i] = ip.getf(i) != 0;
		return region;
	}

	private static boolean[] union(Roi[] rois, int width, int height) {
		boolean[] region = new boolean[width * height];
		for (Roi roi : rois) {
			if (!roi.isArea()) throw new IllegalArgumentException("ROI '" + roi.getName() + "' is a " + roi
				.getTypeAsString() + " selection; a region needs area ROIs");
			for (java.awt.Point p : roi.getContainedPoints())
				if (p.x >= 0 && p.y >= 0 && p.x < width && p.y < height) region[p.y * width + p.x] = true;
		}
		return region;
	}
}
