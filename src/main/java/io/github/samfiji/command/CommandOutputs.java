package io.github.samfiji.command;

import ij.ImagePlus;

import io.github.samfiji.engine.result.SegmentationResult;
import io.github.samfiji.ij.OutputDisplay;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.SegmentationOutputs;

import java.io.File;
import java.io.IOException;

import org.scijava.log.LogService;

/**
 * What every SciJava command of this plugin does with its outputs, so that they all report alike: writes them to
 * {@code outputDirectory} when set, shows the ROIs and table when {@code show}, logs the run's notes (encoding, cache
 * counts, where propagated objects stopped), warns when the run stopped early with why and how many finished objects
 * were kept, and logs the error that stopped it.
 */
final class CommandOutputs {

	private CommandOutputs() {}

	/** @return the label image, the commands' output */
	static ImagePlus deliver(String title, SegmentationOutputs outputs, ImagePlus image, File outputDirectory,
		boolean show, LogService log) throws IOException
	{
		if (outputDirectory != null) OutputWriter.write(outputs, image, outputDirectory.toPath());
		if (show) OutputDisplay.show(outputs, false, true, true);
		SegmentationResult result = outputs.result();
		for (String note : result.notes())
			log.info(title + ": " + note);
		for (String note : outputs.notes())
			log.info(title + ": " + note);
		if (!result.isComplete()) log.warn(title + " stopped early (" + (result.stoppedBecause() == null ? "cancelled"
			: result.stoppedBecause()) + "); kept " + result.objects().size() + " finished object(s)");
		if (outputs.failure() != null) log.error(title + " stopped early", outputs.failure());
		return outputs.labels();
	}
}
