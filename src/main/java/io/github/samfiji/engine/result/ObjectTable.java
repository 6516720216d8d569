package io.github.samfiji.engine.result;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The per-object results table: one row per object with {@value #HEADER}. {@code area} counts the pixels of the
 * object's own mask; {@code overlap} those of them that the label image gives to an earlier object (see
 * {@link LabelComposer}); {@code area_calibrated} is {@code area} times the pixel area in {@code unit}²;
 * {@code region} says which part of the plane the model saw (see {@link SegmentedObject#region()}).
 * {@code volume_calibrated} is {@code area} times the voxel volume in {@code unit}³ (pixel area times the plane
 * spacing, so an object's volume in a z-stack is the sum over its rows; anisotropic voxels are taken as they are);
 * {@code intensity} is the intensity mapping of the run (e.g. {@code auto}, {@code ct-lung (fixed:-1350:150)}). In CSV,
 * decimals are written plainly (no exponent), rounded to 6 decimal places, without trailing zeros; a number that is not
 * finite (a broken model's score, a crafted calibration) is written {@code NaN}, {@code Inf} or {@code -Inf}, as R and
 * pandas read them.
 */
public final class ObjectTable {

	public static final String HEADER =
		"object,name,slice,area,area_calibrated,unit,overlap,predicted_iou,stability_score,bbox_x,bbox_y,bbox_width,bbox_height,region,volume_calibrated,intensity";
	public static final List<String> COLUMNS = Collections.unmodifiableList(Arrays.asList(HEADER.split(",")));

	private final List<Object[]> rows = new ArrayList<>();

	/**
	 * @param pixelArea calibrated area of one pixel (1 when uncalibrated)
	 * @param unit calibration unit, e.g. "µm" or "pixel"
	 */
	public ObjectTable(SegmentationResult result, double pixelArea, String unit) {
		this(result, result.labels(), pixelArea, unit);
	}

	/** The same, reusing label planes already composed from {@code result} (their overlap counts). */
	public ObjectTable(SegmentationResult result, SegmentationResult.LabelStack labels, double pixelArea, String unit) {
		this(result, labels, pixelArea, 1, unit, "");
	}

	/**
	 * @param planeSpacing calibrated distance between planes (ImageJ's voxel depth; 1 for a single plane)
	 * @param intensity the run's intensity mapping as text, recorded on every row
	 */
	public ObjectTable(SegmentationResult result, SegmentationResult.LabelStack labels, double pixelArea,
		double planeSpacing, String unit, String intensity)
	{
		List<SegmentedObject> objects = result.objects();
		for (int i = 0; i < objects.size(); i++) {
			SegmentedObject o = objects.get(i);
			ObjectMask m = o.mask();
			rows.add(new Object[] { o.id(), o.name(), o.slice(), m.area(), m.area() * pixelArea, unit, labels
				.overlapPixels(i), (double) o.predictedIou(), stability(o), m.boundsX(), m.boundsY(), m.boundsWidth(), m
					.boundsHeight(), o.region() == null ? "" : o.region(), m.area() * pixelArea *
						planeSpacing, intensity });
		}
	}

	/** The stability score, or "" when it was not measured (prompted objects). */
	private static Object stability(SegmentedObject o) {
		return Float.isNaN(o.stabilityScore()) ? "" : (Object) (double) o.stabilityScore();
	}

	/** Rows in object order; values are {@code Integer}, {@code Double} or {@code String}, in {@link #COLUMNS} order. */
	public List<Object[]> rows() { return Collections.unmodifiableList(rows); }

	/** Writes the table as UTF-8 CSV with a header line; numbers use '.' as decimal separator. */
	public void writeCsv(OutputStream out) throws IOException {
		Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		w.write(HEADER);
		w.write('\n');
		for (Object[] row : rows) {
			for (int c = 0; c < row.length; c++) {
				if (c > 0) w.write(',');
				w.write(format(row[c]));
			}
			w.write('\n');
		}
		w.flush();
	}

	private static String format(Object value) {
		if (value instanceof Double && !Double.isFinite((Double) value)) return nonFinite((Double) value);
		if (value instanceof Double) return BigDecimal.valueOf((Double) value).setScale(6, RoundingMode.HALF_UP)
			.stripTrailingZeros().toPlainString();
		String s = String.valueOf(value);
		return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}

	private static String nonFinite(double value) {
		return Double.isNaN(value) ? "NaN" : value > 0 ? "Inf" : "-Inf";
	}
}
