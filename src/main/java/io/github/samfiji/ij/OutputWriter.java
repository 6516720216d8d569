package io.github.samfiji.ij;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;

import io.github.samfiji.engine.io.OutputLocation;
import io.github.samfiji.engine.io.OutputSet;

import java.awt.Color;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Writes {@link SegmentationOutputs} into a directory: {@value #LABELS}, {@value #ROIS}, {@value #TABLE} and an
 * {@value #OVERLAY} preview of the outlines on the first slice that has objects, published as one
 * {@link OutputSet}: the directory holds the previous four files or the new four, never a mix or a half-written
 * file, whatever fails (an encoding error, a full disk, a read-only file) and even when the run is killed.
 * {@link #checkLocation} tells before a run whether it could write its outputs there.
 * The same outputs give the same bytes: no file records when or where it was written.
 */
public final class OutputWriter {

	public static final String LABELS = "labels.tif";
	public static final String ROIS = "RoiSet.zip";
	public static final String TABLE = "results.csv";
	public static final String OVERLAY = "overlay.png";

	/** The names of the files written, in the order they are written. */
	public static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(LABELS, ROIS, TABLE, OVERLAY));

	/**
	 * The time stamp of every entry of {@value #ROIS}: fixed, so that the same objects give the same bytes (a batch
	 * and the single-image command line, a run and its rerun), whatever the clock and time zone.
	 */
	private static final LocalDateTime ROI_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

	private OutputWriter() {}

	/**
	 * Checks, before a run on {@code source}, that its outputs could be written into {@code dir}: see
	 * {@link OutputLocation#check}; the space needed is at least the label image's uncompressed size.
	 *
	 * @throws IOException saying what is wrong with {@code dir} and what to do
	 */
	public static void checkLocation(Path dir, ImagePlus source) throws IOException {
		long labelBytes = source == null ? 0 : 2L * source.getWidth() * source.getHeight() * source.getStackSize();
		OutputLocation.check(dir, NAMES, labelBytes);
	}

	/**
	 * Writes the four files as one set (see the class comment).
	 *
	 * @throws IOException naming the file or directory and what to do; {@code dir} then holds what it held before
	 */
	public static void write(SegmentationOutputs outputs, ImagePlus source, Path dir) throws IOException {
		byte[] tiff = new FileSaver(outputs.labels()).serialize();
		if (tiff == null) throw new IOException("Could not encode the label image as TIFF");
		ImagePlus preview = overlayPreview(outputs, source);
		new OutputSet(dir).add(LABELS, out -> out.write(tiff)).add(ROIS, out -> writeRoiSet(outputs, out)).add(TABLE,
			outputs.table()::writeCsv).add(OVERLAY, out -> {
				if (!ImageIO.write(preview.getBufferedImage(), "png", out)) throw new IOException("No PNG writer");
			}).publish();
	}

	private static void writeRoiSet(SegmentationOutputs outputs, java.io.OutputStream stream) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(stream);
		DataOutputStream data = new DataOutputStream(zip);
		RoiEncoder encoder = new RoiEncoder(data);
		Set<String> names = new HashSet<>();
		for (Roi roi : outputs.rois()) {
			String name = roi.getName();
			for (int i = 2; !names.add(name); i++) name = roi.getName() + "-" + i;
			ZipEntry entry = new ZipEntry(name + ".roi");
			entry.setTimeLocal(ROI_TIME);
			zip.putNextEntry(entry);
			encoder.write(roi);
			data.flush();
		}
		zip.finish();
	}

	/** The source slice with the objects' outlines burnt in, as RGB. */
	static ImagePlus overlayPreview(SegmentationOutputs outputs, ImagePlus source) {
		int slice = outputs.result().objects().isEmpty() ? 1 : outputs.result().objects().get(0).slice();
		ImagePlus plane = new ImagePlus("preview", source.getStack().getProcessor(slice).duplicate().convertToRGB());
		Overlay overlay = new Overlay();
		for (Roi roi : outputs.rois()) {
			if (roi.getPosition() > 0 && roi.getPosition() != slice) continue;
			Roi outline = (Roi) roi.clone();
			outline.setPosition(0);
			Color c = roi.getStrokeColor() == null ? Color.YELLOW : roi.getStrokeColor();
			outline.setStrokeColor(c);
			overlay.add(outline);
		}
		plane.setOverlay(overlay);
		return plane.flatten();
	}
}
