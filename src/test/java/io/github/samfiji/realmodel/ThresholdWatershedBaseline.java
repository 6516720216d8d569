package io.github.samfiji.realmodel;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.filter.EDM;
import ij.plugin.filter.ParticleAnalyzer;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

/**
 * The classic Fiji pipeline a user would pick instead of SAM, run with the ImageJ 1 classes behind its commands: 8-bit grey,
 * Otsu auto-threshold (objects bright on a dark background when the median grey value is below 128, else dark
 * objects on a bright background, as for bright-field and H&E), Convert to Mask, Watershed, Analyze Particles
 * (size 10 pixels and up, which drops single-pixel noise a user would not keep) showing Count Masks, which is the
 * label image.
 */
final class ThresholdWatershedBaseline {

	private ThresholdWatershedBaseline() {}

	/** @return the row-major 16-bit label plane of {@code image} (not modified) */
	static short[] labels(ImagePlus image) {
		ImageProcessor grey = image.getProcessor().convertToByteProcessor(); // "8-bit" (a new processor)
		boolean darkBackground = median(grey) < 128;
		grey.setAutoThreshold("Otsu" + (darkBackground ? " dark" : ""));
		ByteProcessor mask = grey.createMask(); // "Convert to Mask": 255 = object
		new EDM().toWatershed(mask); // "Watershed"
		mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		ParticleAnalyzer pa = new ParticleAnalyzer(ParticleAnalyzer.SHOW_ROI_MASKS, 0, new ResultsTable(), 10,
			Double.POSITIVE_INFINITY);
		pa.setHideOutputImage(true);
		pa.analyze(new ImagePlus("mask", mask));
		return (short[]) pa.getOutputImage().getProcessor().convertToShortProcessor(false).getPixels();
	}

	private static int median(ImageProcessor ip) {
		int[] h = ip.getHistogram();
		long total = (long) ip.getWidth() * ip.getHeight(), seen = 0;
		for (int v = 0; v < h.length; v++)
			if ((seen += h[v]) * 2 >= total) return v;
		return 255;
	}
}
